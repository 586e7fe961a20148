// Filtering and sorting of the guests table. Pure and allocation-light: it runs on every poll over
// up to thousands of guests, so it must stay well inside one frame.
import type { ClusterSnapshot, GuestView } from '@shared/snapshot'

export interface GuestRow {
  /** `<clusterId>/<vmid>`: stable across polls, the row's React key. */
  readonly key: string
  readonly clusterId: string
  readonly clusterName: string
  readonly guest: GuestView
}

export type SortKey = 'status' | 'name' | 'vmid' | 'node' | 'kind' | 'cpu' | 'mem' | 'uptime'
export type StateFilter = 'all' | 'running' | 'stopped' | 'paused' | 'other'

export interface GuestQuery {
  readonly search: string
  readonly node: string
  readonly state: StateFilter
  readonly kind: 'all' | 'qemu' | 'lxc'
  readonly tag: string
  readonly sort: SortKey
  readonly desc: boolean
}

export const defaultGuestQuery: GuestQuery = { search: '', node: '', state: 'all', kind: 'all', tag: '', sort: 'vmid', desc: false }

/**
 * One row per guest. With a `cache`, a guest object seen before (state deltas keep unchanged guests
 * identical) gets the same row object back, so memoized rows skip it.
 */
export function guestRows(clusters: readonly ClusterSnapshot[], cache?: WeakMap<GuestView, GuestRow>): GuestRow[] {
  const rows: GuestRow[] = []
  for (const c of clusters) {
    for (const g of c.guests) {
      const old = cache?.get(g)
      if (old !== undefined && old.clusterId === c.clusterId && old.clusterName === c.clusterName) {
        rows.push(old)
        continue
      }
      const row = { key: `${c.clusterId}/${g.vmid}`, clusterId: c.clusterId, clusterName: c.clusterName, guest: g }
      cache?.set(g, row)
      rows.push(row)
    }
  }
  return rows
}

function matchesState(g: GuestView, f: StateFilter): boolean {
  if (f === 'all') return true
  if (f === 'running' || f === 'stopped') return g.state === f
  if (f === 'paused') return g.state === 'paused' || g.state === 'suspended'
  return g.state === 'unknown' || g.state === 'other'
}

const STATE_ORDER: Readonly<Record<string, number>> = { running: 0, paused: 1, suspended: 2, other: 3, unknown: 4, stopped: 5 }

function compare(a: GuestRow, b: GuestRow, key: SortKey): number {
  const x = a.guest
  const y = b.guest
  switch (key) {
    case 'status':
      return (STATE_ORDER[x.state] ?? 9) - (STATE_ORDER[y.state] ?? 9)
    case 'name':
      return x.name < y.name ? -1 : x.name > y.name ? 1 : 0
    case 'vmid':
      return x.vmid - y.vmid
    case 'node':
      return x.node < y.node ? -1 : x.node > y.node ? 1 : 0
    case 'kind':
      return x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0
    case 'cpu':
      return (x.cpu ?? -1) - (y.cpu ?? -1)
    case 'mem':
      return (x.mem ?? -1) - (y.mem ?? -1)
    case 'uptime':
      return (x.uptime ?? -1) - (y.uptime ?? -1)
  }
}

export function queryGuests(rows: readonly GuestRow[], q: GuestQuery): GuestRow[] {
  const needle = q.search.trim().toLowerCase()
  const out = rows.filter((r) => {
    const g = r.guest
    if (q.node !== '' && g.node !== q.node) return false
    if (q.kind !== 'all' && g.kind !== q.kind) return false
    if (!matchesState(g, q.state)) return false
    if (q.tag !== '' && !g.tags.includes(q.tag)) return false
    if (needle === '') return true
    return g.name.toLowerCase().includes(needle) || String(g.vmid).includes(needle) || g.tags.some((t) => t.toLowerCase().includes(needle))
  })
  const dir = q.desc ? -1 : 1
  // Ties fall back to cluster then VMID so rows never swap places between polls.
  out.sort((a, b) => compare(a, b, q.sort) * dir || (a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : 0) || a.guest.vmid - b.guest.vmid)
  return out
}

export function distinctValues(rows: readonly GuestRow[]): { nodes: string[]; tags: string[] } {
  const nodes = new Set<string>()
  const tags = new Set<string>()
  for (const r of rows) {
    nodes.add(r.guest.node)
    for (const t of r.guest.tags) tags.add(t)
  }
  return { nodes: [...nodes].sort(), tags: [...tags].sort() }
}

/** Buttons a row shows for its state; each is enabled only when `GuestView.actions` allows it. */
export function rowActions(g: GuestView): readonly GuestView['actions'][number][] {
  const natural: GuestView['actions'][number][] =
    g.state === 'running' ? ['shutdown', 'stop', 'reboot'] : g.state === 'paused' || g.state === 'suspended' ? ['resume', 'stop'] : g.state === 'stopped' ? ['start'] : []
  for (const a of g.actions) if (!natural.includes(a)) natural.push(a)
  return natural
}

export const CONFIRM_ACTIONS: ReadonlySet<string> = new Set(['stop', 'shutdown', 'reboot'])
