// Runs once per Playwright run: builds the app and a Node bundle of the simulator when the app can
// be launched, or prints the ONE line that says why the Electron suite is skipped (each test then
// reports itself as skipped, not passed).
import { execFileSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import { join } from 'node:path'

import { build } from 'vite'

import { electronBinary, skipLine } from './electron-binary'

export const simulatorBundle = (root: string): string => join(root, 'test-results', 'e2e-electron-sim', 'simulator.mjs')

export default async function globalSetup(): Promise<void> {
  const bin = electronBinary()
  if (!bin.ok) {
    console.log(skipLine(bin.reason))
    return
  }
  const root = join(import.meta.dirname, '../..')
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  // Playwright's TS loader cannot import the simulator's JSON fixture; a bundle can.
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: {
      ssr: join(root, 'src/main/core/simulator/index.ts'),
      outDir: join(root, 'test-results', 'e2e-electron-sim'),
      emptyOutDir: true,
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^[^./]/],
        output: { format: 'es', entryFileNames: 'simulator.mjs' }
      }
    }
  })
}
