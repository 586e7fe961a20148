// The tray icon and its menu: a view of the app state. Every decision is made by the pure builders
// in core/tray; this file only hands their output to Electron and routes clicks back to the core.
import { join } from 'node:path'

import type { Menu as NativeMenu } from 'electron'
import { clipboard, Menu, type MenuItemConstructorOptions, type NativeImage, nativeImage, Tray } from 'electron'

import type { AppState, GuestAddressesView, TaskProgress } from '../../shared/views'
import type { AppCore } from '../core'
import type { NotificationSpec } from '../core/notify'
import { busyFrame, type IconName, trayIconFile } from '../core/tray/icon-files'
import { type ConfirmSpec, findMenuItem, type MenuItemModel } from '../core/tray/menu-model'
import { taskFailureNotice } from '../core/tray/task-tracker'
import { createTrayPresenter } from '../core/tray/tray-presenter'
import { type TrayStatus, trayStatus } from '../core/tray/tray-status'
import type { Dashboard } from './dashboard-window'

export interface TrayGlueDeps {
  readonly core: AppCore
  readonly dashboard: Dashboard
  /** The outcome of the user's own tray action, through the core's notification service. */
  readonly notify: (spec: NotificationSpec) => void
  readonly iconsDir: string
  readonly platform: NodeJS.Platform
  /** Native confirmation dialog (or the e2e hook's answer). */
  readonly confirm: (spec: ConfirmSpec) => Promise<boolean>
  readonly quit: () => void
  readonly now?: () => number
  readonly log: (line: string) => void
}

export interface TrayGlue {
  model(): readonly MenuItemModel[]
  /** The native menu last handed to the tray (the e2e suite reads and clicks its items). */
  nativeMenu(): NativeMenu | null
  status(): TrayStatus
  /** Runs a menu item as a click would (asks for confirmation where the item says so). */
  activate(id: string): Promise<void>
  dispose(): void
}

const REFRESH_MS = 30_000 // "down for 4 min" stays true between polls
const BUSY_FRAME_MS = 300

export function createTrayGlue(deps: TrayGlueDeps): TrayGlue {
  const now = deps.now ?? Date.now
  const images = new Map<IconName, NativeImage>()
  const image = (name: IconName): NativeImage => {
    let img = images.get(name)
    if (!img) {
      img = nativeImage.createFromPath(join(deps.iconsDir, trayIconFile(name, deps.platform)))
      if (deps.platform === 'darwin') img.setTemplateImage(true)
      images.set(name, img)
    }
    return img
  }

  let state: AppState = deps.core.getState()
  const presenter = createTrayPresenter(now)
  let status = trayStatus({ state, now: now(), busyLabel: null })
  let native: NativeMenu | null = null
  let shownIcon: IconName | null = null
  let tooltip = ''
  let busyTimer: NodeJS.Timeout | null = null
  let tick = 0

  const tray = new Tray(image(status.icon))
  if (deps.platform === 'win32') tray.on('click', () => deps.dashboard.show())

  function setIcon(name: IconName): void {
    if (name === shownIcon) return
    tray.setImage(image(name))
    shownIcon = name
  }

  function render(): void {
    const out = presenter.render(state)
    status = out.status
    if (status.tooltip !== tooltip) tray.setToolTip((tooltip = status.tooltip))
    // The only animation: while an action the user started runs.
    if (status.busy && !busyTimer) {
      busyTimer = setInterval(() => setIcon(busyFrame(++tick)), BUSY_FRAME_MS)
    } else if (!status.busy && busyTimer) {
      clearInterval(busyTimer)
      busyTimer = null
    }
    if (!status.busy) setIcon(status.icon)
    if (out.rebuild === null) return
    // Linux (AppIndicator) only picks up a changed menu when it is set again.
    native = Menu.buildFromTemplate(out.rebuild.map(toTemplate))
    tray.setContextMenu(native)
  }

  function toTemplate(m: MenuItemModel): MenuItemConstructorOptions {
    if (m.type === 'separator') return { id: m.id, type: 'separator' }
    return {
      id: m.id,
      label: m.label,
      enabled: m.enabled,
      type: m.type,
      ...(m.type === 'checkbox' ? { checked: m.checked === true } : {}),
      ...(m.submenu ? { submenu: m.submenu.map(toTemplate) } : {}),
      ...(m.action ? { click: () => void activate(m.id) } : {})
    }
  }

  async function activate(id: string): Promise<void> {
    const shown = presenter.model()
    const m = shown ? findMenuItem(shown, id) : null
    if (!m?.action || !m.enabled) return
    if (m.confirm && !(await deps.confirm(m.confirm))) return
    const a = m.action
    if (a.kind === 'quit') return deps.quit()
    if (a.kind === 'open-dashboard') return deps.dashboard.show(a.target)
    if (a.kind === 'copy') return clipboard.writeText(a.text)
    const res = await deps.core.dispatch(a.channel, a.input)
    if (res.ok && a.channel === 'guests:addresses') {
      // The core's answer for this channel (the contract's result type); the submenu shows it from now on.
      presenter.noteAddresses(res.value as GuestAddressesView)
      render()
      return
    }
    if (!res.ok) {
      deps.log(`tray: ${a.channel} failed: ${res.error.code}`)
      // Electron already flipped a clicked checkbox; nothing changed in the state, so force a rebuild.
      presenter.invalidate()
      render()
      deps.notify({ id: `tray-error:${id}`, title: 'That did not work', body: res.error.message, urgency: 'normal', silent: false, clickTarget: null })
    }
  }

  const offState = deps.core.on('state:changed', (s) => {
    state = s
    render()
  })
  const offTask = deps.core.on('task:progress', (p: TaskProgress) => {
    presenter.trackTask(p)
    const notice = taskFailureNotice(state, p)
    if (notice) deps.notify(notice)
    render()
  })
  const timer = setInterval(render, REFRESH_MS)
  render()

  return {
    model: () => presenter.model() ?? [],
    nativeMenu: () => native,
    status: () => status,
    activate,
    dispose(): void {
      offState()
      offTask()
      clearInterval(timer)
      if (busyTimer) clearInterval(busyTimer)
      tray.destroy()
    }
  }
}
