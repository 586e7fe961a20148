// The Electron layer, executed: the BUILT main process (out/main/index.js, exactly what `npm start`
// runs) under plain Node with the electron stand-in (tests/electron-standin), driven only through what
// Electron itself would deliver: ready, native menu clicks, dialog answers, IPC events from frames,
// power events, a second instance, quit. The cluster is the Proxmox simulator over real HTTPS.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RENDERER_CSP } from '../../../src/main/core/security/content-security-policy'
import { type Simulator, startSimulator } from '../../../src/main/core/simulator'
import { invokeChannelNames } from '../../../src/shared/ipc/channels'
import type { IpcResponse } from '../../../src/shared/ipc/contract'
import type { AppState, NodeHealthReport, SettingsView } from '../../../src/shared/views'
import type { CallRecord } from '../../electron-standin/electron'
import { buildStandIn, flattenMenu, type LaunchOptions, launchStandIn, root, type StandInApp, until } from '../../electron-standin/launch'
import type { IpcOrigin, MenuItemView } from '../../electron-standin/protocol'
import { type SshdServer, startSshd } from '../../helpers/sshd-server'

const seqOf = (calls: readonly CallRecord[], api: string): number => calls.find((c) => c.api === api)?.seq ?? -1

async function invoke<T>(app: StandInApp, channel: string, input: unknown, from: IpcOrigin = 'dashboard'): Promise<IpcResponse<T>> {
  return app.call<IpcResponse<T>>({ op: 'invoke', channel, input, from })
}

async function menuItems(app: StandInApp): Promise<MenuItemView[]> {
  return flattenMenu((await app.tray())?.menu)
}

beforeAll(() => buildStandIn(), 60_000)

describe('the built app under the electron stand-in', () => {
  let sim: Simulator
  let sshd: SshdServer
  let app: StandInApp
  let clusterId = ''
  const SSH_NODE = 'pve-a'

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 200, offlineAfterMs: 300, authDelayMs: 10 })
    sshd = await startSshd()
    app = await launchStandIn()
    // The user has reached the node with OpenSSH before: its key is in ~/.ssh/known_hosts (HOME is the app's own temp dir).
    mkdirSync(join(app.home, '.ssh'), { recursive: true })
    writeFileSync(join(app.home, '.ssh', 'known_hosts'), `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPublicLine.trim()}\n`)
  }, 60_000)

  afterAll(async () => {
    await app?.dispose()
    await sim?.close()
    await sshd?.stop()
  })

  it('loads demo-only code (the simulator, selfsigned) only when demo mode starts', () => {
    const main = readFileSync(join(root, 'out/main/index.js'), 'utf8')
    const staticImports = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1])
    expect(staticImports).not.toContain('selfsigned')
    expect(staticImports.some((s) => s?.includes('simulator'))).toBe(false)
    const lazy = [...main.matchAll(/await import\("\.\/([^"]+)"\)/g)].map((m) => m[1] ?? '')
    expect(lazy.some((f) => /simulator/.test(f))).toBe(true)
    for (const f of lazy) expect(readFileSync(join(root, 'out/main', f), 'utf8')).toMatch(/from "selfsigned"|export \{ startSimulator/)
  })

  it('turns on the sandbox and takes the single-instance lock before ready, and builds nothing before it', async () => {
    await until(async () => (await app.calls()).some((c) => c.api === 'app.whenReady'), 'the app to wait for ready')
    const before = await app.calls()
    expect(seqOf(before, 'app.enableSandbox')).toBeGreaterThan(0)
    expect(seqOf(before, 'app.requestSingleInstanceLock')).toBeGreaterThan(0)
    expect(before.filter((c) => c.api === 'app.on').map((c) => (c.detail as { event: string }).event)).toEqual(
      expect.arrayContaining(['web-contents-created', 'second-instance', 'window-all-closed', 'before-quit'])
    )
    for (const api of ['new Tray', 'new BrowserWindow', 'ipcMain.handle', 'Notification.show']) expect(seqOf(before, api), api).toBe(-1)

    await app.ready()
    const after = await until(async () => {
      const c = await app.calls()
      return c.some((x) => x.api === 'new Tray') && c.some((x) => x.api === 'new BrowserWindow') ? c : null
    }, 'the tray and the onboarding window')
    const ready = seqOf(after, 'ready')
    expect(seqOf(after, 'app.enableSandbox')).toBeLessThan(ready)
    expect(seqOf(after, 'app.requestSingleInstanceLock')).toBeLessThan(ready)
    expect(seqOf(after, 'session.setPermissionRequestHandler')).toBeGreaterThan(ready)
  })

  it('shows the demo cluster in the tray: an icon file that exists, a tooltip, and its nodes in the native menu', async () => {
    const state = await until(async () => {
      const r = await invoke<AppState>(app, 'app:get-state', {})
      return r.ok && r.value.demo && (r.value.clusters[0]?.nodes.length ?? 0) > 0 ? r.value : null
    }, 'the demo cluster')
    const nodes = state.clusters[0]?.nodes.map((n) => n.name) ?? []
    const tray = await until(async () => {
      const t = await app.tray()
      const labels = flattenMenu(t?.menu)
        .map((i) => i.label)
        .join('\n')
      return t && nodes.every((n) => labels.includes(n)) ? t : null
    }, 'the demo nodes in the tray menu')
    const images = (await app.calls()).filter((c) => c.api === 'nativeImage.createFromPath').map((c) => c.detail as { path: string; exists: boolean })
    expect(images.length).toBeGreaterThan(0)
    for (const img of images) expect(img.exists, img.path).toBe(true)
    expect(tray.tooltip).toMatch(/PVE Tray|demo/i)
    expect(flattenMenu(tray.menu).some((i) => /^Quit/.test(i.label))).toBe(true)
  })

  it('opens the dashboard sandboxed, isolated, without Node, loading only the built renderer', async () => {
    const [win] = await app.windows()
    expect(win?.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false
    })
    expect(String((win?.options['webPreferences'] as { preload: string }).preload)).toMatch(/out\/preload\/index\.cjs$/)
    expect(win?.url).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html$/)
    const loads = (await app.calls()).filter((c) => c.api.startsWith('BrowserWindow.load'))
    expect(loads.map((c) => c.api)).toEqual(['BrowserWindow.loadFile'])
    expect((loads[0]?.detail as { exists: boolean }).exists).toBe(true)
    // Opened on onboarding: the first start has nothing configured.
    await until(
      async () => (await app.windows())[0]?.sent.some((s) => s.channel === 'ui:navigate' && (s.payload as { view: string }).view === 'onboarding'),
      'onboarding'
    )
  })

  it('refuses navigation, window.open and every permission, and sends the strict CSP header', async () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview'] as const) {
      expect(await app.call({ op: 'contents-event', event, url: 'https://evil.example/' }), event).toBe(true)
    }
    expect(await app.call({ op: 'window-open', url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) {
      expect(await app.call({ op: 'permission', permission })).toEqual({ granted: false, checked: false })
    }
    const headers = await app.call<Record<string, string[]>>({
      op: 'headers',
      url: 'file:///x',
      headers: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }
    })
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [RENDERER_CSP] })
  })

  it('registers every channel of the contract, and answers only the dashboard frame', async () => {
    expect((await app.call<string[]>({ op: 'handlers' })).sort()).toEqual([...invokeChannelNames].sort())
    // No fire-and-forget channel of the app's own (electron-store registers its one sendSync answer).
    const ons = (await app.calls()).filter((c) => c.api === 'ipcMain.on').map((c) => (c.detail as { channel: string }).channel)
    expect(ons.filter((c) => c !== 'electron-store-get-data')).toEqual([])
    // Not packaged, no PVE_TRAY_E2E: no test hooks either.
    expect(await app.call({ op: 'global', name: '__pveTrayE2E' })).toBe('undefined')
    expect((await invoke(app, 'app:get-state', {})).ok).toBe(true)
    for (const from of ['dashboard-subframe', 'dashboard-other-url', 'foreign-window'] as const) {
      for (const channel of invokeChannelNames) {
        const r = await invoke(app, channel, {}, from)
        expect(r.ok, `${channel} from ${from}`).toBe(false)
        if (!r.ok) expect(r.error.code, `${channel} from ${from}`).toBe('refused')
      }
    }
    // A refused call changed nothing.
    const r = await invoke(app, 'notifications:pause', { minutes: 60 }, 'foreign-window')
    expect(r.ok).toBe(false)
    const s = await invoke<AppState>(app, 'app:get-state', {})
    expect(s.ok && s.value.notificationsPausedUntil).toBe(null)
  })

  it('monitors a cluster saved from the dashboard: its nodes and guests reach the native menu', async () => {
    const saved = await invoke<SettingsView>(app, 'settings:save-cluster', {
      name: 'Lab',
      mode: 'control',
      endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
      tokenId: sim.tokens.admin.id,
      tokenSecret: sim.tokens.admin.secret,
      ssh: { user: sshd.user, keyPath: sshd.keyPath, useAgent: false, port: sshd.port, hostOverrides: { [SSH_NODE]: '127.0.0.1' }, passphrase: null }
    })
    expect(saved.ok, JSON.stringify(saved)).toBe(true)
    clusterId = saved.ok ? (saved.value.clusters[0]?.id ?? '') : ''
    const upd = await invoke<SettingsView>(app, 'settings:update', { pollIntervalSec: 2 })
    expect(upd.ok, JSON.stringify(upd)).toBe(true)
    await until(
      async () => (await menuItems(app)).some((i) => i.id.startsWith(`c:${clusterId}:n:`) && /:g:\d+$/.test(i.id)),
      'the simulator guests in the menu'
    )
    const items = await menuItems(app)
    for (const n of sim.cluster.nodes())
      expect(
        items.some((i) => i.id === `c:${clusterId}:n:${encodeURIComponent(n.name)}`),
        n.name
      ).toBe(true)
    // The secret went to the vault encrypted; nothing the app handed to Electron carries it.
    expect(JSON.stringify(await app.calls())).not.toContain(sim.tokens.admin.secret)
    expect(app.output()).not.toContain(sim.tokens.admin.secret)
  })

  it("opens only the cluster's own web UI, through the one guarded shell.openExternal", async () => {
    const opened = async (): Promise<string[]> =>
      (await app.calls()).filter((c) => c.api === 'shell.openExternal').map((c) => (c.detail as { url: string }).url)
    expect((await invoke(app, 'app:open-web-ui', { clusterId }, 'foreign-window')).ok).toBe(false)
    expect(await opened()).toEqual([])
    expect((await invoke(app, 'app:open-web-ui', { clusterId }, 'dashboard')).ok).toBe(true)
    const [url] = await opened()
    expect(
      sim.endpoints.some((e) => url === `https://${e.host}:${e.port}/`),
      url
    ).toBe(true)
  })

  it('trusts an SSH host key already in ~/.ssh/known_hosts without asking, and keeps the connection pooled', async () => {
    const r = await invoke<NodeHealthReport>(app, 'nodes:health', { clusterId, node: SSH_NODE })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    if (r.ok) expect(r.value.loadavg.ok).toBe(true)
    const hosts = await invoke<{ host: string; status: string }[]>(app, 'ssh:state', {})
    expect(hosts.ok && hosts.value.map((h) => h.status)).toEqual(['connected'])
  })

  it('a stop from the native menu asks first: Cancel sends nothing, Stop stops the guest', async () => {
    const g = sim.cluster.guests().find((x) => x.status === 'running' && !x.template && !x.lock && x.type === 'qemu')
    expect(g, 'a running VM in the simulator').toBeDefined()
    if (!g) return
    const stopId = `c:${clusterId}:n:${encodeURIComponent(g.node)}:g:${g.vmid}:stop`
    await until(async () => (await menuItems(app)).some((i) => i.id === stopId && i.enabled), 'the Stop item')
    const stopPosts = (): number => sim.requests({ method: 'POST', path: new RegExp(`/${g.vmid}/status/stop$`) }).length

    await app.call({ op: 'click-menu', id: stopId })
    const [asked] = await until(async () => {
      const d = await app.call<{ buttons: string[]; cancelId: number; type: string; message: string }[]>({ op: 'dialogs' })
      return d.length > 0 ? d : null
    }, 'the confirmation dialog')
    expect(asked?.type).toBe('warning')
    expect(asked?.message).toContain(String(g.vmid))
    expect(asked?.buttons[asked.cancelId]).toBe('Cancel')
    await app.call({ op: 'answer-dialog', response: asked?.cancelId ?? 1 })
    await new Promise((r) => setTimeout(r, 1500))
    expect(stopPosts()).toBe(0)
    expect(sim.cluster.guest(g.vmid)?.status).toBe('running')

    await app.call({ op: 'click-menu', id: stopId })
    await until(async () => (await app.call<unknown[]>({ op: 'dialogs' })).length > 0, 'the confirmation dialog again')
    await app.call({ op: 'answer-dialog', response: 0 })
    await until(() => sim.cluster.guest(g.vmid)?.status === 'stopped', 'the guest to stop')
    expect(stopPosts()).toBe(1)
    // The menu follows the snapshot: a stopped guest offers Start, no longer Stop.
    await until(
      async () => (await menuItems(app)).some((i) => i.id === `c:${clusterId}:n:${encodeURIComponent(g.node)}:g:${g.vmid}:start`),
      'Start in the menu'
    )
  })

  it('a node going down shows exactly one notification; clicking it opens that node', async () => {
    const victim = sim.cluster.nodes()[1]?.name ?? ''
    const before = (await app.notifications()).length
    await sim.faults.nodeDown(victim)
    const downs = async () => (await app.notifications()).slice(before).filter((n) => n.shown > 0 && n.urgency === 'critical' && n.title.includes(victim))
    const [n] = await until(async () => ((await downs()).length > 0 ? downs() : null), 'the node-down notification', 30_000)
    // Several more polls (2 s apart): still one, shown once.
    await new Promise((r) => setTimeout(r, 4500))
    expect((await downs()).map((x) => x.shown)).toEqual([1])
    // The menu says so too.
    const nodeItem = (await menuItems(app)).find((i) => i.id === `c:${clusterId}:n:${encodeURIComponent(victim)}`)
    expect(nodeItem?.label).toMatch(/down|offline|unreachable/i)

    await app.call({ op: 'close-window', index: 0 })
    await app.call({ op: 'click-notification', index: n?.index ?? -1 })
    const win = await until(async () => {
      const w = (await app.windows()).filter((x) => !x.destroyed).at(-1)
      return w?.sent.some((s) => s.channel === 'ui:navigate') ? w : null
    }, 'the dashboard to open on the node')
    const nav = win.sent.filter((s) => s.channel === 'ui:navigate').at(-1)?.payload as { view: string; node?: string; clusterId?: string }
    expect(nav).toMatchObject({ view: 'node', node: victim, clusterId })
    await sim.faults.nodeUp(victim)
  }, 60_000)

  it('stops polling while suspended and polls at once on resume', async () => {
    const polls = (): number => sim.requests({ path: /\/cluster\/resources$/ }).length
    // A long interval, so a poll right after resume can only come from the resume itself.
    expect((await invoke(app, 'settings:update', { pollIntervalSec: 30 })).ok).toBe(true)
    await app.call({ op: 'power', event: 'suspend' })
    // A poll already on the wire may still finish: wait until the count holds still.
    let asleep = polls()
    await until(async () => {
      await new Promise((r) => setTimeout(r, 400))
      const now = polls()
      const still = now === asleep
      asleep = now
      return still
    }, 'polling to stop')
    await new Promise((r) => setTimeout(r, 2500))
    expect(polls()).toBe(asleep)
    await app.call({ op: 'power', event: 'resume' })
    await until(() => polls() > asleep, 'a poll right after resume', 10_000)
    expect((await invoke(app, 'settings:update', { pollIntervalSec: 2 })).ok).toBe(true)
  })

  it('a second launch brings the running dashboard to the front', async () => {
    const n = (await app.calls()).length
    await app.call({ op: 'app-event', name: 'second-instance' })
    const after = (await app.calls()).slice(n).map((c) => c.api)
    expect(after).toContain('BrowserWindow.show')
    expect(after).toContain('BrowserWindow.focus')
  })

  it('Quit in the native menu stops monitoring and exits with nothing left running', async () => {
    const quit = (await menuItems(app)).find((i) => /^Quit/.test(i.label))
    expect(quit).toBeDefined()
    const sshdLogBefore = sshd.log().length
    await app.call({ op: 'click-menu', id: quit?.id ?? '' })
    await until(() => app.exitCode() !== null, 'app.exit()')
    const atExit = sim.requests().length
    expect(app.exitCode()).toBe(0)
    // Only the pipes to the test were open when Electron would have ended the process: no socket to
    // the cluster or the node's sshd, no server, no timer (an Immediate runs on the next turn anyway).
    expect(app.openAtExit().filter((r) => r !== 'PipeWrap' && r !== 'Immediate')).toEqual([])
    expect(app.finalCalls().map((c) => c.api)).toContain('tray.destroy')
    // The process is held 3 s past app.exit() (longer than the 2 s poll interval), then ends ON ITS OWN.
    const end = await Promise.race([app.ended, new Promise<null>((r) => setTimeout(() => r(null), 10_000))])
    expect(end, `the app process did not end by itself:\n${app.output()}`).toEqual({ code: 0, signal: null })
    expect(sim.requests().length, 'requests after app.exit()').toBe(atExit)
    // The pooled SSH connection was closed by the app, before it exited.
    expect(sshd.log().slice(sshdLogBefore)).toMatch(/Received disconnect from 127\.0\.0\.1|Disconnected from user/)
  })
})

/** Launches a short-lived app (no hold past app.exit()), waits until it awaits ready, runs `body`, quits it. */
async function withVariant(o: LaunchOptions, body: (app: StandInApp) => Promise<void>): Promise<void> {
  const app = await launchStandIn({ ...o, env: { ELECTRON_STANDIN_EXIT_HOLD_MS: '0', ...o.env } })
  try {
    await until(async () => (await app.calls()).some((c) => c.api === 'app.whenReady'), 'the app to wait for ready')
    await body(app)
    await app.call({ op: 'quit' })
    await app.ended
  } finally {
    await app.dispose()
  }
}

describe('start-up variants', () => {
  it('a second instance (lock denied) quits at once and builds nothing', async () => {
    const app = await launchStandIn({ lockDenied: true, env: { ELECTRON_STANDIN_EXIT_HOLD_MS: '0' } })
    try {
      const end = await Promise.race([app.ended, new Promise<null>((r) => setTimeout(() => r(null), 10_000))])
      expect(end, app.output()).toEqual({ code: 0, signal: null })
      expect(app.exitCode()).toBe(0)
      const apis = app.finalCalls().map((c) => c.api)
      expect(apis).toContain('app.quit')
      for (const api of ['ready', 'new Tray', 'new BrowserWindow', 'ipcMain.handle']) expect(apis).not.toContain(api)
    } finally {
      await app.dispose()
    }
  })

  it("Windows, npm start: notifications use Electron's development AppUserModelId (the executable), set before ready", async () => {
    await withVariant({ platform: 'win32' }, async (app) => {
      const set = (await app.calls()).find((c) => c.api === 'app.setAppUserModelId')
      expect(set?.detail).toEqual({ id: process.execPath })
      await app.ready()
      await until(async () => (await app.tray()) !== null, 'the tray')
      expect((await app.tray())?.image).toMatch(/\.ico$/)
    })
  })

  it("Windows, installed: notifications carry the installer's appId as AppUserModelId", async () => {
    await withVariant({ platform: 'win32', packaged: true }, async (app) => {
      const set = (await app.calls()).find((c) => c.api === 'app.setAppUserModelId')
      const builder = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as { appId: string }
      expect(set?.detail).toEqual({ id: builder.appId })
    })
  })

  it('macOS: dock hidden, and the dashboard brings the app to the front whenever it is shown', async () => {
    await withVariant({ platform: 'darwin' }, async (app) => {
      await app.ready()
      await until(async () => (await app.calls()).some((c) => c.api === 'BrowserWindow.show'), 'the onboarding window')
      const calls = await app.calls()
      expect(seqOf(calls, 'app.dock.hide')).toBeGreaterThan(seqOf(calls, 'ready'))
      // Before each show: app.focus({ steal: true }).
      const order = calls.filter((c) => c.api === 'app.focus' || c.api === 'BrowserWindow.show')
      expect(order[0]).toMatchObject({ api: 'app.focus', detail: { steal: true } })
      expect(order[1]?.api).toBe('BrowserWindow.show')
      const n = calls.length
      await app.call({ op: 'app-event', name: 'second-instance' })
      const again = (await app.calls())
        .slice(n)
        .filter((c) => c.api === 'app.focus' || c.api === 'BrowserWindow.show')
        .map((c) => c.api)
      expect(again).toEqual(['app.focus', 'BrowserWindow.show'])
    })
  })

  it('an unreadable secrets file (electron-store) is kept aside and reported, never overwritten', async () => {
    await withVariant({}, async (app) => {
      mkdirSync(app.userData, { recursive: true })
      writeFileSync(join(app.userData, 'secrets.json'), '{"cluster:a:token-secret": "AAAA", trunc')
      await app.ready()
      const s = await until(async () => {
        const r = await invoke<SettingsView>(app, 'settings:get', {})
        return r.ok && r.value.secretsRecovered !== null ? r.value : null
      }, 'the secrets problem in the settings')
      const aside = s.secretsRecovered?.backupPath ?? ''
      expect(aside).toMatch(/secrets\.json\.unreadable-/)
      expect(readFileSync(aside, 'utf8')).toBe('{"cluster:a:token-secret": "AAAA", trunc')
    })
  })

  it('packaged: the e2e hooks stay out even with PVE_TRAY_E2E=1; without the sandbox it says so in one line', async () => {
    await withVariant(
      { packaged: true, switches: ['no-sandbox'], env: { PVE_TRAY_E2E: '1', ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' } },
      async (app) => {
        await app.ready()
        const tray = await until(() => app.tray(), 'the tray')
        expect(tray.image.startsWith(join(root, 'resources', 'icons'))).toBe(true)
        expect(await app.call({ op: 'global', name: '__pveTrayE2E' })).toBe('undefined')
        const [win] = await until(async () => ((await app.windows()).length > 0 ? app.windows() : null), 'the window')
        expect((win?.options['webPreferences'] as { devTools: boolean }).devTools).toBe(false)
        // A dev-server URL in the environment is ignored by an installed app: it loads its own file.
        expect(win?.url).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html$/)
        expect(app.output().match(/WITHOUT Chromium's sandbox.*install the \.deb/g)).toHaveLength(1)
      }
    )
  })
})
