// A SettingsStore on a plain JSON file (tests and the browser bridge; the Electron app uses
// electron-store through the glue). Writes are atomic (temp file + rename) so a crash mid-write
// cannot leave half a document.
import { copyFileSync, existsSync, readFileSync } from 'node:fs'

import { asidePath, writeFileAtomic } from '../files/durable-file'
import type { SettingsStore } from './settings-store'

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
      const target = asidePath(path, 'corrupt', now())
      copyFileSync(path, target)
      return target
    }
  }
}
