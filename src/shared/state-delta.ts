// What changed between two published AppStates, as plain data (structured-clone and JSON safe), and
// how to apply it. With 5,000 guests the full state is ~2 MiB; one poll changes only cpu/mem/uptime of
// the running guests, so main pushes only those fields (`state:delta`) and the renderer patches its
// copy. Applying keeps every unchanged object (guest, node, cluster, list) identical, so memoized
// views skip them. Pure functions: used by the core (diff) and the renderer (apply), tested in Vitest.
import { diffFieldList, diffFields, diffList, type FieldListPatch, type ListPatch } from './list-patch'
import { applyFieldList, applyList } from './list-patch-apply'
import type { ClusterSnapshot, GuestView, MonitorEvent, NodeView, StorageView } from './snapshot'
import type { AppState } from './views'

type ClusterHeader = Omit<ClusterSnapshot, 'nodes' | 'guests' | 'storage'>

export interface ClusterChange {
  readonly clusterId: string
  readonly fields: Partial<ClusterHeader>
  /**
   * Header fields that are records (HA, Ceph, health) and changed in some of their own fields only: those fields,
   * merged into the base's record. An HA read of 500 resources that changed only its time is ~30 bytes, not ~45 KB.
   */
  readonly merged: { readonly [K in keyof ClusterHeader]?: Partial<ClusterHeader[K]> }
  readonly nodes: FieldListPatch<NodeView> | null
  readonly guests: FieldListPatch<GuestView> | null
  readonly storage: FieldListPatch<StorageView> | null
}

/** One published revision's changes; applies to revision `rev - 1` only. */
export interface AppStateDelta {
  readonly rev: number
  readonly fields: Partial<Pick<AppState, 'demo' | 'notificationsPausedUntil'>>
  readonly clusters: ListPatch<ClusterSnapshot, readonly ClusterChange[]> | null
  readonly events: FieldListPatch<MonitorEvent> | null
}

/** The published state with its revision (what `app:get-state` answers): the base for later deltas. */
export interface RevisedAppState extends AppState {
  readonly rev: number
}

const guestKey = (g: { readonly id: string }): string => g.id
const nodeKey = (n: { readonly name: string }): string => n.name
const clusterKey = (c: { readonly clusterId: string }): string => c.clusterId

const CLUSTER_LISTS: ReadonlySet<string> = new Set(['nodes', 'guests', 'storage'])
const APP_LISTS: ReadonlySet<string> = new Set(['clusters', 'events'])

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The same own keys: merging only the changed fields of `b` into `a` gives `b`. */
function sameKeySet(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k))
}

function diffCluster(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterChange | null {
  if (prev === next) return null
  const fields: Record<string, unknown> = diffFields<ClusterHeader>(prev, next, CLUSTER_LISTS) ?? {}
  const merged: Record<string, unknown> = {}
  for (const k of Object.keys(fields)) {
    const a = (prev as unknown as Record<string, unknown>)[k]
    const b = fields[k]
    if (!isPlainRecord(a) || !isPlainRecord(b) || !sameKeySet(a, b)) continue
    const part = diffFields(a, b)
    if (part === null || Object.keys(part).length >= Object.keys(b).length) continue
    merged[k] = part
    delete fields[k]
  }
  const nodes = diffFieldList(prev.nodes, next.nodes, nodeKey)
  const guests = diffFieldList(prev.guests, next.guests, guestKey)
  const storage = diffFieldList(prev.storage, next.storage, guestKey)
  if (Object.keys(fields).length === 0 && Object.keys(merged).length === 0 && nodes === null && guests === null && storage === null) return null
  return { clusterId: next.clusterId, fields, merged, nodes, guests, storage }
}

function applyCluster(c: ClusterSnapshot, d: ClusterChange): ClusterSnapshot {
  const merged: Record<string, unknown> = {}
  for (const [k, part] of Object.entries(d.merged)) {
    const base = (c as unknown as Record<string, unknown>)[k]
    if (!isPlainRecord(base)) throw new Error('state delta merges into a field the base does not have')
    merged[k] = { ...base, ...(part as object) }
  }
  return {
    ...c,
    ...d.fields,
    ...merged,
    nodes: applyFieldList(c.nodes, d.nodes, nodeKey),
    guests: applyFieldList(c.guests, d.guests, guestKey),
    storage: applyFieldList(c.storage, d.storage, guestKey)
  }
}

/** What changed from `prev` to `next` as revision `rev`; null when nothing did (nothing to push). */
export function diffAppState(prev: AppState, next: AppState, rev: number): AppStateDelta | null {
  const fields = diffFields(prev, next, APP_LISTS) ?? {}
  const clusters = diffList(prev.clusters, next.clusters, clusterKey, diffCluster)
  const events = diffFieldList(prev.events, next.events, guestKey)
  if (Object.keys(fields).length === 0 && clusters === null && events === null) return null
  return { rev, fields, clusters, events }
}

/** `base` with `delta` applied. Throws on a delta that does not fit the base (the caller resyncs). */
export function applyAppStateDelta(base: AppState, delta: AppStateDelta): AppState {
  return {
    ...base,
    ...delta.fields,
    clusters: applyList(base.clusters, delta.clusters, clusterKey, clusterKey, applyCluster),
    events: applyFieldList(base.events, delta.events, guestKey)
  }
}
