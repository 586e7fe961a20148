// Test-only hooks for the Electron end-to-end suite, installed ONLY when PVE_TRAY_E2E=1. Playwright
// cannot open a native tray menu, click a notification or answer a message box, so the suite reads
// the tray's menu model, runs items by id, sees shown notifications, and calls the core directly
// (as the onboarding screen would) through `globalThis.__pveTrayE2E` in the main process.
import type { IpcResponse } from '../../shared/ipc/contract'
import type { AppState } from '../../shared/views'
import type { AppCore } from '../core'
import type { ShownNotification as NotificationSpec } from '../core/notify'
import type { MenuItemModel } from '../core/tray/menu-model'
import type { TrayStatus } from '../core/tray/tray-status'
import type { TrayGlue } from './tray'

/** A native menu item as Electron holds it (what the user sees), flattened. */
export interface NativeMenuItemView {
  readonly id: string
  readonly label: string
  readonly type: string
  readonly enabled: boolean
  readonly checked: boolean
  readonly depth: number
}

export interface E2eHooks {
  menu(): readonly MenuItemModel[]
  /** The tray's native menu items, read from Electron's Menu. */
  nativeMenu(): NativeMenuItemView[]
  /** Clicks a native menu item as the OS would (Electron's own MenuItem.click). */
  clickNative(id: string): boolean
  trayStatus(): TrayStatus
  activate(id: string): Promise<void>
  notifications(): readonly NotificationSpec[]
  state(): AppState
  dispatch(channel: string, input: unknown): Promise<IpcResponse<unknown>>
  /** How confirmation dialogs are answered while the suite runs (default: confirm). */
  setConfirmAnswer(answer: boolean): void
}

export function e2eEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['PVE_TRAY_E2E'] === '1'
}

/** Collects what would be needed before the tray exists (notifications, confirm answers). */
export function createE2eRecorder(): { readonly shown: NotificationSpec[]; confirmAnswer: boolean } {
  return { shown: [], confirmAnswer: true }
}

export function installE2eHooks(core: AppCore, tray: TrayGlue, recorder: ReturnType<typeof createE2eRecorder>): void {
  const hooks: E2eHooks = {
    menu: () => tray.model(),
    nativeMenu: () => {
      const out: NativeMenuItemView[] = []
      const walk = (items: readonly Electron.MenuItem[], depth: number): void => {
        for (const i of items) {
          out.push({ id: i.id, label: i.label, type: i.type, enabled: i.enabled, checked: i.checked, depth })
          if (i.submenu) walk(i.submenu.items, depth + 1)
        }
      }
      walk(tray.nativeMenu()?.items ?? [], 0)
      return out
    },
    clickNative: (id) => {
      const item = tray.nativeMenu()?.getMenuItemById(id)
      if (!item?.enabled) return false
      // Electron types MenuItem.click as a bare `Function`; it is the item's own handler, called on the item.
      ;(item.click as (this: typeof item) => void).call(item)
      return true
    },
    trayStatus: () => tray.status(),
    activate: (id) => tray.activate(id),
    notifications: () => [...recorder.shown],
    state: () => core.getState(),
    dispatch: (channel, input) => core.dispatch(channel, input),
    setConfirmAnswer: (answer) => {
      recorder.confirmAnswer = answer
    }
  }
  ;(globalThis as { __pveTrayE2E?: E2eHooks }).__pveTrayE2E = hooks
}
