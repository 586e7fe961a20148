// The guests table's filtered, sorted rows, kept across polls. A poll changes cpu/mem/uptime of the
// running guests; when the table is filtered and sorted by something else, the previous order still
// holds, so it is reused with the new row objects (one O(n) pass over indexes, no map) instead of
// filtering and sorting 5,000 rows again. Anything that could move or hide a row falls back to
// queryGuestOrder. `keys` keeps its identity while the shown order does (the virtualizer's item keys).
import type { GuestView } from '@shared/snapshot'

import { distinctValues, type GuestQuery, type GuestRow, queryGuestOrder, type SortKey } from './guest-query'

export interface GuestQueryMemo {
  readonly all: readonly GuestRow[]
  readonly query: GuestQuery
  readonly shown: readonly GuestRow[]
  /** Index into `all` of each shown row. */
  readonly order: readonly number[]
  /** Keys of the shown rows; the same array while the shown order is unchanged. */
  readonly keys: readonly string[]
  readonly nodes: readonly string[]
  readonly tags: readonly string[]
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((t, i) => t === b[i]))

/** The fields the filters and the search look at (vmid is part of the row key). */
function sameFilterFields(a: GuestView, b: GuestView): boolean {
  return a.node === b.node && a.kind === b.kind && a.state === b.state && a.name === b.name && sameTags(a.tags, b.tags)
}

function sameSortField(a: GuestView, b: GuestView, key: SortKey): boolean {
  if (key === 'cpu' || key === 'mem' || key === 'uptime') return a[key] === b[key]
  if (key === 'diskio') return a.diskReadRate === b.diskReadRate && a.diskWriteRate === b.diskWriteRate
  if (key === 'netio') return a.netInRate === b.netInRate && a.netOutRate === b.netOutRate
  // status, name, node, kind, vmid: covered by sameFilterFields and the key.
  return true
}

export function updateGuestQuery(prev: GuestQueryMemo | null, all: readonly GuestRow[], query: GuestQuery): GuestQueryMemo {
  if (prev !== null && prev.all === all && prev.query === query) return prev
  let aligned = prev !== null && prev.all.length === all.length
  let filterSame = true
  let sortSame = true
  let valuesSame = true
  for (let i = 0; aligned && prev !== null && i < all.length; i++) {
    const a = prev.all[i] as GuestRow
    const b = all[i] as GuestRow
    if (a === b) continue
    if (a.key !== b.key) {
      aligned = false
      break
    }
    const x = a.guest
    const y = b.guest
    if (filterSame && !sameFilterFields(x, y)) filterSame = false
    if (sortSame && !sameSortField(x, y, query.sort)) sortSame = false
    if (valuesSame && (x.node !== y.node || !sameTags(x.tags, y.tags))) valuesSame = false
  }
  const { nodes, tags } = prev !== null && aligned && valuesSame ? prev : distinctValues(all)
  if (prev === null || !aligned || !filterSame || !sortSame || !sameQuery(prev.query, query)) {
    const order = queryGuestOrder(all, query)
    const shown = order.map((i) => all[i] as GuestRow)
    return { all, query, shown, order, keys: sameKeys(prev?.keys, shown) ?? shown.map((r) => r.key), nodes, tags }
  }
  // Same keys at the same positions: the old indexes pick the new rows.
  return { all, query, shown: prev.order.map((i) => all[i] as GuestRow), order: prev.order, keys: prev.keys, nodes, tags }
}

/** `keys` when the rows have exactly these keys in this order, else null. */
function sameKeys(keys: readonly string[] | undefined, rows: readonly GuestRow[]): readonly string[] | null {
  if (keys === undefined || keys.length !== rows.length) return null
  for (let i = 0; i < rows.length; i++) if ((rows[i] as GuestRow).key !== keys[i]) return null
  return keys
}

function sameQuery(a: GuestQuery, b: GuestQuery): boolean {
  return (
    a === b ||
    (a.search === b.search && a.node === b.node && a.state === b.state && a.kind === b.kind && a.tag === b.tag && a.sort === b.sort && a.desc === b.desc)
  )
}
