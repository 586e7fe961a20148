// The HA and Ceph readers: lenient about what Proxmox may omit, strict where a wrong reading would say "OK".
import { describe, expect, it } from 'vitest'

import { CephTracker, meansNoCeph, parseCephStatus } from '../../../../src/main/core/monitor/ceph-status'
import { HaTracker, parseHaStatus } from '../../../../src/main/core/monitor/ha-status'
import { EventFactory } from '../../../../src/main/core/monitor/monitor-events'
import type { MonitorEvent } from '../../../../src/shared/snapshot'

describe('parseHaStatus', () => {
  it('reads the manager, quorum and services; skips entries it cannot use', () => {
    const p = parseHaStatus([
      { id: 'quorum', type: 'quorum', node: 'pve-a', status: 'OK', quorate: '1' },
      { id: 'master', type: 'master', node: 'pve-b', status: 'pve-b (idle, Sun Dec  6 03:00:00 2026)', timestamp: 1 },
      { id: 'lrm:pve-a', type: 'lrm', node: 'pve-a', status: 'pve-a (active, …)' },
      { id: 'service:ct:201', type: 'service', sid: 'ct:201', node: 'pve-a', state: 'fence', crm_state: 'fence', request_state: 'started' },
      { id: 'service:vm:100', type: 'service', sid: 'vm:100', node: 'pve-b', crm_state: 'started' },
      { id: 'service:x', type: 'service' },
      'garbage',
      null
    ])
    expect(p.manager).toEqual({ node: 'pve-b', mode: 'idle' })
    expect(p.quorate).toBe(true)
    expect(p.resources).toEqual([
      { sid: 'vm:100', vmid: 100, node: 'pve-b', state: 'started', requestState: null, problem: false },
      { sid: 'ct:201', vmid: 201, node: 'pve-a', state: 'fence', requestState: 'started', problem: true }
    ])
  })

  it('an answer that is not a list is an error, never "no resources"', () => {
    expect(() => parseHaStatus({ data: [] })).toThrow(/not a list/)
  })
})

describe('parseCephStatus', () => {
  it('reads health and checks (summary object or string), worst first', () => {
    const p = parseCephStatus({
      health: {
        status: 'HEALTH_ERR',
        checks: {
          OSDMAP_FLAGS: { severity: 'HEALTH_WARN', summary: { message: 'noout flag(s) set', count: 1 }, muted: false },
          OSD_DOWN: { severity: 'HEALTH_ERR', summary: '2 osds down', muted: 1 }
        }
      }
    })
    expect(p).toEqual({
      health: 'HEALTH_ERR',
      checks: [
        { code: 'OSD_DOWN', severity: 'HEALTH_ERR', summary: '2 osds down', muted: true },
        { code: 'OSDMAP_FLAGS', severity: 'HEALTH_WARN', summary: 'noout flag(s) set', muted: false }
      ]
    })
  })

  it('no health status, or one Ceph never sends, is an error, never OK', () => {
    expect(() => parseCephStatus({})).toThrow(/no health status/)
    expect(() => parseCephStatus({ health: { status: 'HEALTH_GOOD' } })).toThrow(/no health status/)
  })

  it('"not installed" and "not initialized" mean no Ceph here', () => {
    expect(meansNoCeph('binary not installed: /usr/bin/ceph-mon')).toBe(true)
    expect(meansNoCeph('pveceph configuration not initialized')).toBe(true)
    expect(meansNoCeph('rados_connect failed - Connection timed out')).toBe(false)
  })
})

describe('trackers: said once when it starts, once when over', () => {
  it('HA: error, still error, fence, started', () => {
    const t = new HaTracker()
    const factory = new EventFactory('c', 'C')
    const events: MonitorEvent[] = []
    const r = (state: string) => [{ sid: 'vm:100', vmid: 100, node: 'pve-a', state, requestState: 'started', problem: state === 'error' || state === 'fence' }]
    const ctx = { now: 1, events, factory, guestRef: () => ({ vmid: 100, kind: 'qemu' as const, name: 'web' }) }
    for (const s of ['started', 'error', 'error', 'fence', 'started', 'started']) t.observe(r(s), ctx)
    expect(events.map((e) => `${e.kind}:${e.detail ?? ''}`)).toEqual(['ha-problem:error', 'ha-problem:fence', 'ha-recovered:started'])
  })

  it('HA: a guest is looked up only for an event (hundreds of quiet resources cost no search of every guest)', () => {
    const t = new HaTracker()
    const events: MonitorEvent[] = []
    const asked: number[] = []
    const ctx = {
      now: 1,
      events,
      factory: new EventFactory('c', 'C'),
      guestRef: (vmid: number) => (asked.push(vmid), { vmid, kind: 'qemu' as const, name: `g${vmid}` })
    }
    const res = (bad: number | null) =>
      Array.from({ length: 500 }, (_, i) => {
        const state = i === bad ? 'error' : 'started'
        return { sid: `vm:${1000 + i}`, vmid: 1000 + i, node: 'pve-a', state, requestState: 'started', problem: state === 'error' }
      })
    t.observe(res(null), ctx)
    t.observe(res(7), ctx)
    t.observe(res(7), ctx)
    t.observe(res(null), ctx)
    expect(asked).toEqual([1007, 1007])
    expect(events.map((e) => `${e.kind}:${e.guest?.name ?? ''}`)).toEqual(['ha-problem:g1007', 'ha-recovered:g1007'])
    expect(events[1]?.message).toBe('VM 1007 (g1007) left HA state error: it is started now.')
  })

  it('Ceph: OK, WARN, WARN, ERR, OK', () => {
    const t = new CephTracker()
    const events: MonitorEvent[] = []
    const ctx = { now: 1, events, factory: new EventFactory('c', 'C') }
    for (const h of ['HEALTH_OK', 'HEALTH_WARN', 'HEALTH_WARN', 'HEALTH_ERR', 'HEALTH_OK'] as const) t.observe({ health: h, checks: [] }, ctx)
    expect(events.map((e) => `${e.kind}:${e.severity}`)).toEqual(['ceph-degraded:warning', 'ceph-degraded:critical', 'ceph-ok:info'])
  })
})
