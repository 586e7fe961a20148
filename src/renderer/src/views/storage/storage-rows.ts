// The storage table's rows: a shared storage once (Proxmox lists it once per node), the others per
// node, sorted by use or by name.
import type { ClusterSnapshot, StorageView } from '@shared/snapshot'

export type StorageSort = 'usage' | 'name'

export interface StorageRowData {
  readonly storage: StorageView
  /** "shared", or the node that holds it. */
  readonly where: string
  readonly warn: boolean
}

export function storageRows(c: ClusterSnapshot, thresholdPct: number): StorageRowData[] {
  const shared = new Map<string, StorageView>()
  const rows: StorageView[] = []
  for (const s of c.storage) {
    if (!s.shared) rows.push(s)
    // The copy with figures wins (a node that cannot reach it reports none).
    else if (!shared.has(s.storage) || (shared.get(s.storage)?.total ?? null) === null) shared.set(s.storage, s)
  }
  return [...shared.values(), ...rows].map((s) => ({
    storage: s,
    where: s.shared ? 'shared' : s.node,
    warn: s.aboveThreshold || (s.usage !== null && s.usage * 100 >= thresholdPct)
  }))
}

export function sortStorageRows(rows: readonly StorageRowData[], sort: StorageSort, desc: boolean): StorageRowData[] {
  const byName = (a: StorageRowData, b: StorageRowData): number => a.storage.storage.localeCompare(b.storage.storage) || a.where.localeCompare(b.where)
  const sorted = [...rows].sort((a, b) => {
    if (sort === 'name') return desc ? -byName(a, b) : byName(a, b)
    // Storage without figures goes last either way: its use is not known.
    const ua = a.storage.usage
    const ub = b.storage.usage
    if (ua === null || ub === null) return ua === ub ? byName(a, b) : ua === null ? 1 : -1
    return (desc ? ub - ua : ua - ub) || byName(a, b)
  })
  return sorted
}
