// Proves each hardening item: the pure window options, and the glue sources (read as text: they
// import electron, which cannot load under Node) for the calls that enforce the rest.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { RENDERER_CSP, RENDERER_CSP_META, withCspHeader } from '../../../src/main/core/security/content-security-policy'
import { dashboardWindowOptions } from '../../../src/main/core/security/window-options'

const root = join(import.meta.dirname, '../../..')
const read = (p: string): string => readFileSync(join(root, p), 'utf8')
function sources(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.tsx?$/.test(e.name)) {
      const rel = join(e.parentPath, e.name).slice(root.length + 1)
      out.set(rel, read(rel))
    }
  }
  return out
}
const glue = sources('src/main/glue')
const main = new Map([...glue, ['src/main/index.ts', read('src/main/index.ts')]])
const everything = new Map([...sources('src/main'), ...sources('src/preload'), ...sources('src/renderer/src')])
const filesMatching = (files: Map<string, string>, re: RegExp): string[] => [...files].filter(([, text]) => re.test(text)).map(([f]) => f)

describe('dashboard window options', () => {
  const opts = dashboardWindowOptions({ preloadPath: '/app/out/preload/index.cjs', iconPath: null, dev: false })

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(opts.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false
    })
    expect(opts.show).toBe(false)
  })

  it('is what the glue actually passes to BrowserWindow', () => {
    const dash = glue.get('src/main/glue/dashboard-window.ts') ?? ''
    expect(dash).toMatch(/new BrowserWindow\(dashboardWindowOptions\(/)
    expect(filesMatching(main, /new BrowserWindow\(/)).toEqual(['src/main/glue/dashboard-window.ts'])
  })

  it('nothing anywhere turns Node integration on or the sandbox/isolation off', () => {
    expect(filesMatching(everything, /nodeIntegration\w*\s*:\s*true/)).toEqual([])
    expect(filesMatching(everything, /sandbox\s*:\s*false/)).toEqual([])
    expect(filesMatching(everything, /contextIsolation\s*:\s*false/)).toEqual([])
    expect(filesMatching(everything, /webSecurity\s*:\s*false/)).toEqual([])
  })
})

describe('glue hardening calls', () => {
  const hardening = glue.get('src/main/glue/hardening.ts') ?? ''
  const index = main.get('src/main/index.ts') ?? ''

  it('denies window.open, navigation, redirects and webviews for every webContents', () => {
    expect(hardening).toMatch(/app\.on\('web-contents-created'/)
    expect(hardening).toMatch(/setWindowOpenHandler\([^)]*\)\s*=>\s*\{[\s\S]*?return \{ action: 'deny' \}/)
    expect(hardening).not.toMatch(/action: 'allow'/)
    expect(hardening).toMatch(/'will-navigate', \(event[^)]*\) => \{\s*event\.preventDefault\(\)/)
    expect(hardening).toMatch(/'will-redirect', \(event\) => event\.preventDefault\(\)/)
    expect(hardening).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/)
    expect(index).toMatch(/hardenWebContentsCreation\(log\)/)
  })

  it('denies every permission request and check', () => {
    expect(hardening).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/)
    expect(hardening).toMatch(/setPermissionCheckHandler\(\(\) => false\)/)
    expect(index).toMatch(/hardenSession\(session\.defaultSession/)
  })

  it('enables the process sandbox before ready and holds the single-instance lock', () => {
    expect(hardening).toMatch(/app\.enableSandbox\(\)/)
    const sandboxAt = index.indexOf('enableProcessSandbox()')
    expect(sandboxAt).toBeGreaterThan(0)
    expect(sandboxAt).toBeLessThan(index.indexOf('app.whenReady()'))
    expect(index).toMatch(/requestSingleInstanceLock\(\)/)
  })

  it('has exactly one shell.openExternal, behind the web-UI URL guard', () => {
    expect(filesMatching(everything, /openExternal\(/).filter((f) => /shell\.openExternal\(/.test(everything.get(f) ?? ''))).toEqual(['src/main/glue/platform.ts'])
    const platform = glue.get('src/main/glue/platform.ts') ?? ''
    expect(platform.match(/shell\.openExternal\(/g)).toHaveLength(1)
    const guard = platform.indexOf('isAllowedWebUiUrl(url')
    expect(guard).toBeGreaterThan(0)
    expect(guard).toBeLessThan(platform.indexOf('shell.openExternal('))
  })

  it('checks the IPC sender on every handler; only two files touch ipcMain/ipcRenderer', () => {
    const ipc = glue.get('src/main/glue/ipc-register.ts') ?? ''
    expect(ipc).toMatch(/for \(const channel of invokeChannelNames\)[\s\S]*ipcMain\.handle\(channel[\s\S]*checkSender\(/)
    expect(ipc).toMatch(/event\.senderFrame/)
    expect(ipc).not.toMatch(/ipcMain\.on\(/)
    // Code, not comments: an import of it or a member access on it.
    expect(filesMatching(everything, /import [^;]*\bipcMain\b[^;]*from 'electron'|\bipcMain\./)).toEqual(['src/main/glue/ipc-register.ts'])
    expect(filesMatching(everything, /import [^;]*\bipcRenderer\b[^;]*from 'electron'|\bipcRenderer\./)).toEqual(['src/preload/index.ts'])
    expect(read('src/preload/index.ts')).not.toMatch(/sendSync/)
  })

  it('loads only the app renderer (file or dev server), never a remote URL', () => {
    const dash = glue.get('src/main/glue/dashboard-window.ts') ?? ''
    expect(dash).toMatch(/loadFile\(cfg\.rendererFile\)/)
    expect(dash).toMatch(/loadURL\(cfg\.devServerUrl\)/)
    expect(filesMatching(main, /loadURL\(/)).toEqual(['src/main/glue/dashboard-window.ts'])
    // The dev server URL is honoured only in an unpackaged app.
    expect(glue.get('src/main/glue/app-paths.ts')).toMatch(/!app\.isPackaged \? \(process\.env\['ELECTRON_RENDERER_URL'\]/)
  })

  it('installs e2e hooks only behind PVE_TRAY_E2E=1 in an unpackaged app', () => {
    expect(index).toMatch(/const e2e = e2eEnabled\(\) && !app\.isPackaged/)
    expect(glue.get('src/main/glue/e2e-hooks.ts')).toMatch(/env\['PVE_TRAY_E2E'\] === '1'/)
    expect(filesMatching(main, /__pveTrayE2E/)).toEqual(['src/main/glue/e2e-hooks.ts'])
  })
})

describe('content security policy', () => {
  it('the renderer meta CSP and the header CSP are the same policy', () => {
    const html = read('src/renderer/index.html')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    const norm = (s: string): string[] => s.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean).sort()
    expect(meta).toBeDefined()
    expect(norm(meta ?? '')).toEqual(norm(RENDERER_CSP_META))
    // The header is the meta plus frame-ancestors, which only works as a header.
    expect(norm(RENDERER_CSP)).toEqual([...norm(RENDERER_CSP_META), "frame-ancestors 'none'"].sort())
  })

  it('is strict: nothing by default, scripts only from the app, no inline, no eval', () => {
    expect(RENDERER_CSP).toMatch(/default-src 'none'/)
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/)
  })

  it('the header replaces any CSP a response brought', () => {
    expect(withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] })).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [RENDERER_CSP] })
  })
})

describe('packaging config', () => {
  const cfg = JSON.parse(read('electron-builder.json')) as Record<string, unknown> & {
    linux: { icon: string; target: string[] }
    mac: { icon: string; extendInfo: Record<string, unknown>; target: string[] }
    win: { icon: string; target: string[] }
    afterPack: string
    extraResources: { from: string }[]
    files: string[]
  }

  it('names files that exist', () => {
    for (const p of [cfg.linux.icon, cfg.mac.icon, cfg.win.icon, cfg.afterPack, ...cfg.extraResources.map((r) => r.from)]) {
      expect(existsSync(join(root, p)), p).toBe(true)
    }
  })

  it('builds AppImage + deb, a tray-only dmg, and nsis; ships the built app', () => {
    expect(cfg['appId']).toBe('io.github.pvetray.app')
    expect(cfg.linux.target).toEqual(['AppImage', 'deb'])
    expect(cfg.mac.target).toEqual(['dmg'])
    expect(cfg.mac.extendInfo['LSUIElement']).toBe(true)
    expect(cfg.win.target).toEqual(['nsis'])
    expect(cfg.files).toContain('out/**')
  })

  it('flips the fuses after packing', () => {
    const hook = read(cfg.afterPack)
    for (const [fuse, value] of [
      ['RunAsNode', 'false'],
      ['EnableNodeOptionsEnvironmentVariable', 'false'],
      ['EnableNodeCliInspectArguments', 'false'],
      ['OnlyLoadAppFromAsar', 'true'],
      ['EnableCookieEncryption', 'true']
    ]) {
      expect(hook).toMatch(new RegExp(`\\[FuseV1Options\\.${fuse}\\]: ${value}`))
    }
    expect(hook).toMatch(/\[FuseV1Options\.EnableEmbeddedAsarIntegrityValidation\]: platform === 'darwin' \|\| platform === 'win32'/)
  })

  it('every tray icon state the builders can ask for exists for every platform', async () => {
    const { trayIconStates, busyFrameCount } = await import('../../../src/main/core/tray/tray-status')
    const { trayIconFile } = await import('../../../src/main/core/tray/icon-files')
    const names = [...trayIconStates, ...Array.from({ length: busyFrameCount }, (_, i) => `busy-${i}`)]
    for (const name of names) {
      for (const platform of ['linux', 'darwin', 'win32']) {
        const file = join(root, 'resources/icons', trayIconFile(name as never, platform))
        expect(existsSync(file), file).toBe(true)
        if (platform !== 'win32') expect(existsSync(file.replace(/\.png$/, '@2x.png')), file).toBe(true)
      }
    }
  })
})
