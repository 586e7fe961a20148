import { describe, expect, it } from 'vitest'

import { diffFieldList, diffList, sameData } from '../../src/shared/list-patch'
import { applyFieldList, applyList } from '../../src/shared/list-patch-apply'
import type { ClusterSnapshot, GuestView, MonitorEvent, NodeView } from '../../src/shared/snapshot'
import { applyAppStateDelta, diffAppState } from '../../src/shared/state-delta'
import type { AppState } from '../../src/shared/views'

function guest(vmid: number, over: Partial<GuestView> = {}): GuestView {
  return {
    id: `qemu/${vmid}`,
    vmid,
    kind: 'qemu',
    node: 'pve1',
    name: `vm-${vmid}`,
    status: 'running',
    state: 'running',
    template: false,
    tags: ['a'],
    cpu: 0.1,
    maxcpu: 2,
    mem: 100,
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
    actions: ['shutdown', 'stop'],
    actionsDisabledReason: null,
    busy: false,
    staleReason: null,
    ...over
  }
}
function node(name: string, over: Partial<NodeView> = {}): NodeView {
  return {
    name,
    status: 'online',
    cpu: 0.2,
    maxcpu: 8,
    mem: 1,
    maxmem: 2,
    disk: 1,
    maxdisk: 2,
    uptime: 5,
    ip: '127.0.0.1',
    level: '',
    downSince: null,
    flapping: false,
    muted: null,
    staleReason: null,
    lastSeen: null,
    ...over
  }
}
function cluster(id: string, guests: GuestView[], over: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    clusterId: id,
    clusterName: `C ${id}`,
    mode: 'control',
    demo: false,
    health: 'ok',
    summary: 's',
    quorate: true,
    nodes: [node('pve1'), node('pve2')],
    guests,
    storage: [],
    endpoint: 'h:8006',
    fetchedAt: 1,
    stale: false,
    lastError: null,
    emptyView: false,
    certificateMismatches: [],
    ha: null,
    ceph: null,
    ...over
  }
}
function event(id: string, at: number): MonitorEvent {
  return {
    id,
    at,
    kind: 'guest-down',
    severity: 'warning',
    clusterId: 'c1',
    clusterName: 'C c1',
    node: 'pve1',
    guest: null,
    storage: null,
    message: 'm',
    detail: null
  }
}
const appState = (clusters: ClusterSnapshot[], events: readonly MonitorEvent[] = [], over: Partial<AppState> = {}): AppState => ({
  demo: false,
  clusters,
  events,
  notificationsPausedUntil: null,
  ...over
})
const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

describe('sameData', () => {
  it('compares plain data structurally', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true)
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(sameData([], {})).toBe(false)
    expect(sameData(null, {})).toBe(false)
  })
})

describe('diffList / applyList', () => {
  const key = (x: { k: string }): string => x.k
  const diffItem = (a: { k: string; v: number }, b: { k: string; v: number }): { k: string; v: number } | null => (a.v === b.v ? null : b)
  const apply = (t: { k: string; v: number }, c: { k: string; v: number }): { k: string; v: number } => ({ ...t, ...c })
  const list = (s: string): { k: string; v: number }[] => s.split('').map((k) => ({ k, v: 1 }))

  it('is null for equal lists and round-trips additions, removals and reorders', () => {
    expect(diffList(list('abc'), list('abc'), key, diffItem)).toBeNull()
    for (const [from, to] of [
      ['abc', 'abd'],
      ['abc', 'cab'],
      ['', 'xy'],
      ['abcd', 'db'],
      ['ab', 'ba']
    ]) {
      const prev = list(from as string)
      const next = list(to as string)
      next[0] = { k: next[0]?.k ?? 'z', v: 9 }
      const patch = roundTrip(diffList(prev, next, key, diffItem))
      expect(applyList(prev, patch, key, key, apply)).toEqual(next)
    }
  })

  it('sends the order only when appending would get it wrong', () => {
    expect(diffList(list('abc'), list('bcd'), key, diffItem)?.order).toBeNull()
    expect(diffList(list('abc'), list('dbc'), key, diffItem)?.order).toEqual(['d', 'b', 'c'])
  })

  it('applies changes listed in any order, keeping unchanged items identical', () => {
    const prev = list('abcd')
    const patch = {
      added: [],
      changed: [
        { k: 'c', v: 3 },
        { k: 'a', v: 2 }
      ],
      removed: ['b'],
      order: null
    }
    const out = applyList(prev, patch, key, key, apply)
    expect(out).toEqual([
      { k: 'a', v: 2 },
      { k: 'c', v: 3 },
      { k: 'd', v: 1 }
    ])
    expect(out[2]).toBe(prev[3])
  })

  it('refuses a patch that does not fit the base', () => {
    expect(() => applyList(list('ab'), { added: [], changed: [{ k: 'x', v: 2 }], removed: [], order: null }, key, key, apply)).toThrow()
    expect(() => applyList(list('ab'), { added: [], changed: [], removed: [], order: ['a', 'q'] }, key, key, apply)).toThrow()
    expect(() => applyList(list('ab'), { added: [], changed: [{ k: 'b', v: 2 }], removed: ['b'], order: null }, key, key, apply)).toThrow()
  })
})

describe('diffFieldList / applyFieldList', () => {
  type Rec = { readonly id: string; readonly a: number; readonly b: string | null; readonly t: readonly string[] }
  const rec = (id: string, a = 1, b: string | null = 'x', t: readonly string[] = []): Rec => ({ id, a, b, t })
  const id = (r: Rec): string => r.id

  it('sends the changed fields by column, grouped by the set of fields, and rebuilds the list', () => {
    const prev = [rec('p'), rec('q'), rec('r'), rec('s')]
    const next = [rec('p', 2), rec('q'), rec('r', 3, null, ['new']), rec('s', 4)]
    const patch = roundTrip(diffFieldList(prev, next, id))
    expect(patch?.changed).toEqual({ keys: ['p', 'r', 's'], sets: [['a'], ['a', 'b', 't']], set: [0, 1, 0], values: [2, 3, null, ['new'], 4] })
    const out = applyFieldList(prev, patch, id)
    expect(out).toEqual(next)
    expect(out[1]).toBe(prev[1])
  })

  it('round-trips additions, removals and reorders together with changes', () => {
    for (const [from, to] of [
      ['pqr', 'pqs'],
      ['pqr', 'rpq'],
      ['', 'pq'],
      ['pqrs', 'sq'],
      ['pq', 'qp']
    ]) {
      const prev = (from as string).split('').map((k) => rec(k))
      const next = (to as string).split('').map((k, i) => (i === 0 ? rec(k, 9) : rec(k)))
      expect(applyFieldList(prev, roundTrip(diffFieldList(prev, next, id)), id)).toEqual(next)
    }
  })

  it('keeps values with their field names when items list their fields in different orders or have many fields', () => {
    // Same changed fields, other property order: the values must not be applied to each other's fields.
    const prev = [
      { id: 'p', a: 1, b: 1 },
      { id: 'q', b: 1, a: 1 }
    ] as { id: string; a: number; b: number }[]
    const next = [
      { id: 'p', a: 2, b: 3 },
      { id: 'q', b: 4, a: 5 }
    ] as { id: string; a: number; b: number }[]
    const patch = roundTrip(diffFieldList(prev, next, (r) => r.id))
    expect(patch?.changed.sets).toEqual([
      ['a', 'b'],
      ['b', 'a']
    ])
    expect(applyFieldList(prev, patch, (r) => r.id)).toEqual(next)
    // More field names than a mask has bits.
    const wide = (id: string, v: number): Record<string, number | string> => ({
      id,
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, v + i]))
    })
    const before = [wide('x', 0), wide('y', 0)]
    const after = [wide('x', 1), { ...wide('y', 0), f35: 99, f2: 7 }]
    const key = (r: Record<string, number | string>): string => String(r.id)
    expect(applyFieldList(before, roundTrip(diffFieldList(before, after, key)), key)).toEqual(after)
  })

  it('applies changes listed out of order, and refuses ones for items the base does not have', () => {
    const prev = [rec('p'), rec('q')]
    expect(
      applyFieldList(prev, { added: [], changed: { keys: ['q', 'p'], sets: [['a']], set: [0, 0], values: [5, 6] }, removed: [], order: null }, id)
    ).toEqual([rec('p', 6), rec('q', 5)])
    expect(() => applyFieldList(prev, { added: [], changed: { keys: ['x'], sets: [['a']], set: [0], values: [5] }, removed: [], order: null }, id)).toThrow()
  })
})

describe('diffAppState / applyAppStateDelta', () => {
  const base = appState([cluster('c1', [guest(100), guest(101), guest(102, { state: 'stopped', cpu: null })])], [event('e1', 1)])

  it('is null when nothing changed, even for new but equal objects', () => {
    expect(diffAppState(base, roundTrip(base), 2)).toBeNull()
  })

  it('sends only the changed fields of changed guests, and rebuilds the same state', () => {
    const c = base.clusters[0] as ClusterSnapshot
    const next = appState(
      [{ ...c, fetchedAt: 2, guests: [guest(100, { cpu: 0.5, uptime: 61 }), roundTrip(c.guests[1] as GuestView), c.guests[2] as GuestView] }],
      base.events
    )
    const delta = diffAppState(base, next, 7)
    expect(delta).not.toBeNull()
    if (delta === null) return
    expect(delta.rev).toBe(7)
    expect(delta.clusters?.changed).toEqual([
      {
        clusterId: 'c1',
        fields: { fetchedAt: 2 },
        merged: {},
        nodes: null,
        guests: { added: [], changed: { keys: ['qemu/100'], sets: [['cpu', 'uptime']], set: [0], values: [0.5, 61] }, removed: [], order: null },
        storage: null
      }
    ])
    expect(delta.events).toBeNull()
    const applied = applyAppStateDelta(base, roundTrip(delta))
    expect(applied).toEqual(next)
    // Unchanged guests, nodes and lists keep their identity (memoized rows skip them).
    const was = base.clusters[0] as ClusterSnapshot
    const now = applied.clusters[0] as ClusterSnapshot
    expect(now.guests[1]).toBe(was.guests[1])
    expect(now.guests[2]).toBe(was.guests[2])
    expect(now.guests[0]).not.toBe(was.guests[0])
    expect(now.nodes).toBe(was.nodes)
    expect(applied.events).toBe(base.events)
  })

  it('carries added and removed guests, clusters, events and top-level fields', () => {
    const next = appState(
      [
        cluster('c2', [guest(7)]),
        cluster('c1', [guest(101, { tags: ['a', 'b'], muted: { mode: 'hour', until: 5 } }), guest(103)], { nodes: [node('pve2', { status: 'offline' })] })
      ],
      [event('e2', 2)],
      { demo: true, notificationsPausedUntil: 99 }
    )
    const delta = diffAppState(base, next, 2)
    expect(delta?.fields).toEqual({ demo: true, notificationsPausedUntil: 99 })
    expect(delta?.events).toEqual({ added: [event('e2', 2)], changed: { keys: [], sets: [], set: [], values: [] }, removed: ['e1'], order: null })
    expect(applyAppStateDelta(base, roundTrip(delta as NonNullable<typeof delta>))).toEqual(next)
  })

  it('sends only the changed fields of a record field (an HA read that changed only its time), merged into the base', () => {
    const resources = Array.from({ length: 500 }, (_, i) => ({
      sid: `vm:${100 + i}`,
      vmid: 100 + i,
      node: 'pve1',
      state: 'started',
      requestState: 'started',
      problem: false
    }))
    const ha = { known: true, reason: null, manager: { node: 'pve1', mode: 'active' }, quorate: true, resources, checkedAt: 1 }
    const prev = appState([cluster('c1', [guest(100)], { ha })])
    const next = appState([cluster('c1', [guest(100)], { ha: { ...ha, resources: roundTrip(resources), checkedAt: 2 } })])
    const delta = diffAppState(prev, next, 3)
    expect(delta?.clusters?.changed[0]?.fields).toEqual({})
    expect(delta?.clusters?.changed[0]?.merged).toEqual({ ha: { checkedAt: 2 } })
    expect(JSON.stringify(delta).length).toBeLessThan(300)
    const applied = applyAppStateDelta(prev, roundTrip(delta as NonNullable<typeof delta>))
    expect(applied).toEqual(next)
    // What did not change keeps its identity.
    expect(applied.clusters[0]?.ha?.resources).toBe(resources)
    // A record that changed in every field, or appeared, is sent whole; one going away too (null).
    const gone = diffAppState(prev, appState([cluster('c1', [guest(100)], { ha: null })]), 4)
    expect(gone?.clusters?.changed[0]?.fields).toEqual({ ha: null })
    const fresh = diffAppState(appState([cluster('c1', [guest(100)])]), prev, 5)
    expect(fresh?.clusters?.changed[0]?.fields).toEqual({ ha })
    // A merge into a base without the record does not fit: the replica resyncs.
    expect(() => applyAppStateDelta(appState([cluster('c1', [guest(100)])]), delta as NonNullable<typeof delta>)).toThrow()
  })

  it('is a small fraction of the whole state for a typical poll (cpu/mem/uptime of running guests)', () => {
    const guests = Array.from({ length: 1000 }, (_, i) => guest(100 + i, i % 4 === 0 ? { state: 'stopped', cpu: null, uptime: null } : {}))
    const prev = appState([cluster('c1', guests)])
    const next = appState([
      cluster(
        'c1',
        guests.map((g) => (g.state === 'running' ? { ...g, cpu: (g.cpu ?? 0) + 0.01, mem: (g.mem ?? 0) + 1, uptime: (g.uptime ?? 0) + 10 } : g)),
        { fetchedAt: 2 }
      )
    ])
    const delta = diffAppState(prev, next, 1)
    const changed = delta?.clusters?.changed[0]?.guests?.changed
    expect(changed?.keys).toHaveLength(750)
    // One set of field names for all of them, not one object per guest.
    expect(changed?.sets).toEqual([['cpu', 'mem', 'uptime']])
    expect(changed?.values).toHaveLength(3 * 750)
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(next).length / 5)
    expect(applyAppStateDelta(prev, roundTrip(delta as NonNullable<typeof delta>))).toEqual(next)
  })
})
