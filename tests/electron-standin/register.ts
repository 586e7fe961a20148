// Preloaded with `node --import` before the built main process: points every `import 'electron'` (the
// app's and electron-store's) at the stand-in through a module resolution hook, and answers the test's
// commands over the child-process IPC channel by delivering what Electron would deliver. The app's own
// code is not changed in any way for this.
import { register } from 'node:module'

import * as electron from './electron'
import type { Command, IpcOrigin, MenuItemView, NotificationView, TrayView, WindowView } from './protocol'

const standInUrl = new URL('./electron.mjs', import.meta.url).href
register(new URL('./hooks.mjs', import.meta.url).href, { parentURL: import.meta.url, data: { standInUrl } })

// A platform the test asks for (win32, darwin): the app reads process.platform to pick its behaviour.
const platform = process.env['ELECTRON_STANDIN_PLATFORM']
if (platform) Object.defineProperty(process, 'platform', { value: platform })
if (electron.app.isPackaged) Object.defineProperty(process, 'resourcesPath', { value: process.env['ELECTRON_STANDIN_RESOURCES'] ?? '' })

const send = (m: unknown): void => {
  if (process.connected) process.send?.(m)
}

// app.exit(): tell the test, keep the process a few seconds longer than Electron would (so anything the
// app forgot to stop, such as a monitor's next poll, shows up on the wire), then let go of the IPC
// channel. From there the process ends by itself only if the app left nothing running.
const holdMs = Number(process.env['ELECTRON_STANDIN_EXIT_HOLD_MS'] ?? '3000')
electron.lifecycle.onExit = (code) => {
  // What is still open at the moment Electron would end the process (the pipes to the test aside).
  send({ type: 'exit', code, calls: electron.callLog(), openAtExit: process.getActiveResourcesInfo() })
  setTimeout(() => {
    if (process.connected) process.disconnect()
    const t = setTimeout(() => {
      const open = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap')
      process.stderr.write(`electron-standin: still running 3 s after app.exit(): ${open.join(', ')}\n`)
    }, 3000)
    t.unref()
  }, holdMs)
}

function menuView(menu: electron.Menu): MenuItemView[] {
  return menu.items.map((i) => ({
    id: i.id,
    label: i.label,
    type: i.type,
    enabled: i.enabled,
    checked: i.checked,
    ...(i.submenu ? { submenu: menuView(i.submenu) } : {})
  }))
}

const dashboardWindow = (): electron.BrowserWindow | undefined => electron.windows.filter((w) => !w.destroyed).at(-1)
let foreign: electron.WebContentsStandIn | null = null

function invokeEvent(from: IpcOrigin): { sender: electron.WebContentsStandIn; senderFrame: { url: string; parent: object | null; routingId: number } | null } {
  const dash = dashboardWindow()
  if (from === 'foreign-window') {
    // Another webContents showing the very same document: only the sender identity differs.
    foreign ??= new electron.WebContentsStandIn()
    return { sender: foreign, senderFrame: { url: dash?.webContents.url ?? '', parent: null, routingId: 1 } }
  }
  if (!dash) throw new Error('no dashboard window is open')
  const wc = dash.webContents
  if (from === 'dashboard') return { sender: wc, senderFrame: { url: wc.url, parent: null, routingId: 1 } }
  if (from === 'dashboard-subframe') return { sender: wc, senderFrame: { url: wc.url, parent: { url: wc.url }, routingId: 2 } }
  return { sender: wc, senderFrame: { url: 'https://attacker.example/', parent: null, routingId: 1 } }
}

async function run(cmd: Command): Promise<unknown> {
  switch (cmd.op) {
    case 'ready':
      electron.deliverReady()
      return null
    case 'calls':
      return electron.callLog()
    case 'tray': {
      const t = electron.trays.at(-1)
      const view: TrayView | null = t
        ? { count: electron.trays.length, destroyed: t.destroyed, image: t.image.path, tooltip: t.tooltip, menu: t.menu ? menuView(t.menu) : null }
        : null
      return view
    }
    case 'click-menu': {
      const menu = electron.trays.at(-1)?.menu
      const item = menu ? electron.findItem(menu, cmd.id) : null
      if (!item) throw new Error(`no menu item ${cmd.id}`)
      if (!item.enabled) throw new Error(`menu item ${cmd.id} is disabled: a native menu would not deliver the click`)
      item.click()
      return null
    }
    case 'dialogs':
      return electron.pendingDialogs.map((d) => d.options)
    case 'answer-dialog': {
      const d = electron.pendingDialogs[0]
      if (!d) throw new Error('no dialog is open')
      d.answer(cmd.response)
      return null
    }
    case 'handlers':
      return [...electron.ipcHandlers.keys()]
    case 'invoke': {
      const handler = electron.ipcHandlers.get(cmd.channel)
      if (!handler) throw new Error(`no handler for ${cmd.channel}`)
      return await handler(invokeEvent(cmd.from) as never, cmd.input)
    }
    case 'notifications':
      return electron.notifications.map((n, index): NotificationView => ({
        index,
        title: n.options.title ?? '',
        body: n.options.body ?? '',
        urgency: n.options.urgency,
        shown: n.shown,
        closed: n.closed
      }))
    case 'click-notification': {
      const n = electron.notifications[cmd.index]
      if (!n) throw new Error(`no notification ${cmd.index}`)
      n.emit('click', { preventDefault: () => undefined })
      return null
    }
    case 'windows':
      return electron.windows.map((w, index): WindowView => ({
        index,
        destroyed: w.destroyed,
        visible: w.visible,
        url: w.webContents.url,
        contentsId: w.webContents.id,
        sent: w.webContents.sent,
        options: JSON.parse(JSON.stringify(w.options)) as Record<string, unknown>
      }))
    case 'close-window':
      electron.windows[cmd.index]?.close()
      return null
    case 'power':
      electron.powerMonitor.emit(cmd.event)
      return null
    case 'app-event':
      electron.emitAppEvent(cmd.name, [], process.cwd(), {})
      return null
    case 'quit':
      electron.app.quit()
      return null
    case 'contents-event': {
      // will-navigate, will-redirect, will-attach-webview: true when the app prevented it.
      const wc = dashboardWindow()?.webContents
      if (!wc) throw new Error('no dashboard window is open')
      let prevented = false
      const event = { preventDefault: () => void (prevented = true), url: cmd.url }
      if (cmd.event === 'will-attach-webview') wc.emit(cmd.event, event, { preload: '', nodeIntegration: false }, { src: cmd.url })
      else wc.emit(cmd.event, event, cmd.url)
      return prevented
    }
    case 'window-open': {
      const handler = dashboardWindow()?.webContents.windowOpenHandler
      if (!handler) throw new Error('no window-open handler')
      return handler({
        url: cmd.url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'default' },
        postBody: undefined as never
      } as never)
    }
    case 'permission': {
      const { request, check } = electron.sessionState
      const granted = await new Promise<boolean>((resolve) => (request ? request({} as never, cmd.permission as never, resolve, {} as never) : resolve(true)))
      return { granted, checked: check ? check(null, cmd.permission as never, 'file://', {} as never) : true }
    }
    case 'headers': {
      const listener = electron.sessionState.headers
      if (!listener) return null
      return await new Promise((resolve) => listener({ url: cmd.url, responseHeaders: cmd.headers } as never, (r) => resolve(r.responseHeaders ?? null)))
    }
    case 'global':
      return typeof (globalThis as Record<string, unknown>)[cmd.name]
  }
}

process.on('message', (raw: { id: number; cmd: Command }) => {
  run(raw.cmd).then(
    (value) => send({ id: raw.id, ok: true, value: value === undefined ? null : value }),
    (e: unknown) => send({ id: raw.id, ok: false, error: e instanceof Error ? e.message : String(e) })
  )
})
