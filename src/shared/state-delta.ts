// What changed between two published AppStates, as plain data (structured-clone and JSON safe), and
// how to apply it. With 5,000 guests the full state is ~2 MiB; one poll changes only cpu/mem/uptime of
// the running guests, so main pushes only those fields (`state:delta`) and the renderer patches its
// copy. Applying keeps every unchanged object (guest, node, cluster, list) identical, so memoized
// views skip them. Pure functions: used by the core (diff) and the renderer (apply), tested in Vitest.
import type { ClusterSnapshot, GuestView, MonitorEvent, NodeView, StorageView } from './snapshot'
import type { AppState } from './views'

/** Changes to a list of items that each have a unique key. */
export interface ListPatch<T, C> {
  /** Items the base does not have, whole. */
  readonly added: readonly T[]
  /** Items the base has and that changed: their key plus the changed parts only. */
  readonly changed: readonly C[]
  readonly removed: readonly string[]
  /** Every key in the new order; null when it is "base minus removed, then added" (the usual case). */
  readonly order: readonly string[] | null
}

/** An item's key field plus the fields whose value changed (new values, whole). */
export type FieldPatch<T, K extends keyof T> = Pick<T, K> & Partial<T>

type ClusterHeader = Omit<ClusterSnapshot, 'nodes' | 'guests' | 'storage'>

export interface ClusterChange {
  readonly clusterId: string
  readonly fields: Partial<ClusterHeader>
  readonly nodes: ListPatch<NodeView, FieldPatch<NodeView, 'name'>> | null
  readonly guests: ListPatch<GuestView, FieldPatch<GuestView, 'id'>> | null
  readonly storage: ListPatch<StorageView, FieldPatch<StorageView, 'id'>> | null
}

/** One published revision's changes; applies to revision `rev - 1` only. */
export interface AppStateDelta {
  readonly rev: number
  readonly fields: Partial<Pick<AppState, 'demo' | 'notificationsPausedUntil'>>
  readonly clusters: ListPatch<ClusterSnapshot, ClusterChange> | null
  readonly events: ListPatch<MonitorEvent, FieldPatch<MonitorEvent, 'id'>> | null
}

/** The published state with its revision (what `app:get-state` answers): the base for later deltas. */
export interface RevisedAppState extends AppState {
  readonly rev: number
}

/** Structural equality for plain data (no Dates, Maps or classes cross IPC). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  let n = 0
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false
    n++
  }
  for (const k in y) if (Object.hasOwn(y, k)) n--
  return n === 0
}

/** The fields of `next` whose value differs from `prev` (skipping `skip`); null when none do. */
export function diffFields<T extends object>(prev: T, next: T, skip?: ReadonlySet<string>): Partial<T> | null {
  if (prev === next) return null
  // Hot path (every field of 5,000 guests per poll): for-in and === first, no per-item allocation.
  const a = prev as Record<string, unknown>
  const b = next as Record<string, unknown>
  let out: Record<string, unknown> | null = null
  for (const k in b) {
    const y = b[k]
    const x = a[k]
    if (x === y || (skip !== undefined && skip.has(k))) continue
    if (typeof y === 'object' && y !== null && sameData(x, y)) continue
    out ??= {}
    out[k] = y
  }
  return out as Partial<T> | null
}

export function diffList<T, C>(prev: readonly T[], next: readonly T[], keyOf: (t: T) => string, diffItem: (a: T, b: T) => C | null): ListPatch<T, C> | null {
  if (prev === next) return null
  const index = new Map<string, number>()
  for (let i = 0; i < prev.length; i++) index.set(keyOf(prev[i] as T), i)
  const seen = new Uint8Array(prev.length)
  const added: T[] = []
  const changed: C[] = []
  // The receiver rebuilds "base minus removed, then added" unless told otherwise: that holds while
  // kept items appear in their old relative order and no kept item follows an added one.
  let sameOrder = true
  let lastOld = -1
  for (const t of next) {
    const i = index.get(keyOf(t))
    if (i === undefined) {
      added.push(t)
      continue
    }
    seen[i] = 1
    if (i < lastOld || added.length > 0) sameOrder = false
    lastOld = i
    const c = diffItem(prev[i] as T, t)
    if (c !== null) changed.push(c)
  }
  const removed: string[] = []
  for (let i = 0; i < prev.length; i++) if (seen[i] === 0) removed.push(keyOf(prev[i] as T))
  if (added.length === 0 && changed.length === 0 && removed.length === 0 && sameOrder) return null
  return { added, changed, removed, order: sameOrder ? null : next.map(keyOf) }
}

/** Applies a patch; unchanged items (and the list itself, for a null patch) keep their identity. */
export function applyList<T, C>(base: readonly T[], patch: ListPatch<T, C> | null, keyOf: (t: T) => string, changeKey: (c: C) => string, applyItem: (t: T, c: C) => T): readonly T[] {
  if (patch === null) return base
  const removed = patch.removed.length > 0 ? new Set(patch.removed) : null
  // diffList lists changes in the list's order, so one cursor walk matches them (no map of 4,000
  // keys per poll); changes in any other order take the keyed path.
  const kept = applyInOrder(base, patch.changed, removed, keyOf, changeKey, applyItem) ?? applyKeyed(base, patch.changed, removed, keyOf, changeKey, applyItem)
  for (const t of patch.added) kept.push(t)
  if (patch.order === null) return kept
  const byKey = new Map<string, T>()
  for (const t of kept) byKey.set(keyOf(t), t)
  return patch.order.map((k) => {
    const t = byKey.get(k)
    if (t === undefined) throw new Error('state delta orders an item it does not have')
    return t
  })
}

function applyInOrder<T, C>(base: readonly T[], changed: readonly C[], removed: ReadonlySet<string> | null, keyOf: (t: T) => string, changeKey: (c: C) => string, applyItem: (t: T, c: C) => T): T[] | null {
  const kept: T[] = []
  let j = 0
  let next = j < changed.length ? changeKey(changed[j] as C) : null
  for (const t of base) {
    const k = keyOf(t)
    if (removed !== null && removed.has(k)) continue
    if (k !== next) {
      kept.push(t)
      continue
    }
    kept.push(applyItem(t, changed[j] as C))
    j++
    next = j < changed.length ? changeKey(changed[j] as C) : null
  }
  return j === changed.length ? kept : null
}

function applyKeyed<T, C>(base: readonly T[], changed: readonly C[], removed: ReadonlySet<string> | null, keyOf: (t: T) => string, changeKey: (c: C) => string, applyItem: (t: T, c: C) => T): T[] {
  const changes = new Map<string, C>()
  for (const c of changed) changes.set(changeKey(c), c)
  const kept: T[] = []
  let applied = 0
  for (const t of base) {
    const k = keyOf(t)
    if (removed !== null && removed.has(k)) continue
    const c = changes.get(k)
    if (c === undefined) kept.push(t)
    else {
      kept.push(applyItem(t, c))
      applied++
    }
  }
  if (applied !== changes.size) throw new Error('state delta changes an item the base does not have')
  return kept
}

const guestKey = (g: { readonly id: string }): string => g.id
const nodeKey = (n: { readonly name: string }): string => n.name
const clusterKey = (c: { readonly clusterId: string }): string => c.clusterId
const merge = <T>(t: T, c: Partial<T>): T => ({ ...t, ...c })

const CLUSTER_LISTS: ReadonlySet<string> = new Set(['nodes', 'guests', 'storage'])
const APP_LISTS: ReadonlySet<string> = new Set(['clusters', 'events'])

function diffCluster(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterChange | null {
  if (prev === next) return null
  const fields = diffFields<ClusterHeader>(prev, next, CLUSTER_LISTS) ?? {}
  const nodes = diffList(prev.nodes, next.nodes, nodeKey, (a, b) => fieldPatch(a, b, 'name'))
  const guests = diffList(prev.guests, next.guests, guestKey, (a, b) => fieldPatch(a, b, 'id'))
  const storage = diffList(prev.storage, next.storage, guestKey, (a, b) => fieldPatch(a, b, 'id'))
  if (Object.keys(fields).length === 0 && nodes === null && guests === null && storage === null) return null
  return { clusterId: next.clusterId, fields, nodes, guests, storage }
}

/** The changed fields of a keyed item, with its key first (the patch's address); null when none changed. */
function fieldPatch<T extends object, K extends keyof T & string>(prev: T, next: T, key: K): FieldPatch<T, K> | null {
  const changed = diffFields(prev, next)
  return changed === null ? null : ({ [key]: next[key], ...changed } as FieldPatch<T, K>)
}

function applyCluster(c: ClusterSnapshot, d: ClusterChange): ClusterSnapshot {
  return {
    ...c,
    ...d.fields,
    nodes: applyList(c.nodes, d.nodes, nodeKey, nodeKey, merge),
    guests: applyList(c.guests, d.guests, guestKey, guestKey, merge),
    storage: applyList(c.storage, d.storage, guestKey, guestKey, merge)
  }
}

/** What changed from `prev` to `next` as revision `rev`; null when nothing did (nothing to push). */
export function diffAppState(prev: AppState, next: AppState, rev: number): AppStateDelta | null {
  const fields = diffFields(prev, next, APP_LISTS) ?? {}
  const clusters = diffList(prev.clusters, next.clusters, clusterKey, diffCluster)
  const events = diffList(prev.events, next.events, guestKey, (a, b) => fieldPatch(a, b, 'id'))
  if (Object.keys(fields).length === 0 && clusters === null && events === null) return null
  return { rev, fields, clusters, events }
}

/** `base` with `delta` applied. Throws on a delta that does not fit the base (the caller resyncs). */
export function applyAppStateDelta(base: AppState, delta: AppStateDelta): AppState {
  return {
    ...base,
    ...delta.fields,
    clusters: applyList(base.clusters, delta.clusters, clusterKey, clusterKey, applyCluster),
    events: applyList(base.events, delta.events, guestKey, guestKey, merge)
  }
}
