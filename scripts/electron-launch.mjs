// @ts-check
// What `npm start`, `npm run dev` and the Electron e2e suite need before Electron can run: its binary
// (fetched through Electron's own installer when missing) and, on Linux, a sandbox Chromium can
// start. Plain JavaScript on purpose: it runs before anything is built, on any Node >= 22.
//
// Why the installer and not `require('electron')`: since Electron 4x there is no postinstall; the
// package's index.js downloads on first require and then THROWS a generic "delete node_modules"
// message, losing the reason. Its `install.js` (the `install-electron` bin) is the same download with
// the error on stderr, which we can turn into one line.
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** @typedef {{ ok: true, path: string, version: string } | { ok: false, reason: string, version: string | null }} BinaryState */

/** The electron package's directory, or null when it is not installed. */
export function electronPackageDir(from = import.meta.url) {
  try {
    return dirname(createRequire(from).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/**
 * The executable `electron/index.js` would return, checked WITHOUT requiring it (that would start a
 * download). Same rules: path.txt names the file under dist/, ELECTRON_OVERRIDE_DIST_PATH wins.
 * @param {string} pkgDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {BinaryState}
 */
export function electronBinaryState(pkgDir, env = process.env) {
  const version = readVersion(pkgDir)
  const pathFile = join(pkgDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  if (override) {
    const p = join(override, executable ?? 'electron')
    return existsSync(p)
      ? { ok: true, path: p, version: version ?? '' }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executable ?? 'electron'}`, version }
  }
  if (executable === null) return { ok: false, reason: 'the Electron binary has not been downloaded yet', version }
  const p = join(pkgDir, 'dist', executable)
  return existsSync(p) ? { ok: true, path: p, version: version ?? '' } : { ok: false, reason: `${p} is missing`, version }
}

/** @param {string} pkgDir */
function readVersion(pkgDir) {
  try {
    /** @type {unknown} */
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    const v = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined
    return typeof v === 'string' ? v : null
  } catch {
    return null
  }
}

/**
 * The one line worth showing from a failed `install.js` run: the error's own first line (e.g.
 * "TypeError: fetch failed", "HTTPError: Response code 404 (Not Found)"), never a stack.
 * @param {string} stderr
 */
export function installFailureReason(stderr) {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at '))
  const err = lines.find((l) => /^(\w*Error|Error)\b/.test(l)) ?? lines[0]
  // A mirror URL may carry user:password@: never repeat it.
  return err ? err.replace(/(\w+:\/\/)[^/@\s]*@/g, '$1…@').slice(0, 200) : 'the installer exited without saying why'
}

/**
 * Downloads the binary with Electron's own installer when it is missing.
 * @param {{ pkgDir: string, env?: NodeJS.ProcessEnv, log?: (line: string) => void, run?: typeof spawnSync }} o
 * @returns {BinaryState}
 */
export function ensureElectronBinary({ pkgDir, env = process.env, log = () => undefined, run = spawnSync }) {
  const before = electronBinaryState(pkgDir, env)
  if (before.ok || env['ELECTRON_OVERRIDE_DIST_PATH']) return before
  log(`Downloading the Electron ${before.version ?? ''} binary (once, about 100 MB)…`)
  const res = run(process.execPath, [join(pkgDir, 'install.js')], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 15 * 60_000 })
  const after = electronBinaryState(pkgDir, env)
  if (after.ok) return after
  const why = res.error ? res.error.message : installFailureReason(String(res.stderr ?? ''))
  return { ok: false, reason: `downloading it failed (${why})`, version: before.version }
}

/** @param {BinaryState & { ok: false }} state */
export function missingBinaryLine(state) {
  return (
    `pve-tray: cannot start: the Electron ${state.version ?? ''} binary is missing and ${state.reason}. ` +
    'It is fetched once from the internet: connect (or set ELECTRON_MIRROR to a mirror you can reach) and run npm start again; npm test does not need it.'
  )
}

/**
 * Linux only. Chromium's sandbox needs either unprivileged user namespaces or a root-owned setuid
 * `chrome-sandbox`; Ubuntu 24.04+ restricts the first through AppArmor, and npm cannot create the
 * second, so Electron aborts with a FATAL line before any app code runs. Electron's own advice for a
 * development checkout is to make the helper setuid root; we never fall back to --no-sandbox.
 * `rootRunsWithoutSandbox`: the caller passes --no-sandbox when root (Playwright's e2e suite in CI containers).
 * @param {{ platform?: NodeJS.Platform, uid?: number, env?: NodeJS.ProcessEnv, distDir: string, userNamespacesWork?: () => boolean, rootRunsWithoutSandbox?: boolean }} o
 * @returns {string | null} one line saying what to do, or null when Electron can start
 */
export function linuxStartProblem({
  platform = process.platform,
  uid = process.getuid?.() ?? -1,
  env = process.env,
  distDir,
  userNamespacesWork = probeUserNamespaces,
  rootRunsWithoutSandbox = false
}) {
  if (platform !== 'linux') return null
  if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    return 'pve-tray: cannot start: there is no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set): start it from your desktop, or under xvfb-run to try it headless.'
  }
  if (uid === 0) {
    if (rootRunsWithoutSandbox) return null
    return 'pve-tray: cannot start as root: Chromium refuses to run its sandbox as root: run npm start as your own user.'
  }
  if (userNamespacesWork()) return null
  const helper = join(distDir, 'chrome-sandbox')
  if (isSetuidRoot(helper)) return null
  return (
    'pve-tray: cannot start: this Linux restricts unprivileged user namespaces (Ubuntu 24.04+ AppArmor), so Chromium needs its setuid sandbox helper: ' +
    `run once: sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}' (or install the .deb from npm run dist, which brings an AppArmor profile).`
  )
}

/** @param {string} file */
function isSetuidRoot(file) {
  try {
    const st = lstatSync(file)
    // Root-owned, setuid, executable: what Chromium's setuid_sandbox_host checks (not one exact mode).
    return st.isFile() && st.uid === 0 && (st.mode & 0o4000) !== 0 && (st.mode & 0o111) !== 0
  } catch {
    return false
  }
}

// The same probe electron-builder's AppImage launcher uses: a user namespace mapped to our own uid.
function probeUserNamespaces() {
  const res = spawnSync('unshare', ['-Ur', 'true'], { stdio: 'ignore', timeout: 5000 })
  return res.status === 0
}
