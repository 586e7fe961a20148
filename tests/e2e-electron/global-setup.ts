// Runs once per Playwright run. Gets the Electron binary the way `npm start` does (Electron's own
// installer, when it is missing), gives it a display (Xvfb, when there is none), builds the app and a
// Node bundle of the simulator. When any of that is impossible it prints the ONE line that says why,
// and every test reports itself as skipped with that reason.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname } from 'node:path'
import { join } from 'node:path'

import { build } from 'vite'

import { electronPackageDir, ensureElectronBinary, linuxStartProblem } from '../../scripts/electron-launch.mjs'
import { noBinary, SKIP_ENV, skipLine } from './electron-binary'

export const simulatorBundle = (root: string): string => join(root, 'test-results', 'e2e-electron-sim', 'simulator.mjs')

function skip(reason: string): void {
  process.env[SKIP_ENV] = reason
  console.log(skipLine(reason))
}

/** Linux without a display: a private Xvfb for the run (what xvfb-run would do); it picks a free display. */
async function virtualDisplay(): Promise<ChildProcess | null | string> {
  if (process.platform !== 'linux' || process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']) return null
  if (!existsSync('/usr/bin/Xvfb')) return 'there is no display and Xvfb is not installed (apt-get install xvfb)'
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] })
  const display = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 10_000)
    xvfb.stdout?.once('data', (d: Buffer) => {
      clearTimeout(timer)
      resolve(d.toString().trim() || null)
    })
    xvfb.once('exit', () => {
      clearTimeout(timer)
      resolve(null)
    })
  })
  if (display === null) {
    xvfb.kill()
    return 'there is no display and Xvfb did not start'
  }
  process.env['DISPLAY'] = `:${display}`
  return xvfb
}

export default async function globalSetup(): Promise<(() => void) | undefined> {
  const pkgDir = electronPackageDir(import.meta.url)
  const bin = pkgDir === null ? { ok: false as const, reason: 'the electron package is not installed' } : ensureElectronBinary({ pkgDir })
  if (!bin.ok) {
    skip(noBinary(bin.reason))
    return undefined
  }
  const xvfb = await virtualDisplay()
  if (typeof xvfb === 'string') {
    skip(xvfb)
    return undefined
  }
  const stopXvfb = (): void => void xvfb?.kill()
  // The app's own start rules (Ubuntu 24.04+ sandbox helper, …); as root the suite passes --no-sandbox.
  const problem = linuxStartProblem({ distDir: dirname(bin.path), rootRunsWithoutSandbox: true })
  if (problem !== null) {
    stopXvfb()
    skip(problem)
    return undefined
  }
  const root = join(import.meta.dirname, '../..')
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
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
  } catch (e) {
    stopXvfb()
    throw e
  }
  return stopXvfb
}
