// A SettingsStore on a plain JSON file (tests and the browser bridge; the Electron app uses
// electron-store through the glue). Writes are atomic (temp file + rename) so a crash mid-write
// cannot leave half a document.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import type { SettingsStore } from './settings-store'

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, text, { mode: 0o600 })
  renameSync(tmp, path)
}

export function createJsonFileSettingsStore(path: string, now: () => number = Date.now): SettingsStore {
  return {
    load(): unknown {
      if (!existsSync(path)) return undefined
      return JSON.parse(readFileSync(path, 'utf8')) as unknown
    },
    save(doc: unknown): void {
      writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`)
    },
    backup(): string | null {
      if (!existsSync(path)) return null
      const target = `${path}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`
      copyFileSync(path, target)
      return target
    }
  }
}
