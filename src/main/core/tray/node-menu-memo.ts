// A node's whole tray submenu kept from the previous build while nothing it shows changed. The monitor keeps a
// guest's view object while the guest is unchanged (see monitor/build-views.ts GuestViewCache): a node whose
// guests are the same objects, in the same order, with the same node line, shows the same submenu. At 50 nodes /
// 5,000 guests most polls change no node, and sorting every node's guests and building every listed guest's
// memo key (GuestMenuMemo) per poll only to find that out was most of the tray's cost.
import type { GuestView } from '../../../shared/snapshot'
import type { AddressTable } from './menu-addresses'
import type { GuestMenuMemo } from './menu-guests'
import type { MenuItemModel } from './menu-model'

/** What a node's submenu shows. */
export interface NodeMenuInputs {
  /**
   * Everything shown besides the guests, as text: the node's line (with the durations at the precision shown),
   * its status, flapping and mute, the cluster's mode, the list bound.
   */
  readonly key: string
  /** The cluster lists the same guest views as at the previous build (see sameClusterGuests): no need to look. */
  readonly clusterGuestsSame: boolean
  /** The node's guests as the snapshot lists them: compared element by element (sameGuests). */
  readonly guests: () => readonly GuestView[]
  /** By reference: a new answer (or one dropped) is a new table. */
  readonly addresses: AddressTable | undefined
}

interface Entry {
  readonly key: string
  readonly guests: readonly GuestView[]
  readonly addresses: AddressTable | undefined
  readonly model: MenuItemModel
  /** The ids of the guest submenus in `model` (their GuestMenuMemo entries). */
  readonly guestIds: readonly string[]
}

/**
 * Whether two views of one guest show the same in the tray (the per-guest fields of menu-guests.ts guestMenuKey; the node's
 * status, the cluster's mode and the addresses are compared by the caller). With a dashboard open a guest's view
 * is new on every poll for its figures, which the tray does not show.
 */
function sameMenuGuest(a: GuestView, b: GuestView): boolean {
  if (a === b) return true
  return (
    a.vmid === b.vmid &&
    a.kind === b.kind &&
    a.node === b.node &&
    a.name === b.name &&
    a.status === b.status &&
    a.state === b.state &&
    a.template === b.template &&
    a.staleReason === b.staleReason &&
    a.lock === b.lock &&
    a.busy === b.busy &&
    sameList(a.actions, b.actions) &&
    a.actionsDisabledReason === b.actionsDisabledReason &&
    a.alerts === b.alerts &&
    a.muted?.mode === b.muted?.mode
  )
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The same guests, showing the same in the tray (by reference, else by what the menu shows: sameMenuGuest). */
function sameGuests(a: readonly GuestView[], b: readonly GuestView[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as GuestView
    const y = b[i] as GuestView
    if (x !== y && !sameMenuGuest(x, y)) return false
  }
  return true
}

export class NodeMenuMemo {
  #last = new Map<string, Entry>()
  #next = new Map<string, Entry>()
  #lastClusters = new Map<string, readonly GuestView[]>()
  #nextClusters = new Map<string, readonly GuestView[]>()

  /**
   * Whether cluster `clusterId` lists the same guest views, in the same order, as at the previous build: one pass
   * without allocation, and when it does, no node's guests need grouping or comparing at all.
   */
  sameClusterGuests(clusterId: string, guests: readonly GuestView[]): boolean {
    this.#nextClusters.set(clusterId, guests)
    const last = this.#lastClusters.get(clusterId)
    return last !== undefined && sameGuests(last, guests)
  }

  /**
   * The node submenu `id`, reused when its inputs are the same as at the previous build. The caller never asks
   * for a node with a user's action in the tray's task table (its lines name the task and come from the app
   * state). A reused submenu keeps its guests' entries in `guests` (the next change of the node reuses them).
   */
  get(id: string, inputs: NodeMenuInputs, guests: GuestMenuMemo, build: () => MenuItemModel): MenuItemModel {
    const hit = this.#last.get(id)
    // An entry of the previous build holds the node's guests of that build (built then, or reused with the same).
    if (
      hit !== undefined &&
      hit.key === inputs.key &&
      hit.addresses === inputs.addresses &&
      (inputs.clusterGuestsSame || sameGuests(hit.guests, inputs.guests()))
    ) {
      this.#next.set(id, hit)
      for (const g of hit.guestIds) guests.keep(g)
      return hit.model
    }
    const model = build()
    const guestPrefix = `${id}:g:`
    const guestIds = (model.submenu ?? []).filter((c) => c.type === 'submenu' && c.id.startsWith(guestPrefix)).map((c) => c.id)
    this.#next.set(id, { key: inputs.key, guests: inputs.guests(), addresses: inputs.addresses, model, guestIds })
    return model
  }

  /** Ends a build: nodes and clusters it did not ask for are forgotten. */
  sweep(): void {
    this.#last = this.#next
    this.#next = new Map()
    this.#lastClusters = this.#nextClusters
    this.#nextClusters = new Map()
  }
}
