// `npm start`'s launcher: it gets Electron's binary through Electron's own installer, and everything
// that stops a start ends in ONE line that says why and what to do. Runs the real scripts in a
// throw-away project whose electron package is a copy of the installed one (its real install.js).
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { electronBinaryState, ensureElectronBinary, installFailureReason, linuxStartProblem } from '../../scripts/electron-launch.mjs'

const root = join(import.meta.dirname, '../..')
const realElectron = join(root, 'node_modules', 'electron')
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A project with the launcher scripts and a copy of the electron package (no binary). */
function scratchProject(installJs?: string): { dir: string; pkg: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pve-tray-launch-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'scripts'))
  for (const f of ['start.mjs', 'electron-launch.mjs']) copyFileSync(join(root, 'scripts', f), join(dir, 'scripts', f))
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
  const pkg = join(dir, 'node_modules', 'electron')
  mkdirSync(pkg, { recursive: true })
  for (const f of ['package.json', 'install.js', 'checksums.json', 'index.js']) copyFileSync(join(realElectron, f), join(pkg, f))
  if (installJs !== undefined) writeFileSync(join(pkg, 'install.js'), installJs)
  // The installer's own dependencies, from this checkout.
  for (const scope of ['@electron', '@electron-internal']) symlinkSync(join(root, 'node_modules', scope), join(dir, 'node_modules', scope))
  return { dir, pkg }
}

async function closedPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as { port: number }).port
  await new Promise((r) => srv.close(r))
  return port
}

describe('npm start when the Electron binary cannot be downloaded', () => {
  it("tries Electron's own installer, then ends at once with one line saying why and what to do", async () => {
    const { dir } = scratchProject()
    const port = await closedPort()
    // Nothing from this machine's npm config or environment may point the installer elsewhere
    // (@electron/get prefers npm_config_electron_mirror over ELECTRON_MIRROR).
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) if (!/^(electron_|npm_config_electron|npm_package_config_electron)/i.test(k)) env[k] = v
    Object.assign(env, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: join(dir, 'cache'), DISPLAY: ':0' })
    const t0 = Date.now()
    const res = spawnSync(process.execPath, [join(dir, 'scripts', 'start.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 })
    expect(res.status).toBe(1)
    const errLines = res.stderr.trim().split('\n')
    expect(errLines, res.stderr).toHaveLength(1)
    expect(errLines[0]).toMatch(
      /^pve-tray: cannot start: the Electron \d+\.\d+\.\d+ binary is missing and downloading it failed \(.+\)\. It is fetched once from the internet: connect/
    )
    expect(res.stderr).not.toMatch(/^\s+at /m)
    expect(res.stdout).toMatch(/Downloading the Electron/)
    expect(Date.now() - t0).toBeLessThan(30_000)
  })
})

describe('ensureElectronBinary', () => {
  it("runs the package's installer when the binary is missing and reports the binary it left", () => {
    const { pkg } = scratchProject(
      "const fs = require('fs'), path = require('path');\n" +
        "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });\n" +
        "fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n');\n" +
        "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');\n"
    )
    expect(electronBinaryState(pkg, {})).toMatchObject({ ok: false, reason: 'the Electron binary has not been downloaded yet' })
    const lines: string[] = []
    const got = ensureElectronBinary({ pkgDir: pkg, env: {}, log: (l: string) => void lines.push(l) })
    expect(got).toMatchObject({ ok: true, path: join(pkg, 'dist', 'electron') })
    expect(lines).toHaveLength(1)
    // Present now: no second download.
    expect(ensureElectronBinary({ pkgDir: pkg, env: {}, log: (l: string) => void lines.push(l) }).ok).toBe(true)
    expect(lines).toHaveLength(1)
  })

  it("keeps the installer's reason as one line, never its stack", () => {
    const { pkg } = scratchProject("console.error('HTTPError: Response code 404 (Not Found)\\n    at get (x.js:1:1)'); process.exit(1)\n")
    const got = ensureElectronBinary({ pkgDir: pkg, env: {} })
    expect(got).toMatchObject({ ok: false, reason: 'downloading it failed (HTTPError: Response code 404 (Not Found))' })
    expect(installFailureReason('TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n')).toBe('TypeError: fetch failed')
    // Credentials in a mirror URL are never repeated.
    expect(installFailureReason('RequestError: 401 for https://me:s3cret@mirror.example/v45/')).toBe('RequestError: 401 for https://…@mirror.example/v45/')
  })
})

describe('linuxStartProblem', () => {
  let dist = ''
  let helper = ''
  const desktop = { DISPLAY: ':0' }
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'pve-tray-dist-'))
    helper = join(dist, 'chrome-sandbox')
    writeFileSync(helper, '')
    chmodSync(helper, 0o755)
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  it('is silent off Linux, and where user namespaces work', () => {
    expect(linuxStartProblem({ platform: 'darwin', distDir: dist })).toBeNull()
    expect(linuxStartProblem({ platform: 'linux', uid: 1000, env: desktop, distDir: dist, userNamespacesWork: () => true })).toBeNull()
  })

  it('says in one line how to enable the setuid helper where user namespaces are restricted (Ubuntu 24.04+)', () => {
    const line = linuxStartProblem({ platform: 'linux', uid: 1000, env: desktop, distDir: dist, userNamespacesWork: () => false })
    expect(line).toContain(`sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}'`)
    expect(line).not.toContain('\n')
    expect(line).not.toMatch(/--no-sandbox/)
  })

  it('says so when there is no display, and when run as root', () => {
    expect(linuxStartProblem({ platform: 'linux', uid: 1000, env: {}, distDir: dist })).toMatch(/no graphical session/)
    expect(linuxStartProblem({ platform: 'linux', uid: 0, env: desktop, distDir: dist })).toMatch(/as root/)
    expect(linuxStartProblem({ platform: 'linux', uid: 0, env: desktop, distDir: dist, rootRunsWithoutSandbox: true })).toBeNull()
  })
})
