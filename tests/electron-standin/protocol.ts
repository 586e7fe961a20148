// The messages between the test and the app process running under the electron stand-in.
import type { CallRecord } from './electron'

/** Where an IPC call comes from, as Electron would describe it in the invoke event. */
export type IpcOrigin =
  | 'dashboard' // the dashboard window's top-level frame, showing the app's renderer
  | 'dashboard-subframe' // an iframe inside the dashboard
  | 'dashboard-other-url' // the dashboard's top frame, but showing another document
  | 'foreign-window' // another webContents altogether

export interface MenuItemView {
  readonly id: string
  readonly label: string
  readonly type: string
  readonly enabled: boolean
  readonly checked: boolean
  readonly submenu?: readonly MenuItemView[]
}

export interface NotificationView {
  readonly index: number
  readonly title: string
  readonly body: string
  readonly urgency: string | undefined
  readonly shown: number
  readonly closed: boolean
}

export interface WindowView {
  readonly index: number
  readonly destroyed: boolean
  readonly visible: boolean
  readonly url: string
  readonly contentsId: number
  readonly sent: readonly { readonly channel: string; readonly payload: unknown }[]
  readonly options: Record<string, unknown>
}

export type Command =
  | { op: 'ready' }
  | { op: 'calls' }
  | { op: 'tray' }
  | { op: 'click-menu'; id: string }
  | { op: 'dialogs' }
  | { op: 'answer-dialog'; response: number }
  | { op: 'invoke'; channel: string; input: unknown; from: IpcOrigin }
  | { op: 'handlers' }
  | { op: 'notifications' }
  | { op: 'click-notification'; index: number }
  | { op: 'windows' }
  | { op: 'close-window'; index: number }
  | { op: 'power'; event: 'suspend' | 'resume' }
  | { op: 'app-event'; name: string }
  | { op: 'quit' }
  | { op: 'contents-event'; event: 'will-navigate' | 'will-redirect' | 'will-attach-webview'; url: string }
  | { op: 'window-open'; url: string }
  | { op: 'permission'; permission: string }
  | { op: 'headers'; url: string; headers: Record<string, string[]> }
  | { op: 'global'; name: string }

export interface TrayView {
  readonly count: number
  readonly destroyed: boolean
  readonly image: string
  readonly tooltip: string
  readonly menu: readonly MenuItemView[] | null
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }
export type ChildMessage = Reply | { type: 'exit'; code: number; calls: readonly CallRecord[]; openAtExit: readonly string[] }
