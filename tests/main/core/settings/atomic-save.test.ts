// Saving is atomic: a process killed (SIGKILL) in the middle of saving, again and again, always leaves a
// complete settings file, either the previous document or the new one. Runs the real store module in a
// child process (bundled by Vite), so the kill can land inside a write.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')
const outDir = join(root, 'test-results', 'atomic-save')
let dir = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pvetray-atomic-'))
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: {
      ssr: join(root, 'src/main/core/settings/json-file-settings-store.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)], output: { format: 'es', entryFileNames: 'store.mjs' } }
    }
  })
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Each save writes a ~200 KB document whose every entry names its generation: a torn write shows.
const writer = `
import { createJsonFileSettingsStore } from ${JSON.stringify(join(outDir, 'store.mjs'))}
const store = createJsonFileSettingsStore(process.argv[1])
for (let gen = 1; ; gen++) store.save({ gen, clusters: Array.from({ length: 2000 }, (_, i) => ({ id: 'c' + i, gen, pad: 'x'.repeat(64) })) })
`

describe('settings saves survive a crash at any moment', () => {
  it('a SIGKILL during saving leaves the previous or the next complete document, never a torn one', async () => {
    const file = join(dir, 'settings.json')
    let seen = 0
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', writer, file], { stdio: 'ignore' })
      await new Promise((r) => setTimeout(r, 150 + round * 37))
      child.kill('SIGKILL')
      await new Promise((r) => child.once('exit', r))
      let doc: { gen: number; clusters: { gen: number }[] } | null = null
      try {
        doc = JSON.parse(readFileSync(file, 'utf8')) as { gen: number; clusters: { gen: number }[] }
      } catch (e) {
        throw new Error(`round ${round}: the settings file is not a complete document after a crash (${e instanceof Error ? e.message : String(e)})`, {
          cause: e
        })
      }
      expect(doc.clusters).toHaveLength(2000)
      expect(doc.clusters.every((c) => c.gen === doc.gen)).toBe(true)
      seen = Math.max(seen, doc.gen)
    }
    // The writer really was interrupted while saving (many generations written).
    expect(seen).toBeGreaterThan(1)
  }, 60_000)
})
