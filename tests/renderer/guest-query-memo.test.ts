import { describe, expect, it } from 'vitest'

import { createGuestRowCache, defaultGuestQuery, type GuestRow, guestRows, queryGuests } from '../../src/renderer/src/lib/guest-query'
import { updateGuestQuery } from '../../src/renderer/src/lib/guest-query-memo'
import type { ClusterSnapshot, GuestView } from '../../src/shared/snapshot'

function guest(vmid: number, over: Partial<GuestView> = {}): GuestView {
  return {
    id: `qemu/${vmid}`,
    vmid,
    kind: 'qemu',
    node: `n${vmid % 3}`,
    name: `vm-${vmid}`,
    status: 'running',
    state: 'running',
    template: false,
    tags: [`t${vmid % 2}`],
    cpu: vmid / 1000,
    maxcpu: 2,
    mem: vmid,
    maxmem: 200,
    disk: 0,
    maxdisk: 10,
    uptime: 60,
    lock: null,
    hastate: null,
    pool: null,
    diskReadRate: null,
    diskWriteRate: null,
    netInRate: null,
    netOutRate: null,
    stale: false,
    alerts: false,
    muted: null,
    actions: [],
    actionsDisabledReason: null,
    busy: false,
    staleReason: null,
    ...over
  }
}
const snap = (guests: GuestView[]): ClusterSnapshot => ({
  clusterId: 'c',
  clusterName: 'C',
  mode: 'control',
  demo: false,
  health: 'ok',
  summary: '',
  quorate: true,
  nodes: [],
  guests,
  storage: [],
  endpoint: null,
  fetchedAt: 1,
  stale: false,
  lastError: null,
  emptyView: false,
  certificateMismatches: [],
  ha: null,
  ceph: null
})
const keys = (rows: readonly GuestRow[]): string[] => rows.map((r) => r.key)

describe('guestRows with a cache', () => {
  it('returns the same row object for an unchanged guest', () => {
    const cache = createGuestRowCache()
    const g = [guest(1), guest(2)]
    const a = guestRows([snap(g)], cache)
    const b = guestRows([snap([g[0] as GuestView, guest(2, { cpu: 0.9 })])], cache)
    expect(b[0]).toBe(a[0])
    expect(b[1]).not.toBe(a[1])
    expect(b[1]?.key).toBe('c/2')
  })

  it('returns the same list when no guest changed (another part of the cluster did)', () => {
    const cache = createGuestRowCache()
    const c = snap([guest(1), guest(2)])
    const a = guestRows([c], cache)
    expect(guestRows([{ ...c, fetchedAt: 2 }], cache)).toBe(a)
  })

  it('keeps unchanged guests identical when guests came, went or moved', () => {
    const cache = createGuestRowCache()
    const g = [guest(1), guest(2), guest(3), guest(4)]
    const a = guestRows([snap(g)], cache)
    const b = guestRows([snap([g[0] as GuestView, g[2] as GuestView, guest(4, { cpu: 0.9 }), guest(5), g[1] as GuestView])], cache)
    expect(b.map((r) => r.key)).toEqual(['c/1', 'c/3', 'c/4', 'c/5', 'c/2'])
    expect([b[0], b[1], b[4]]).toEqual([a[0], a[2], a[1]])
    expect(b[1]).toBe(a[2])
    expect(b[4]).toBe(a[1])
    expect(b[2]).not.toBe(a[3])
  })

  it('makes rows per cluster, in cluster order, and follows a renamed cluster', () => {
    const cache = createGuestRowCache()
    const one = snap([guest(1)])
    const two = { ...snap([guest(1), guest(2)]), clusterId: 'd', clusterName: 'D' }
    const a = guestRows([one, two], cache)
    expect(a.map((r) => `${r.key} ${r.clusterName}`)).toEqual(['c/1 C', 'd/1 D', 'd/2 D'])
    const b = guestRows([{ ...one, clusterName: 'C2' }, two], cache)
    expect(b.map((r) => r.clusterName)).toEqual(['C2', 'D', 'D'])
    expect(b[1]).toBe(a[1])
    expect(guestRows([two], cache).map((r) => r.key)).toEqual(['d/1', 'd/2'])
  })
})

describe('updateGuestQuery', () => {
  const base = Array.from({ length: 30 }, (_, i) => guest(100 + i))
  const rowsOf = (gs: GuestView[]): readonly GuestRow[] => guestRows([snap(gs)])

  it('keeps the order when only fields outside the filter and sort changed, with the new rows', () => {
    const q = { ...defaultGuestQuery, sort: 'name' as const, desc: true, tag: 't1' }
    const first = updateGuestQuery(null, rowsOf(base), q)
    const nextRows = rowsOf(base.map((g) => ({ ...g, cpu: 0.5, uptime: 99 })))
    const next = updateGuestQuery(first, nextRows, q)
    expect(keys(next.shown)).toEqual(keys(queryGuests(nextRows, q)))
    expect(next.shown.every((r) => nextRows.includes(r))).toBe(true)
    expect(next.nodes).toBe(first.nodes)
    expect(next.keys).toBe(first.keys)
  })

  it('sorts again when the sort field or a filtered field changed, or rows came and went', () => {
    const byCpu = { ...defaultGuestQuery, sort: 'cpu' as const }
    const first = updateGuestQuery(null, rowsOf(base), byCpu)
    const flipped = rowsOf(base.map((g) => ({ ...g, cpu: 1 - (g.cpu ?? 0) })))
    const resorted = updateGuestQuery(first, flipped, byCpu)
    expect(keys(resorted.shown)).toEqual(keys(queryGuests(flipped, byCpu)))
    expect(resorted.keys).toEqual(keys(resorted.shown))
    expect(resorted.keys).not.toBe(first.keys)
    // Sorted again, same order: the keys keep their identity.
    const nudged = rowsOf(flipped.map((r) => ({ ...r.guest, cpu: (r.guest.cpu ?? 0) + 0.0001 })))
    expect(updateGuestQuery(resorted, nudged, byCpu).keys).toBe(resorted.keys)

    const running = { ...defaultGuestQuery, state: 'running' as const }
    const r0 = updateGuestQuery(null, rowsOf(base), running)
    const stopped = rowsOf(base.map((g, i) => (i % 5 === 0 ? { ...g, state: 'stopped' as const } : g)))
    expect(keys(updateGuestQuery(r0, stopped, running).shown)).toEqual(keys(queryGuests(stopped, running)))

    const moved = rowsOf([...base.slice(1), guest(999, { node: 'elsewhere' })])
    const m = updateGuestQuery(r0, moved, running)
    expect(keys(m.shown)).toEqual(keys(queryGuests(moved, running)))
    expect(m.nodes).toContain('elsewhere')
  })

  it('follows a changed query', () => {
    const first = updateGuestQuery(null, rowsOf(base), defaultGuestQuery)
    const q = { ...defaultGuestQuery, search: 'vm-12' }
    expect(keys(updateGuestQuery(first, first.all, q).shown)).toEqual(keys(queryGuests(first.all, q)))
  })
})
