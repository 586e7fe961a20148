import { describe, expect, it } from 'vitest'

import { classifyError } from '../../../../src/main/core/monitor/classify-error'
import { type CycleOutput, MonitorCore, type MonitorSettings } from '../../../../src/main/core/monitor/monitor-core'
import type { MonitorEventKind } from '../../../../src/shared/snapshot'
import { clusterStatus, down, type FxGuest, type FxNode, NODES3, resources } from './fixtures'

const T0 = 1_700_000_000_000
const S = 1000
const MIN = 60 * S

function makeCore(extra: Partial<MonitorSettings> = {}): MonitorCore {
  return new MonitorCore({ clusterId: 'c1', clusterName: 'Lab', graceMs: 5 * S, ...extra }, T0)
}

function ok(core: MonitorCore, at: number, nodes: FxNode[] = NODES3, guests: FxGuest[] = [], status: unknown[] | null = null): CycleOutput {
  return core.observeSuccess({ resources: resources(nodes, guests), status, statusError: null, tasks: null, endpoint: '127.0.0.1:8006' }, at)
}

const kinds = (o: CycleOutput): MonitorEventKind[] => o.events.map((e) => e.kind)
const unreachable = classifyError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))
const authError = classifyError(Object.assign(new Error('x'), { status: 401 }))

describe('node judgement', () => {
  it('reports a node down once, only after the confirming re-probe', () => {
    const core = makeCore()
    expect(kinds(ok(core, T0))).toEqual([])
    const first = ok(core, T0 + 10 * S, down('pve-b'))
    expect(kinds(first)).toEqual([])
    expect(first.confirm).toBe(true)
    expect(first.snapshot.health).toBe('ok')
    const confirmed = ok(core, T0 + 12 * S, down('pve-b'))
    expect(kinds(confirmed)).toEqual(['node-down'])
    expect(confirmed.events[0]?.node).toBe('pve-b')
    expect(confirmed.confirm).toBe(false)
    expect(confirmed.snapshot.health).toBe('degraded')
    expect(confirmed.snapshot.nodes.find((n) => n.name === 'pve-b')?.downSince).toBe(T0 + 10 * S)
    const later = ok(core, T0 + 4 * MIN + 10 * S, down('pve-b'))
    expect(kinds(later)).toEqual([])
    expect(later.snapshot.summary).toBe('pve-b down for 4 min')
  })

  it('raises nothing for a one-poll blip', () => {
    const core = makeCore()
    ok(core, T0)
    expect(ok(core, T0 + 10 * S, down('pve-b')).confirm).toBe(true)
    const back = ok(core, T0 + 12 * S)
    expect(kinds(back)).toEqual([])
    expect(back.confirm).toBe(false)
    expect(kinds(ok(core, T0 + 22 * S))).toEqual([])
    expect(core.state.ring.list()).toEqual([])
  })

  it('confirms node-up too, and says it only after a node-down', () => {
    const core = makeCore()
    ok(core, T0)
    ok(core, T0 + 10 * S, down('pve-b'))
    ok(core, T0 + 12 * S, down('pve-b'))
    const up1 = ok(core, T0 + 22 * S)
    expect(kinds(up1)).toEqual([])
    expect(up1.confirm).toBe(true)
    expect(kinds(ok(core, T0 + 24 * S))).toEqual(['node-up'])
  })

  it('reports a flapping node once, then stays quiet until it settles', () => {
    const core = makeCore({ flapTransitions: 3, flapWindowMs: 10 * MIN })
    ok(core, T0)
    const all: MonitorEventKind[] = []
    let t = T0
    for (let i = 0; i < 6; i++) {
      const nodes = i % 2 === 0 ? down('pve-b') : NODES3
      t += 10 * S
      all.push(...kinds(ok(core, t, nodes)))
      t += 2 * S
      all.push(...kinds(ok(core, t, nodes)))
    }
    expect(all).toEqual(['node-down', 'node-up', 'node-flapping'])
    expect(core.initialSnapshot(t).nodes.find((n) => n.name === 'pve-b')?.flapping).toBe(true)
    // Ended up online (i = 5); quiet for the whole window → "stopped flapping and is up".
    const settled = ok(core, t + 11 * MIN)
    expect(kinds(settled)).toEqual(['node-up'])
    expect(settled.events[0]?.message).toContain('stopped flapping')
  })

  it('treats the first poll as a baseline: a node already down raises nothing', () => {
    const core = makeCore()
    const first = ok(core, T0, down('pve-c'))
    expect(kinds(first)).toEqual([])
    expect(first.confirm).toBe(false)
    expect(first.snapshot.health).toBe('degraded')
    // ... and its later return is not an "up" nobody was told was "down".
    ok(core, T0 + 10 * S)
    expect(kinds(ok(core, T0 + 12 * S))).toEqual([])
  })

  it('says health "down" when every node is confirmed down but the API answers', () => {
    const core = makeCore()
    const out = ok(
      core,
      T0,
      NODES3.map((n) => ({ ...n, online: false }))
    )
    expect(out.snapshot.health).toBe('down')
  })
})

describe('reachability and auth', () => {
  it('gives ONE cluster-unreachable (no node-down) and ONE cluster-reachable without node-up storm', () => {
    const core = makeCore()
    ok(core, T0 + 10 * S)
    const f1 = core.observeFailure(unreachable, T0 + 20 * S)
    expect(kinds(f1)).toEqual([])
    expect(f1.confirm).toBe(true)
    expect(f1.snapshot.stale).toBe(true)
    // Not judged yet, and not shown as fine either: what was seen is no longer known.
    expect(f1.snapshot.health).toBe('unknown')
    expect(f1.snapshot.quorate).toBeNull()
    expect(f1.snapshot.nodes.map((n) => [n.status, n.staleReason, n.lastSeen])).toEqual(
      NODES3.map(() => ['unknown', 'the cluster is not answering', T0 + 10 * S])
    )
    const f2 = core.observeFailure(unreachable, T0 + 22 * S)
    expect(kinds(f2)).toEqual(['cluster-unreachable'])
    expect(f2.snapshot.health).toBe('unreachable')
    for (let i = 1; i <= 5; i++) expect(kinds(core.observeFailure(unreachable, T0 + 22 * S + i * 10 * S))).toEqual([])
    // Back with one node still down: one reachable event naming it, no node events.
    const back = ok(core, T0 + 2 * MIN, down('pve-c'))
    expect(kinds(back)).toEqual(['cluster-reachable'])
    expect(back.events[0]?.message).toContain('pve-c is down')
    expect(kinds(ok(core, T0 + 2 * MIN + 10 * S))).toEqual([])
    expect(kinds(ok(core, T0 + 2 * MIN + 20 * S))).toEqual([])
  })

  it('unknown is not online: after a failed poll, every node and guest is unknown with the reason, and back once it answers', () => {
    const core = makeCore()
    const guests: FxGuest[] = [
      { vmid: 100, node: 'pve-a' },
      { vmid: 101, node: 'pve-b' }
    ]
    const before = ok(core, T0 + 10 * S, NODES3, guests, clusterStatus(true, ['pve-a', 'pve-b', 'pve-c']))
    expect(before.snapshot.health).toBe('ok')
    expect(before.snapshot.guests.every((g) => g.state === 'running' && g.staleReason === null)).toBe(true)
    const tls = classifyError(Object.assign(new Error('x'), { kind: 'tls-mismatch' }))
    const failed = core.observeFailure(tls, T0 + 20 * S).snapshot
    expect(failed.health).toBe('unknown')
    expect(failed.summary).toBe('no answer: the certificate does not match the trusted one')
    expect(failed.quorate).toBeNull()
    for (const n of failed.nodes)
      expect(n).toMatchObject({ status: 'unknown', staleReason: 'the certificate does not match the trusted one', lastSeen: T0 + 10 * S })
    // The last figures stay (the screen greys them); nothing claims to be running, nothing offers an action.
    expect(failed.nodes[0]?.cpu).toBe(before.snapshot.nodes[0]?.cpu)
    for (const g of failed.guests) {
      expect(g).toMatchObject({ state: 'unknown', stale: true, staleReason: 'the certificate does not match the trusted one', actions: [] })
      expect(g.actionsDisabledReason).toMatch(/unknown/)
    }
    const again = ok(core, T0 + 30 * S, NODES3, guests).snapshot
    expect(again.health).toBe('ok')
    expect(again.nodes.every((n) => n.status === 'online' && n.staleReason === null)).toBe(true)
    expect(again.guests.every((g) => g.state === 'running' && !g.stale)).toBe(true)
  })

  it('does not judge failures within the start-up grace', () => {
    const core = makeCore({ graceMs: 15 * S })
    expect(kinds(core.observeFailure(unreachable, T0 + 1 * S))).toEqual([])
    expect(kinds(core.observeFailure(unreachable, T0 + 3 * S))).toEqual([])
    expect(core.observeFailure(unreachable, T0 + 5 * S).snapshot.health).toBe('unknown')
    expect(kinds(core.observeFailure(unreachable, T0 + 16 * S))).toEqual(['cluster-unreachable'])
  })

  it('after resume, the first result is a baseline and failures within the grace are quiet', () => {
    const core = makeCore({ graceMs: 15 * S })
    ok(core, T0 + 20 * S)
    core.resumed(T0 + 10 * MIN)
    expect(kinds(core.observeFailure(unreachable, T0 + 10 * MIN + 1 * S))).toEqual([])
    expect(kinds(core.observeFailure(unreachable, T0 + 10 * MIN + 3 * S))).toEqual([])
    const first = ok(core, T0 + 10 * MIN + 6 * S, down('pve-b'))
    expect(kinds(first)).toEqual([])
    expect(first.confirm).toBe(false)
  })

  it('raises ONE auth-failed over many cycles, and keeps checking every interval so a fixed token recovers within one poll', () => {
    const core = makeCore({ intervalMs: 10 * S })
    ok(core, T0)
    const outs = [1, 2, 3, 4, 5, 6, 7].map((i) => core.observeFailure(authError, T0 + i * 10 * S))
    expect(outs.flatMap(kinds)).toEqual(['auth-failed'])
    expect(outs[0]?.snapshot.health).toBe('auth')
    // Never a growing back-off that would keep a working token looking broken for minutes.
    expect(outs.map((o) => o.backoffMs)).toEqual(outs.map(() => 10 * S))
    // Recovery resets it, so a later revocation is reported again.
    expect(ok(core, T0 + 5 * MIN).snapshot.health).toBe('ok')
    expect(kinds(core.observeFailure(authError, T0 + 6 * MIN))).toEqual(['auth-failed'])
  })

  it('flags a token that sees nothing as emptyView with an explanation, never as a healthy empty cluster', () => {
    const core = makeCore()
    const out = core.observeSuccess({ resources: [], status: null, statusError: null, tasks: null, endpoint: 'h:1' }, T0)
    expect(out.snapshot.emptyView).toBe(true)
    expect(out.snapshot.health).toBe('auth')
    expect(out.snapshot.lastError?.message).toMatch(/privilege separation/)
  })

  it('reports a missing privilege on /cluster/status in lastError without degrading health', () => {
    const core = makeCore()
    const statusError = classifyError(Object.assign(new Error('Permission check failed (/, Sys.Audit)'), { status: 403 }))
    const out = core.observeSuccess({ resources: resources(NODES3), status: null, statusError, tasks: null, endpoint: 'h:1' }, T0)
    expect(out.snapshot.lastError?.kind).toBe('permission')
    expect(out.snapshot.lastError?.message).toContain('token lacks Sys.Audit on /')
    expect(out.snapshot.health).toBe('ok')
  })

  it('reports quorum lost and regained once each', () => {
    const core = makeCore()
    const names = NODES3.map((n) => n.name)
    expect(ok(core, T0, NODES3, [], clusterStatus(true, names)).snapshot.quorate).toBe(true)
    const lost = ok(core, T0 + 10 * S, NODES3, [], clusterStatus(false, names))
    expect(kinds(lost)).toEqual(['quorum-lost'])
    expect(lost.snapshot.health).toBe('degraded')
    expect(kinds(ok(core, T0 + 20 * S, NODES3, [], clusterStatus(false, names)))).toEqual([])
    const back = ok(core, T0 + 30 * S, NODES3, [], clusterStatus(true, names))
    expect(kinds(back)).toEqual(['quorum-regained'])
    expect(back.snapshot.nodes[0]?.ip).toBe('10.0.0.1')
  })
})

describe('snapshot', () => {
  it('is deeply frozen and names the endpoint and fetch time', () => {
    const core = makeCore()
    const s = ok(core, T0, NODES3, [{ vmid: 100, node: 'pve-a' }]).snapshot
    expect(Object.isFrozen(s)).toBe(true)
    expect(Object.isFrozen(s.nodes)).toBe(true)
    expect(Object.isFrozen(s.guests[0])).toBe(true)
    expect(Object.isFrozen(s.guests[0]?.tags)).toBe(true)
    expect(s.endpoint).toBe('127.0.0.1:8006')
    expect(s.fetchedAt).toBe(T0)
    expect(s.summary).toBe('3/3 nodes up · 1 guests running')
  })

  it('keeps the recent events in a bounded ring', () => {
    const core = makeCore({ ringSize: 3, flapTransitions: 100 })
    ok(core, T0)
    let t = T0
    for (let i = 0; i < 8; i++) {
      const nodes = i % 2 === 0 ? down('pve-b') : NODES3
      ok(core, (t += 10 * S), nodes)
      ok(core, (t += 2 * S), nodes)
    }
    const ring = core.state.ring.list()
    expect(ring).toHaveLength(3)
    expect(ring.map((e) => e.kind)).toEqual(['node-up', 'node-down', 'node-up'])
  })
})
