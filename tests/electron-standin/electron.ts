// A stand-in for the `electron` module, for running the BUILT main process under plain Node. It does
// what the app asks of Electron just enough to keep the app honest (a menu item's click flips a
// checkbox first, app.quit() emits a preventable before-quit, safeStorage really encrypts), and it
// records everything the app hands over, so the suite can assert on it and drive the app only through
// what Electron itself would deliver (ready, menu clicks, dialog answers, IPC events, power events).
//
// Every member is typed against electron.d.ts (parameters and return types taken from it), so an API
// change in a new Electron fails the type check here before it fails on a user's desktop.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import type * as Electron from 'electron'

/** One thing the app did to Electron, in order. Only JSON-safe details. */
export interface CallRecord {
  readonly seq: number
  readonly api: string
  readonly detail?: unknown
}

const env = process.env
const calls: CallRecord[] = []
let seq = 0
export function record(api: string, detail?: unknown): void {
  calls.push(detail === undefined ? { seq: ++seq, api } : { seq: ++seq, api, detail: jsonSafe(detail) })
}
function jsonSafe(v: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'function' ? '[function]' : x))) as unknown
  } catch {
    return String(v)
  }
}

// ---------- app ----------

type Listener = (...args: never[]) => unknown
class AppEmitter extends EventEmitter {}
const appEvents = new AppEmitter()
let ready = false
let resolveReady: () => void = () => undefined
const readyPromise = new Promise<void>((r) => (resolveReady = r))
const paths = new Map<string, string>([['userData', env['ELECTRON_STANDIN_USER_DATA'] ?? join(tmpdir(), 'pve-tray-standin')]])
const switches = new Set((env['ELECTRON_STANDIN_SWITCHES'] ?? '').split(',').filter(Boolean))
let exited: number | null = null
/** Set by the driver: what to do once the app called app.exit() (or quit without preventing). */
export const lifecycle = { onExit: (_code: number): void => undefined }

/** Electron refuses these before `ready` (throws); so does the stand-in, so a wrong order fails here too. */
function requireReady(what: string): void {
  if (!ready) throw new Error(`Cannot create ${what} before app is ready`)
}
function requireAlive(destroyed: boolean): void {
  if (destroyed) throw new TypeError('Object has been destroyed')
}

function exitApp(code: number): void {
  if (exited !== null) return
  exited = code
  record('app.exit', { code })
  lifecycle.onExit(code)
}

const dock: Pick<Electron.Dock, 'hide' | 'show'> = { hide: () => record('app.dock.hide'), show: () => (record('app.dock.show'), Promise.resolve()) }

type AppSurface = Pick<
  Electron.App,
  | 'enableSandbox'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady'
  | 'isReady'
  | 'getPath'
  | 'setPath'
  | 'getAppPath'
  | 'getVersion'
  | 'setLoginItemSettings'
  | 'setAppUserModelId'
  | 'focus'
> & { isPackaged: boolean; dock: Pick<Electron.Dock, 'hide' | 'show'> | undefined; commandLine: Pick<Electron.CommandLine, 'hasSwitch' | 'appendSwitch'> }

const appImpl: AppSurface & { on(event: string, l: Listener): unknown; once(event: string, l: Listener): unknown; off(event: string, l: Listener): unknown } = {
  isPackaged: env['ELECTRON_STANDIN_PACKAGED'] === '1',
  // As Electron: app.dock exists on macOS only (read late: the test may set the platform after load).
  get dock() {
    return process.platform === 'darwin' ? dock : undefined
  },
  commandLine: {
    hasSwitch: (name: string) => switches.has(name),
    appendSwitch: (name: string, value?: string) => void (record('app.commandLine.appendSwitch', { name, value }), switches.add(name))
  },
  enableSandbox: () => {
    if (ready) throw new Error('app.enableSandbox() can only be called before app is ready')
    record('app.enableSandbox')
  },
  requestSingleInstanceLock: () => {
    const granted = env['ELECTRON_STANDIN_LOCK'] !== 'denied'
    record('app.requestSingleInstanceLock', { granted })
    return granted
  },
  quit: () => {
    record('app.quit')
    quitApp()
  },
  exit: (code?: number) => exitApp(code ?? 0),
  whenReady: () => (record('app.whenReady'), readyPromise),
  isReady: () => ready,
  getPath: (name: Parameters<Electron.App['getPath']>[0]) => paths.get(name) ?? join(tmpdir(), `pve-tray-standin-${name}`),
  setPath: (name: string, value: string) => void (record('app.setPath', { name, value }), paths.set(name, value)),
  getAppPath: () => env['ELECTRON_STANDIN_APP_PATH'] ?? process.cwd(),
  getVersion: () => (JSON.parse(readFileSync(join(appImpl.getAppPath(), 'package.json'), 'utf8')) as { version: string }).version,
  setLoginItemSettings: (settings: Electron.Settings) => record('app.setLoginItemSettings', settings),
  setAppUserModelId: (id: string) => record('app.setAppUserModelId', { id }),
  focus: (options?: Electron.FocusOptions) => record('app.focus', options ?? {}),
  on(event, l) {
    record('app.on', { event })
    appEvents.on(event, l as (...a: unknown[]) => void)
    return appImpl
  },
  once(event, l) {
    appEvents.once(event, l as (...a: unknown[]) => void)
    return appImpl
  },
  off(event, l) {
    appEvents.off(event, l as (...a: unknown[]) => void)
    return appImpl
  }
}
export const app = appImpl

function quitApp(): void {
  let prevented = false
  appEvents.emit('before-quit', { preventDefault: () => void (prevented = true) })
  if (prevented) return
  appEvents.emit('will-quit', { preventDefault: () => undefined })
  exitApp(0)
}

// ---------- web contents, windows ----------

let nextContentsId = 1
export class WebContentsStandIn extends EventEmitter implements Pick<Electron.WebContents, 'id' | 'setWindowOpenHandler' | 'isDestroyed'> {
  readonly id = nextContentsId++
  url = ''
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null
  destroyed = false
  readonly sent: { channel: string; payload: unknown }[] = []
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    record('webContents.setWindowOpenHandler', { id: this.id })
    this.windowOpenHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    requireAlive(this.destroyed)
    record('webContents.send', { id: this.id, channel })
    this.sent.push({ channel, payload: args[0] })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export const windows: BrowserWindow[] = []
export class BrowserWindow
  extends EventEmitter
  implements Pick<Electron.BrowserWindow, 'show' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed' | 'destroy' | 'isVisible'>
{
  readonly webContents = new WebContentsStandIn()
  readonly options: Electron.BrowserWindowConstructorOptions
  visible = false
  destroyed = false
  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    requireReady('BrowserWindow')
    super()
    this.options = options
    record('new BrowserWindow', options)
    windows.push(this)
    appEvents.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents)
  }
  private load(url: string): Promise<void> {
    this.webContents.url = url
    // As Electron: the page loads asynchronously, then the window may be shown.
    setImmediate(() => {
      if (this.destroyed) return
      this.webContents.emit('did-finish-load')
      this.emit('ready-to-show')
    })
    return Promise.resolve()
  }
  loadFile(filePath: string): Promise<void> {
    requireAlive(this.destroyed)
    record('BrowserWindow.loadFile', { filePath, exists: existsSync(filePath) })
    return this.load(pathToFileURL(filePath).href)
  }
  loadURL(url: string): Promise<void> {
    requireAlive(this.destroyed)
    record('BrowserWindow.loadURL', { url })
    return this.load(url)
  }
  show(): void {
    requireAlive(this.destroyed)
    record('BrowserWindow.show')
    this.visible = true
  }
  focus(): void {
    requireAlive(this.destroyed)
    record('BrowserWindow.focus')
  }
  restore(): void {
    requireAlive(this.destroyed)
    record('BrowserWindow.restore')
  }
  isMinimized(): boolean {
    requireAlive(this.destroyed)
    return false
  }
  isVisible(): boolean {
    return this.visible
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    record('BrowserWindow.destroy')
    this.teardown()
  }
  /** The user closing the window: a preventable 'close', then the window is gone. */
  close(): void {
    if (this.destroyed) return
    let prevented = false
    this.emit('close', { preventDefault: () => void (prevented = true) })
    if (!prevented) this.teardown()
  }
  private teardown(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
}

// ---------- ipcMain ----------

export type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown
export const ipcHandlers = new Map<string, InvokeHandler>()
export const ipcMain = {
  handle(channel: Parameters<Electron.IpcMain['handle']>[0], listener: InvokeHandler): void {
    record('ipcMain.handle', { channel })
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcHandlers.set(channel, listener)
  },
  removeHandler(channel: Parameters<Electron.IpcMain['removeHandler']>[0]): void {
    record('ipcMain.removeHandler', { channel })
    ipcHandlers.delete(channel)
  },
  on(channel: string, _listener: Listener): unknown {
    record('ipcMain.on', { channel })
    return ipcMain
  }
}

// ---------- menus, tray, images ----------

export class MenuItem implements Pick<Electron.MenuItem, 'id' | 'label' | 'type' | 'enabled' | 'checked' | 'click'> {
  id: string
  label: string
  type: Electron.MenuItem['type']
  enabled: boolean
  checked: boolean
  submenu: Menu | undefined
  private readonly onClick: Electron.MenuItemConstructorOptions['click']
  constructor(o: Electron.MenuItemConstructorOptions) {
    this.id = o.id ?? ''
    this.label = o.label ?? ''
    this.type = o.type ?? (o.submenu ? 'submenu' : 'normal')
    this.enabled = o.enabled ?? true
    this.checked = o.checked ?? false
    this.onClick = o.click
    const sub = o.submenu
    this.submenu = sub === undefined ? undefined : sub instanceof Menu ? sub : Menu.buildFromTemplate(sub as Electron.MenuItemConstructorOptions[])
  }
  /** As Electron's native menu does on a click: a checkbox flips first, then the handler runs. */
  click(): void {
    if (this.type === 'checkbox') this.checked = !this.checked
    this.onClick?.(this as unknown as Electron.MenuItem, undefined, {
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      triggeredByAccelerator: false
    })
  }
}

export class Menu implements Pick<Electron.Menu, 'getMenuItemById'> {
  readonly items: MenuItem[]
  constructor(items: MenuItem[] = []) {
    this.items = items
  }
  static buildFromTemplate(template: Parameters<typeof Electron.Menu.buildFromTemplate>[0]): Menu {
    return new Menu(template.map((t) => (t instanceof MenuItem ? t : new MenuItem(t as Electron.MenuItemConstructorOptions))))
  }
  getMenuItemById(id: string): Electron.MenuItem | null {
    return (findItem(this, id) as unknown as Electron.MenuItem | null) ?? null
  }
}
export function findItem(menu: Menu, id: string): MenuItem | null {
  for (const i of menu.items) {
    if (i.id === id) return i
    const inner = i.submenu ? findItem(i.submenu, id) : null
    if (inner) return inner
  }
  return null
}

export class NativeImageStandIn implements Pick<Electron.NativeImage, 'setTemplateImage' | 'isEmpty' | 'isTemplateImage'> {
  template = false
  constructor(readonly path: string) {}
  setTemplateImage(option: boolean): void {
    this.template = option
  }
  isTemplateImage(): boolean {
    return this.template
  }
  isEmpty(): boolean {
    return !existsSync(this.path)
  }
}
export const nativeImage = {
  createFromPath(path: Parameters<typeof Electron.nativeImage.createFromPath>[0]): NativeImageStandIn {
    record('nativeImage.createFromPath', { path, exists: existsSync(path) })
    return new NativeImageStandIn(path)
  }
}

export const trays: Tray[] = []
export class Tray extends EventEmitter implements Pick<Electron.Tray, 'isDestroyed'> {
  image: NativeImageStandIn
  tooltip = ''
  menu: Menu | null = null
  destroyed = false
  constructor(image: NativeImageStandIn) {
    requireReady('Tray')
    super()
    record('new Tray', { image: image.path })
    this.image = image
    trays.push(this)
  }
  setImage(image: NativeImageStandIn): void {
    record('tray.setImage', { image: image.path })
    this.image = image
  }
  setToolTip(toolTip: Parameters<Electron.Tray['setToolTip']>[0]): void {
    record('tray.setToolTip', { toolTip })
    this.tooltip = toolTip
  }
  setContextMenu(menu: Menu | null): void {
    record('tray.setContextMenu')
    this.menu = menu
  }
  destroy(): void {
    record('tray.destroy')
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

// ---------- dialog, notifications, shell ----------

export interface PendingDialog {
  readonly options: Electron.MessageBoxOptions
  answer(response: number): void
}
export const pendingDialogs: PendingDialog[] = []
export const dialog = {
  showMessageBox(options: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue> {
    record('dialog.showMessageBox', options)
    return new Promise((resolve) => {
      const d: PendingDialog = {
        options,
        answer: (response) => {
          pendingDialogs.splice(pendingDialogs.indexOf(d), 1)
          resolve({ response, checkboxChecked: false })
        }
      }
      pendingDialogs.push(d)
    })
  }
}

export const notifications: Notification[] = []
export class Notification extends EventEmitter implements Pick<Electron.Notification, 'show' | 'close'> {
  readonly options: Electron.NotificationConstructorOptions
  shown = 0
  closed = false
  static isSupported(): boolean {
    return true
  }
  constructor(options: Electron.NotificationConstructorOptions = {}) {
    requireReady('Notification')
    super()
    this.options = options
    notifications.push(this)
  }
  show(): void {
    record('Notification.show', { title: this.options.title, body: this.options.body, urgency: this.options.urgency, silent: this.options.silent })
    this.shown++
  }
  close(): void {
    if (this.closed) return
    this.closed = true
    this.emit('close', { preventDefault: () => undefined })
  }
}

export const shell = {
  openExternal(url: Parameters<Electron.Shell['openExternal']>[0]): Promise<void> {
    record('shell.openExternal', { url })
    return Promise.resolve()
  },
  openPath(path: Parameters<Electron.Shell['openPath']>[0]): Promise<string> {
    record('shell.openPath', { path })
    return Promise.resolve('')
  }
}

export const clipboard: Pick<Electron.Clipboard, 'writeText'> = {
  writeText(text: string): Promise<void> {
    record('clipboard.writeText', { text })
    return Promise.resolve()
  }
}

// ---------- session, safeStorage, powerMonitor ----------

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0]
type HeadersListener = Extract<Parameters<Electron.WebRequest['onHeadersReceived']>[0], (...a: never[]) => unknown>
export const sessionState: { request: PermissionRequestHandler; check: PermissionCheckHandler; headers: HeadersListener | null } = {
  request: null,
  check: null,
  headers: null
}
const defaultSession = {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    record('session.setPermissionRequestHandler')
    sessionState.request = handler
  },
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    record('session.setPermissionCheckHandler')
    sessionState.check = handler
  },
  webRequest: {
    onHeadersReceived(listener: HeadersListener | null): void {
      record('session.webRequest.onHeadersReceived')
      sessionState.headers = listener
    }
  }
}
export const session = {
  get defaultSession() {
    requireReady('session')
    return defaultSession
  }
}

// Real encryption, so nothing in the profile is plain text; the key lives only in this process.
const key = randomBytes(32)
export const safeStorage: Pick<Electron.SafeStorage, 'encryptString' | 'decryptString' | 'isEncryptionAvailable' | 'getSelectedStorageBackend'> = {
  // As on Linux: nothing can be encrypted before ready.
  isEncryptionAvailable: () => ready && env['ELECTRON_STANDIN_NO_ENCRYPTION'] !== '1',
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString(plainText: string): Buffer {
    const iv = randomBytes(12)
    const c = createCipheriv('aes-256-gcm', key, iv)
    const body = Buffer.concat([c.update(plainText, 'utf8'), c.final()])
    return Buffer.concat([iv, c.getAuthTag(), body])
  },
  decryptString(encrypted: Buffer): string {
    const d = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12))
    d.setAuthTag(encrypted.subarray(12, 28))
    return Buffer.concat([d.update(encrypted.subarray(28)), d.final()]).toString('utf8')
  }
}

class PowerMonitorStandIn extends EventEmitter {
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    // "The powerMonitor module can't be used until the ready event of the app module is emitted."
    if (!ready) throw new Error('powerMonitor cannot be used before app is ready')
    return super.on(event, listener)
  }
}
export const powerMonitor = new PowerMonitorStandIn()

// ---------- what the driver delivers ----------

export function deliverReady(): void {
  if (ready) return
  ready = true
  record('ready')
  appEvents.emit('ready', { preventDefault: () => undefined }, {})
  resolveReady()
}
export function emitAppEvent(name: string, ...args: unknown[]): void {
  record(`deliver ${name}`)
  appEvents.emit(name, { preventDefault: () => undefined }, ...args)
}
export function callLog(): readonly CallRecord[] {
  return calls
}

const electron = { app, BrowserWindow, clipboard, Menu, MenuItem, Notification, Tray, dialog, ipcMain, nativeImage, powerMonitor, safeStorage, session, shell }
export default electron
