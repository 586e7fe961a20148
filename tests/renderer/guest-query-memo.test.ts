import { describe, expect, it } from 'vitest'

import { defaultGuestQuery, guestRows, queryGuests, type GuestRow } from '../../src/renderer/src/lib/guest-query'
import { updateGuestQuery } from '../../src/renderer/src/lib/guest-query-memo'
import type { ClusterSnapshot, GuestView } from '../../src/shared/snapshot'

function guest(vmid: number, over: Partial<GuestView> = {}): GuestView {
  return {
    id: `qemu/${vmid}`, vmid, kind: 'qemu', node: `n${vmid % 3}`, name: `vm-${vmid}`, status: 'running', state: 'running', template: false, tags: [`t${vmid % 2}`],
    cpu: vmid / 1000, maxcpu: 2, mem: vmid, maxmem: 200, disk: 0, maxdisk: 10, uptime: 60, lock: null, hastate: null, pool: null, stale: false,
    alerts: false, muted: null, actions: [], actionsDisabledReason: null, busy: false, ...over
  }
}
const snap = (guests: GuestView[]): ClusterSnapshot => ({
  clusterId: 'c', clusterName: 'C', mode: 'control', demo: false, health: 'ok', summary: '', quorate: true, nodes: [], guests, storage: [],
  endpoint: null, fetchedAt: 1, stale: false, lastError: null, emptyView: false
})
const keys = (rows: readonly GuestRow[]): string[] => rows.map((r) => r.key)

describe('guestRows with a cache', () => {
  it('returns the same row object for an unchanged guest', () => {
    const cache = new WeakMap<GuestView, GuestRow>()
    const g = [guest(1), guest(2)]
    const a = guestRows([snap(g)], cache)
    const b = guestRows([snap([g[0] as GuestView, guest(2, { cpu: 0.9 })])], cache)
    expect(b[0]).toBe(a[0])
    expect(b[1]).not.toBe(a[1])
  })
})

describe('updateGuestQuery', () => {
  const base = Array.from({ length: 30 }, (_, i) => guest(100 + i))
  const rowsOf = (gs: GuestView[]): GuestRow[] => guestRows([snap(gs)])

  it('keeps the order when only fields outside the filter and sort changed, with the new rows', () => {
    const q = { ...defaultGuestQuery, sort: 'name' as const, desc: true, tag: 't1' }
    const first = updateGuestQuery(null, rowsOf(base), q)
    const nextRows = rowsOf(base.map((g) => ({ ...g, cpu: 0.5, uptime: 99 })))
    const next = updateGuestQuery(first, nextRows, q)
    expect(keys(next.shown)).toEqual(keys(queryGuests(nextRows, q)))
    expect(next.shown.every((r) => nextRows.includes(r))).toBe(true)
    expect(next.nodes).toBe(first.nodes)
  })

  it('sorts again when the sort field or a filtered field changed, or rows came and went', () => {
    const byCpu = { ...defaultGuestQuery, sort: 'cpu' as const }
    const first = updateGuestQuery(null, rowsOf(base), byCpu)
    const flipped = rowsOf(base.map((g) => ({ ...g, cpu: 1 - (g.cpu ?? 0) })))
    expect(keys(updateGuestQuery(first, flipped, byCpu).shown)).toEqual(keys(queryGuests(flipped, byCpu)))

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
