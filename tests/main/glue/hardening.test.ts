// The pure hardening builders (window options, CSP) and a source-wide guard that no file turns Node
// integration on or the sandbox off. What the glue actually hands to Electron (these window options,
// the session handlers, the CSP header, navigation/window.open denial, the sender check, the sandbox
// before ready) is asserted on the running built app in electron-layer.test.ts.
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

  it('nothing anywhere turns Node integration on or the sandbox/isolation off', () => {
    expect(filesMatching(everything, /nodeIntegration\w*\s*:\s*true/)).toEqual([])
    expect(filesMatching(everything, /sandbox\s*:\s*false/)).toEqual([])
    expect(filesMatching(everything, /contextIsolation\s*:\s*false/)).toEqual([])
    expect(filesMatching(everything, /webSecurity\s*:\s*false/)).toEqual([])
  })
})

describe('content security policy', () => {
  it('the renderer meta CSP and the header CSP are the same policy', () => {
    const html = read('src/renderer/index.html')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    const norm = (s: string): string[] =>
      s
        .split(';')
        .map((d) => d.trim().replace(/\s+/g, ' '))
        .filter(Boolean)
        .sort()
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
    expect(withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] })).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [RENDERER_CSP]
    })
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
