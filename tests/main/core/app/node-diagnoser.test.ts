// When the SSH diagnosis runs: for nodes reported offline or while the cluster's API is silent, never for a
// refused token; at most four logins at once; a flapping node is not probed on every poll; a node-down event
// carries only what SSH said while the cluster reported that node offline.
import { describe, expect, it } from 'vitest'

import { createNodeDiagnoser } from '../../../../src/main/core/app/node-diagnoser'
import type { ClusterSnapshot, MonitorEvent, NodeStatus } from '../../../../src/shared/snapshot'

function snap(nodes: Record<string, NodeStatus>, lastError: ClusterSnapshot['lastError'] = null): ClusterSnapshot {
  return { stale: lastError !== null, lastError, nodes: Object.entries(nodes).map(([name, status]) => ({ name, status })) } as unknown as ClusterSnapshot
}

function setup(): {
  d: ReturnType<typeof createNodeDiagnoser>
  started: string[]
  answer: (node: string) => void
  clock: { t: number }
  settle: () => Promise<void>
} {
  const clock = { t: 1_000_000 }
  const started: string[] = []
  const pending = new Map<string, () => void>()
  const work: Promise<unknown>[] = []
  const d = createNodeDiagnoser({
    ssh: {
      configured: () => true,
      run: (_c, node) => {
        started.push(node)
        return new Promise((resolve) =>
          pending.set(node, () => resolve({ stdout: 'inactive\nactive\nactive\nactive\n', stderr: '', code: 3, signal: null, durationMs: 1, truncated: false }))
        )
      }
    },
    now: () => clock.t,
    track: (p) => void work.push(p)
  })
  return {
    d,
    started,
    answer: (node) => {
      pending.get(node)?.()
      pending.delete(node)
    },
    clock,
    settle: async () => {
      await Promise.all(work)
    }
  }
}

const nodeDown = (node: string): MonitorEvent => ({
  id: 'x',
  at: 0,
  kind: 'node-down',
  severity: 'critical',
  clusterId: 'c',
  clusterName: 'C',
  node,
  guest: null,
  storage: null,
  message: '',
  detail: null
})

describe('node diagnoser', () => {
  it('probes a node reported offline, not one whose cluster refused the token', () => {
    const { d, started } = setup()
    d.observe('c', snap({ a: 'online', b: 'offline' }))
    expect(started).toEqual(['b'])
    d.observe('c', snap({ a: 'unknown', b: 'unknown' }, { kind: 'auth', message: 'token refused' }))
    expect(started).toEqual(['b'])
  })

  it('while the API is silent: every node, but never more than four logins at once', async () => {
    const { d, started, answer, settle } = setup()
    const six = { a: 'unknown', b: 'unknown', c: 'unknown', d: 'unknown', e: 'unknown', f: 'unknown' } as const
    d.observe('c', snap(six, { kind: 'unreachable', message: 'no endpoint answers' }))
    expect(started).toEqual(['a', 'b', 'c', 'd'])
    for (const n of ['a', 'b']) answer(n)
    await new Promise((r) => setTimeout(r, 0))
    d.observe('c', snap(six, { kind: 'unreachable', message: 'no endpoint answers' }))
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    for (const n of ['c', 'd', 'e', 'f']) answer(n)
    await settle()
  })

  it('a flapping node is not probed again on every poll (15 s apart at least); a lasting one again after a minute', async () => {
    const { d, started, answer, clock, settle } = setup()
    d.observe('c', snap({ b: 'offline' }))
    answer('b')
    await settle()
    for (let i = 0; i < 5; i++) {
      clock.t += 1_000
      d.observe('c', snap({ b: 'online' }))
      clock.t += 1_000
      d.observe('c', snap({ b: 'offline' }))
    }
    expect(started).toEqual(['b'])
    clock.t += 60_000
    d.observe('c', snap({ b: 'offline' }))
    expect(started).toEqual(['b', 'b'])
    answer('b')
    await settle()
  })

  it('a node-down carries only a diagnosis judged while that node was reported offline', async () => {
    const { d, answer, settle } = setup()
    d.observe('c', snap({ a: 'unknown', b: 'unknown' }, { kind: 'unreachable', message: 'no endpoint answers' }))
    answer('a')
    answer('b')
    await settle()
    // Judged while the whole cluster was silent: not about a node-down of b.
    expect(d.annotate(nodeDown('b')).detail).toBeNull()
    const { d: d2, answer: answer2, settle: settle2 } = setup()
    d2.observe('c', snap({ b: 'offline' }))
    answer2('b')
    await settle2()
    expect(d2.annotate(nodeDown('b')).detail).toBe('b answers over SSH but its Proxmox API does not (pveproxy stopped).')
  })
})
