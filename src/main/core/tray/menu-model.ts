// The tray menu as plain data: built by pure functions from the app state, compared to skip
// rebuilding the native menu when nothing visible changed, and mapped to Electron by the glue.
import type { ChannelInput, InvokeChannel } from '../../../shared/ipc/contract'
import { sameData } from '../../../shared/list-patch'
import type { NavigateTarget } from '../../../shared/views'

/** A call into the app core, exactly as the renderer would make it. */
export type InvokeAction = { [C in InvokeChannel]: { readonly kind: 'invoke'; readonly channel: C; readonly input: ChannelInput<C> } }[InvokeChannel]

export type MenuAction =
  | InvokeAction
  | { readonly kind: 'open-dashboard'; readonly target: NavigateTarget }
  /** Put `text` on the clipboard (the glue uses Electron's clipboard). */
  | { readonly kind: 'copy'; readonly text: string }
  | { readonly kind: 'quit' }

export interface ConfirmSpec {
  readonly title: string
  readonly message: string
  /** Label of the button that goes ahead ("Stop", "Reboot"). */
  readonly confirmLabel: string
}

export type MenuItemType = 'normal' | 'separator' | 'submenu' | 'checkbox'

export interface MenuItemModel {
  /** Stable across rebuilds: the glue and the e2e hooks find items by id. */
  readonly id: string
  readonly type: MenuItemType
  readonly label: string
  readonly enabled: boolean
  readonly checked?: boolean
  readonly submenu?: readonly MenuItemModel[]
  readonly action?: MenuAction
  /** Ask in a native dialog before running `action` (destructive power actions). */
  readonly confirm?: ConfirmSpec
}

export function separator(id: string): MenuItemModel {
  return { id, type: 'separator', label: '', enabled: true }
}

export function info(id: string, label: string): MenuItemModel {
  return { id, type: 'normal', label, enabled: false }
}

export function item(id: string, label: string, action: MenuAction, extra: Partial<MenuItemModel> = {}): MenuItemModel {
  return { id, type: 'normal', label, enabled: true, action, ...extra }
}

export function submenu(id: string, label: string, children: readonly MenuItemModel[]): MenuItemModel {
  return { id, type: 'submenu', label, enabled: children.length > 0, submenu: children }
}

/** Depth-first search by id (glue: click routing; e2e hooks: trigger an item). */
export function findMenuItem(items: readonly MenuItemModel[], id: string): MenuItemModel | null {
  for (const it of items) {
    if (it.id === id) return it
    if (it.submenu) {
      const found = findMenuItem(it.submenu, id)
      if (found) return found
    }
  }
  return null
}

/** Two models render the same native menu: the glue then keeps the one it has. */
export function sameMenu(a: readonly MenuItemModel[] | null, b: readonly MenuItemModel[]): boolean {
  // Compared in place, stopping at the first difference, with reused submenus equal by reference: at 50 nodes
  // the menu has thousands of items, and serialising both trees every poll cost more than building them.
  return a !== null && sameData(a, b)
}

/** Items in the whole tree (bounded-size checks in tests, a sanity cap in the glue). */
export function countMenuItems(items: readonly MenuItemModel[]): number {
  let n = 0
  for (const it of items) n += 1 + (it.submenu ? countMenuItems(it.submenu) : 0)
  return n
}
