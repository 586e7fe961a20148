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

export type SortKey = 'status' | 'name' | 'vmid' | 'node' | 'kind' | 'cpu' | 'mem' | 'uptime' | 'diskio' | 'netio'
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

/** What guestRows keeps between polls: per cluster, the guest list it saw and the rows it made. */
export interface GuestRowCache {
  clusters: ReadonlyMap<string, ClusterRows>
  all: readonly GuestRow[]
}

interface ClusterRows {
  readonly name: string
  readonly guests: readonly GuestView[]
  readonly rows: readonly GuestRow[]
}

export function createGuestRowCache(): GuestRowCache {
  return { clusters: new Map(), all: [] }
}

/**
 * One row per guest. With a `cache`, a guest object seen before (state deltas keep unchanged guests
 * identical) gets the same row object back, so memoized rows skip it; when no row changed, the
 * same array comes back. No per-guest map: a poll keeps the guests' order, so the previous rows are
 * matched by position (a lookup is built only when guests came, went or moved).
 */
export function guestRows(clusters: readonly ClusterSnapshot[], cache?: GuestRowCache): readonly GuestRow[] {
  if (cache === undefined) return clusters.flatMap((c) => clusterRows(c, undefined).rows)
  const next = new Map<string, ClusterRows>()
  let same = clusters.length === cache.clusters.size
  for (const c of clusters) {
    const prev = cache.clusters.get(c.clusterId)
    const made = clusterRows(c, prev)
    if (made.rows !== prev?.rows) same = false
    next.set(c.clusterId, made)
  }
  cache.clusters = next
  if (same) return cache.all
  // One cluster (the usual case): its rows are the list, no copy.
  cache.all = clusters.length === 1 ? (next.get(clusters[0]?.clusterId ?? '')?.rows ?? []) : clusters.flatMap((c) => next.get(c.clusterId)?.rows ?? [])
  return cache.all
}

function clusterRows(c: ClusterSnapshot, prev: ClusterRows | undefined): ClusterRows {
  if (prev !== undefined && prev.guests === c.guests && prev.name === c.clusterName) return prev
  const old = prev !== undefined && prev.name === c.clusterName ? prev : undefined
  const rows: GuestRow[] = []
  let reused = old !== undefined && old.guests.length === c.guests.length
  let byGuest: Map<GuestView, GuestRow> | null = null
  for (let i = 0; i < c.guests.length; i++) {
    const g = c.guests[i] as GuestView
    let row = old?.rows[i]
    if (old !== undefined && (row === undefined || (row.guest !== g && row.guest.id !== g.id))) {
      // Guests came, went or moved: find unchanged guests by identity instead of position.
      if (byGuest === null) {
        byGuest = new Map()
        for (const r of old.rows) byGuest.set(r.guest, r)
      }
      row = byGuest.get(g)
      reused = false
    }
    if (row !== undefined && row.guest === g) {
      rows.push(row)
      continue
    }
    reused = false
    // Same guest, new figures: the key string is reused, not rebuilt.
    const key = row !== undefined && row.guest.vmid === g.vmid ? row.key : `${c.clusterId}/${g.vmid}`
    rows.push({ key, clusterId: c.clusterId, clusterName: c.clusterName, guest: g })
  }
  return { name: c.clusterName, guests: c.guests, rows: reused && old !== undefined ? old.rows : rows }
}

function matchesState(g: GuestView, f: StateFilter): boolean {
  if (f === 'all') return true
  if (f === 'running' || f === 'stopped') return g.state === f
  if (f === 'paused') return g.state === 'paused' || g.state === 'suspended'
  return g.state === 'unknown' || g.state === 'other'
}

const STATE_ORDER: Readonly<Record<string, number>> = { running: 0, paused: 1, suspended: 2, other: 3, unknown: 4, stopped: 5 }

/** Both directions together; a guest with no rate sorts below an idle one. */
function ioSum(a: number | null, b: number | null): number {
  return a === null && b === null ? -1 : (a ?? 0) + (b ?? 0)
}

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
    case 'diskio':
      return ioSum(x.diskReadRate, x.diskWriteRate) - ioSum(y.diskReadRate, y.diskWriteRate)
    case 'netio':
      return ioSum(x.netInRate, x.netOutRate) - ioSum(y.netInRate, y.netOutRate)
  }
}

export function queryGuests(rows: readonly GuestRow[], q: GuestQuery): GuestRow[] {
  return queryGuestOrder(rows, q).map((i) => rows[i] as GuestRow)
}

/** The shown rows as indexes into `rows`, filtered and sorted (kept across polls by guest-query-memo). */
export function queryGuestOrder(rows: readonly GuestRow[], q: GuestQuery): number[] {
  const needle = q.search.trim().toLowerCase()
  const out: number[] = []
  for (let i = 0; i < rows.length; i++) {
    const g = (rows[i] as GuestRow).guest
    if (q.node !== '' && g.node !== q.node) continue
    if (q.kind !== 'all' && g.kind !== q.kind) continue
    if (!matchesState(g, q.state)) continue
    if (q.tag !== '' && !g.tags.includes(q.tag)) continue
    if (needle === '' || g.name.toLowerCase().includes(needle) || String(g.vmid).includes(needle) || g.tags.some((t) => t.toLowerCase().includes(needle)))
      out.push(i)
  }
  const dir = q.desc ? -1 : 1
  // Ties fall back to cluster then VMID so rows never swap places between polls.
  out.sort((i, j) => {
    const a = rows[i] as GuestRow
    const b = rows[j] as GuestRow
    return compare(a, b, q.sort) * dir || (a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : 0) || a.guest.vmid - b.guest.vmid
  })
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
    g.state === 'running'
      ? ['shutdown', 'stop', 'reboot']
      : g.state === 'paused' || g.state === 'suspended'
        ? ['resume', 'stop']
        : g.state === 'stopped'
          ? ['start']
          : []
  for (const a of g.actions) if (!natural.includes(a)) natural.push(a)
  return natural
}

export const CONFIRM_ACTIONS: ReadonlySet<string> = new Set(['stop', 'shutdown', 'reboot'])
