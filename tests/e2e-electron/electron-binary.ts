// Finds the Electron binary WITHOUT `require('electron')` (that export downloads, then throws a generic
// message). The rules are the launcher's (scripts/electron-launch.mjs), which `npm start` uses too.
// global-setup may have recorded why the suite cannot run (download failed, no display): every worker
// then reports the same reason.
import { electronBinaryState, electronPackageDir } from '../../scripts/electron-launch.mjs'

export type ElectronBinary = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string }

export const SKIP_ENV = 'PVE_TRAY_E2E_ELECTRON_SKIP'

export function electronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const skip = env[SKIP_ENV]
  if (skip) return { ok: false, reason: skip }
  const pkg = electronPackageDir(import.meta.url)
  if (pkg === null) return { ok: false, reason: 'the electron package is not installed' }
  const s = electronBinaryState(pkg, env)
  return s.ok ? { ok: true, path: s.path } : { ok: false, reason: noBinary(s.reason) }
}

export const noBinary = (why: string): string => `no Electron binary on this machine (${why})`

export function skipLine(reason: string): string {
  return `Electron e2e skipped: ${reason}`
}
