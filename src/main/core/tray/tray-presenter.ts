// What the tray glue does on every state change, minus Electron: judge the status, build the menu model,
// and say whether the native menu must be rebuilt (only when what it shows changed). The glue and the
// whole-process bench both run this, so the bench measures what the app pays per poll.
import type { AppState, GuestAddressesView, TaskProgress } from '../../../shared/views'
import { buildTrayMenu } from './build-tray-menu'
import { type AddressTable, noteAddresses, pruneAddresses } from './menu-addresses'
import { GuestMenuMemo } from './menu-guests'
import { type MenuItemModel, sameMenu } from './menu-model'
import { NodeMenuMemo } from './node-menu-memo'
import { applyTaskProgress, busyLabel, pruneTasks, type TaskTable } from './task-tracker'
import { type TrayStatus, trayStatus } from './tray-status'

export interface TrayRender {
  readonly status: TrayStatus
  /** The new menu model when the native menu must be rebuilt, null when the shown one stays. */
  readonly rebuild: readonly MenuItemModel[] | null
}

export interface TrayPresenter {
  render(state: AppState): TrayRender
  trackTask(progress: TaskProgress): void
  /** A guest's addresses the user asked for from the menu: shown in its submenu for a few minutes. */
  noteAddresses(view: GuestAddressesView): void
  /** Forget the shown menu (Electron flipped a checkbox the state did not follow): the next render rebuilds. */
  invalidate(): void
  model(): readonly MenuItemModel[] | null
  tasks(): TaskTable
}

export function createTrayPresenter(now: () => number): TrayPresenter {
  let tasks: TaskTable = new Map()
  let model: MenuItemModel[] | null = null
  let addresses: AddressTable = new Map()
  const memo = new GuestMenuMemo()
  const nodeMemo = new NodeMenuMemo()
  return {
    render(state) {
      const t = now()
      tasks = pruneTasks(tasks, t)
      addresses = pruneAddresses(addresses, t)
      const status = trayStatus({ state, now: t, busyLabel: busyLabel(state, tasks) })
      const next = buildTrayMenu({ state, status, tasks, now: t, memo, nodeMemo, addresses })
      memo.sweep()
      nodeMemo.sweep()
      if (sameMenu(model, next)) return { status, rebuild: null }
      model = next
      return { status, rebuild: next }
    },
    trackTask(progress) {
      tasks = applyTaskProgress(tasks, progress)
    },
    noteAddresses(view) {
      addresses = noteAddresses(addresses, view)
    },
    invalidate() {
      model = null
    },
    model: () => model,
    tasks: () => tasks
  }
}
