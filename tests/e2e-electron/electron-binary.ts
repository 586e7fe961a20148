// Finds the Electron binary WITHOUT `require('electron')`: that export tries to download a missing
// binary (a network call, and noise) before it throws. Same rules as the package's index.js:
// node_modules/electron/path.txt names the executable under dist/ (or ELECTRON_OVERRIDE_DIST_PATH).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronBinary = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string }

export function electronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let pkgDir: string
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { ok: false, reason: 'the electron package is not installed' }
  }
  const pathFile = join(pkgDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (env['ELECTRON_OVERRIDE_DIST_PATH']) {
    const p = join(env['ELECTRON_OVERRIDE_DIST_PATH'], executable ?? 'electron')
    return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executable ?? 'electron'}` }
  }
  if (executable === null) return { ok: false, reason: 'node_modules/electron/path.txt is missing: the binary was never downloaded' }
  const p = join(pkgDir, 'dist', executable)
  return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `${p} does not exist` }
}

export function skipLine(reason: string): string {
  return `Electron e2e skipped: no Electron binary on this machine (${reason})`
}
