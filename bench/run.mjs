// Runs every bench/*.bench.{ts,mjs,js} with this Node (24+), one after the other so they do not skew
// each other's timings; exits non-zero if any of them failed. `npm run bench monitor` runs the ones
// whose file name contains "monitor". ts-hooks.mjs lets Node load the TypeScript sources directly.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => /\.bench\.(ts|mjs|js)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

if (files.length === 0) {
  console.error('no bench/*.bench.* files found')
  process.exit(1)
}

const failed = []
for (const file of files) {
  console.log(`\n=== ${file}`)
  const started = Date.now()
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', join(dir, 'ts-hooks.mjs'), join(dir, file)], { stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    failed.push(file)
    console.log(`=== ${file}: FAILED or a target MISSED (${result.signal ?? `exit ${result.status}`}) after ${seconds} s`)
  } else {
    console.log(`=== ${file}: every target met, in ${seconds} s`)
  }
}
console.log(
  `\n${files.length - failed.length} of ${files.length} benchmarks met every target${failed.length ? `; failed or missed: ${failed.join(', ')}` : ''}`
)
process.exit(failed.length ? 1 : 0)
