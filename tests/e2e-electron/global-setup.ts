// Runs once per Playwright run. Gets the Electron binary the way `npm start` does (Electron's own
// installer, when it is missing), gives it a display (Xvfb, when there is none), builds the app and a
// Node bundle of the simulator. When any of that is impossible it prints the ONE line that says why,
// and every test reports itself as skipped with that reason.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'

import { build } from 'vite'

import { electronPackageDir, ensureElectronBinary } from '../../scripts/electron-launch.mjs'
import { SKIP_ENV, skipLine } from './electron-binary'

export const simulatorBundle = (root: string): string => join(root, 'test-results', 'e2e-electron-sim', 'simulator.mjs')

function skip(reason: string): void {
  process.env[SKIP_ENV] = reason
  console.log(skipLine(reason))
}

/** Linux without a display: a private Xvfb for the run (what xvfb-run would do). */
async function virtualDisplay(): Promise<ChildProcess | null | 'unavailable'> {
  if (process.platform !== 'linux' || process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']) return null
  if (!existsSync('/usr/bin/Xvfb')) return 'unavailable'
  const display = `:${90 + (process.pid % 500)}`
  const xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' })
  await new Promise((r) => setTimeout(r, 500))
  if (xvfb.exitCode !== null) return 'unavailable'
  process.env['DISPLAY'] = display
  return xvfb
}

export default async function globalSetup(): Promise<(() => void) | undefined> {
  const pkgDir = electronPackageDir(import.meta.url)
  const bin = pkgDir === null ? { ok: false as const, reason: 'the electron package is not installed' } : ensureElectronBinary({ pkgDir })
  if (!bin.ok) {
    skip(bin.reason)
    return undefined
  }
  const xvfb = await virtualDisplay()
  if (xvfb === 'unavailable') {
    skip('there is no display and Xvfb is not installed (apt-get install xvfb)')
    return undefined
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
  return xvfb ? () => void xvfb.kill() : undefined
}
