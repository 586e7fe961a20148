#!/usr/bin/env node
// @ts-check
// `npm start` (and `npm run dev` with --dev): fetch Electron's binary when it is missing, build, run.
// Anything that stops the start ends in ONE line that says why and what to do, never a stack trace.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { electronPackageDir, ensureElectronBinary, linuxStartProblem, missingBinaryLine } from './electron-launch.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')

/** @param {string} line */
function fail(line) {
  console.error(line)
  process.exit(1)
}

const major = Number(process.versions.node.split('.')[0])
if (major < 22) fail(`pve-tray: cannot start: Node.js ${process.versions.node} is too old; Electron's installer and the build need Node.js 22 or newer.`)

const pkgDir = electronPackageDir(join(root, 'package.json'))
if (pkgDir === null) fail('pve-tray: cannot start: the electron package is not installed: run npm install first.')

const binary = ensureElectronBinary({ pkgDir: /** @type {string} */ (pkgDir), log: (l) => console.log(`pve-tray: ${l}`) })
if (!binary.ok) fail(missingBinaryLine(binary))
if (!binary.ok) process.exit(1) // (narrowing for the checker; fail() has exited)

const problem = linuxStartProblem({ distDir: dirname(binary.path) })
if (problem !== null) fail(problem)

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
if (dev) {
  // electron-vite finds the binary through path.txt, which now exists.
  const child = spawn(process.execPath, [electronVite, 'dev'], { cwd: root, stdio: 'inherit' })
  forward(child)
} else {
  const built = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (built.status !== 0) fail('pve-tray: cannot start: the build failed (its errors are above): fix them, or run npm run build to see the type errors too.')
  const child = spawn(binary.path, [root], { cwd: root, stdio: 'inherit' })
  forward(child)
}

/**
 * The launcher only waits for Electron and hands on its exit status. Ctrl+C already reaches Electron (same
 * process group), whose first SIGINT quits cleanly (monitors stopped, SSH closed) and whose second one
 * kills it: so SIGINT is not forwarded, only ignored here. SIGTERM/SIGHUP (a closed terminal, `kill`) are
 * forwarded once. On Windows a "signal" to a child is TerminateProcess: nothing is forwarded there.
 * @param {import('node:child_process').ChildProcess} child
 */
function forward(child) {
  process.on('SIGINT', () => undefined)
  if (process.platform !== 'win32') {
    for (const sig of /** @type {const} */ (['SIGTERM', 'SIGHUP'])) process.once(sig, () => child.kill(sig))
  }
  child.on('error', (e) => fail(`pve-tray: cannot start Electron: ${e.message}`))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
