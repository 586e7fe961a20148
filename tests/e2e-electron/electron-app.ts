// Launches the built app (out/main via package.json "main") with a fresh profile and the test-only
// hooks (PVE_TRAY_E2E=1), and reads/drives the tray through them in the main process.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { _electron, type ElectronApplication } from '@playwright/test'

import type { NotificationSpec } from '../../src/main/core/notify'
import type { MenuItemModel } from '../../src/main/core/tray/menu-model'
import type { NativeMenuItemView } from '../../src/main/glue/e2e-hooks'
import type { IpcResponse } from '../../src/shared/ipc/contract'
import type { AppState } from '../../src/shared/views'
import { waitFor } from '../helpers/wait-for'
import type { ElectronBinary } from './electron-binary'

export const root = join(import.meta.dirname, '../..')

export interface LaunchedApp {
  readonly app: ElectronApplication
  menu(): Promise<MenuItemModel[]>
  /** The items of the tray's native Electron menu. */
  nativeMenu(): Promise<NativeMenuItemView[]>
  /** Electron's own MenuItem.click() on a native item (false: no such enabled item). */
  clickNative(id: string): Promise<boolean>
  /** Titles of the notifications whose show() was called, counted at Electron's Notification.prototype.show. */
  shownNotifications(): Promise<string[]>
  activate(id: string): Promise<void>
  notifications(): Promise<NotificationSpec[]>
  state(): Promise<AppState>
  dispatch<T>(channel: string, input: unknown): Promise<IpcResponse<T>>
  close(): Promise<void>
}

interface Hooks {
  menu(): MenuItemModel[]
  nativeMenu(): NativeMenuItemView[]
  clickNative(id: string): boolean
  activate(id: string): Promise<void>
  notifications(): NotificationSpec[]
  state(): AppState
  dispatch(channel: string, input: unknown): Promise<IpcResponse<unknown>>
}
type WithHooks = typeof globalThis & { __pveTrayE2E: Hooks }

export async function launchApp(bin: Extract<ElectronBinary, { ok: true }>): Promise<LaunchedApp> {
  const userData = mkdtempSync(join(tmpdir(), 'pve-tray-e2e-'))
  // Chromium refuses its OS sandbox as root (CI containers): only then is it turned off. The
  // renderer's own `sandbox: true` still applies.
  const rootUser = typeof process.getuid === 'function' && process.getuid() === 0
  const app = await _electron
    .launch({
      executablePath: bin.path,
      args: [...(rootUser ? ['--no-sandbox'] : []), root],
      env: { ...process.env, PVE_TRAY_E2E: '1', PVE_TRAY_USER_DATA: userData, PVE_TRAY_E2E_POLL_MS: '500' }
    })
    .catch((e: unknown) => {
      rmSync(userData, { recursive: true, force: true })
      throw e
    })
  const hooks = <R>(fn: (h: Hooks, arg: unknown) => R | Promise<R>, arg?: unknown): Promise<R> =>
    app.evaluate<R, readonly [string, unknown]>(
      async (_electron, [src, a]) => {
        const h = (globalThis as WithHooks).__pveTrayE2E
        // The function crosses as source text: rebuild it in the main process.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: test-only code sent as source text
        return (new Function('h', 'a', `return (${src})(h, a)`) as (h: Hooks, a: unknown) => R)(h, a)
      },
      [fn.toString(), arg] as const
    )
  await until(() => hooks((h) => typeof h === 'object'), 15_000)
  // Count at the real Notification.show(): what the OS was asked to display, not what the app meant to.
  await app.evaluate(({ Notification }) => {
    const g = globalThis as { __shownTitles?: string[] }
    g.__shownTitles = []
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with the notification as `this`
    const show = Notification.prototype.show
    Notification.prototype.show = function (this: Electron.Notification): void {
      g.__shownTitles?.push(this.title)
      show.call(this)
    }
  })
  return {
    app,
    menu: () => hooks((h) => h.menu()),
    nativeMenu: () => hooks((h) => h.nativeMenu()),
    clickNative: (id) => hooks((h, a) => h.clickNative(a as string), id),
    shownNotifications: () => app.evaluate(() => [...((globalThis as { __shownTitles?: string[] }).__shownTitles ?? [])]),
    activate: (id) => hooks((h, a) => h.activate(a as string), id),
    notifications: () => hooks((h) => h.notifications()),
    state: () => hooks((h) => h.state()),
    dispatch: <T>(channel: string, input: unknown) =>
      hooks((h, a) => h.dispatch((a as [string, unknown])[0], (a as [string, unknown])[1]), [channel, input]) as Promise<IpcResponse<T>>,
    async close(): Promise<void> {
      await app.close().catch(() => undefined)
      rmSync(userData, { recursive: true, force: true })
    }
  }
}

export function until<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  return waitFor(fn, { timeoutMs, intervalMs: 200 })
}

export function flatten(items: readonly MenuItemModel[]): MenuItemModel[] {
  return items.flatMap((i) => [i, ...(i.submenu ? flatten(i.submenu) : [])])
}
