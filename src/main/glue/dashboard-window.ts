// The dashboard window, created on demand from the tray.
//
// Closing it DESTROYS it rather than hiding it: a tray app runs all day and a hidden Chromium
// renderer keeps ~100 MB and a process alive for nothing; all state lives in the main process, so a
// re-created dashboard (well under a second) shows exactly what the old one did. Closing the window
// never quits the app (index.ts keeps `window-all-closed` from quitting).
import { BrowserWindow, type WebContents } from 'electron'

import type { EventChannel, EventContract } from '../../shared/ipc/contract'
import type { NavigateTarget } from '../../shared/views'
import { dashboardWindowOptions } from '../core/security/window-options'

export interface DashboardConfig {
  readonly preloadPath: string
  readonly rendererFile: string
  readonly devServerUrl: string | null
  readonly iconPath: string | null
  readonly dev: boolean
  /** Brings the app itself to the front before the window is shown (macOS, dock hidden). */
  readonly activateApp?: () => void
}

export interface Dashboard {
  /** Creates the window if needed, brings it to front, and navigates when a target is given. */
  show(target?: NavigateTarget): void
  send<E extends EventChannel>(event: E, payload: EventContract[E]): void
  isDashboard(contents: WebContents): boolean
  isOpen(): boolean
  destroy(): void
}

export function createDashboard(cfg: DashboardConfig): Dashboard {
  let win: BrowserWindow | null = null
  let loaded = false
  let pendingTarget: NavigateTarget | null = null

  const send = <E extends EventChannel>(event: E, payload: EventContract[E]): void => {
    if (win && !win.isDestroyed() && loaded) win.webContents.send(event, payload)
  }

  function create(): BrowserWindow {
    const w = new BrowserWindow(dashboardWindowOptions({ preloadPath: cfg.preloadPath, iconPath: cfg.iconPath, dev: cfg.dev }))
    loaded = false
    w.once('ready-to-show', () => {
      cfg.activateApp?.()
      w.show()
    })
    w.webContents.on('did-finish-load', () => {
      loaded = true
      if (pendingTarget) send('ui:navigate', pendingTarget)
      pendingTarget = null
    })
    w.on('closed', () => {
      if (win === w) win = null
    })
    if (cfg.devServerUrl) void w.loadURL(cfg.devServerUrl)
    else void w.loadFile(cfg.rendererFile)
    return w
  }

  return {
    show(target): void {
      if (!win || win.isDestroyed()) {
        pendingTarget = target ?? null
        win = create()
        return
      }
      if (win.isMinimized()) win.restore()
      cfg.activateApp?.()
      win.show()
      win.focus()
      if (target) {
        if (loaded) send('ui:navigate', target)
        else pendingTarget = target
      }
    },
    send,
    isDashboard: (contents) => win !== null && !win.isDestroyed() && win.webContents.id === contents.id,
    isOpen: () => win !== null && !win.isDestroyed(),
    destroy(): void {
      if (win && !win.isDestroyed()) win.destroy()
      win = null
    }
  }
}
