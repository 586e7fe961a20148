// Whether the token may power a guest is asked per guest only when the answer may have changed: what it depends on
// (the guest's vmid and pool) or what it is judged by (`powerEpoch`, the permissions read). The views always say
// what a fresh judgement says.
import { describe, expect, it } from 'vitest'

import { type CycleOutput, MonitorCore } from '../../../../src/main/core/monitor/monitor-core'
import { type ParsedResources, parseResources } from '../../../../src/main/core/monitor/parse-resources'
import { NODES3, resources } from './fixtures'

const T0 = 1_700_000_000_000
const guests = [100, 101, 102].map((vmid) => ({ vmid, node: 'pve-a', status: 'running' }))

function observe(core: MonitorCore, parsed: ParsedResources, at: number): CycleOutput {
  return core.observeSuccess({ resources: parsed, status: null, statusError: null, tasks: null, endpoint: 'h:1' }, at)
}

describe('power privilege per guest', () => {
  it('is asked again only for a changed record or new permissions, and the views follow the answers', () => {
    let perms: { deny: ReadonlySet<number> } = { deny: new Set() }
    const asked: number[] = []
    const core = new MonitorCore(
      {
        clusterId: 'c1',
        clusterName: 'Lab',
        canPowerMgmt: (g) => (asked.push(g.vmid), !perms.deny.has(g.vmid)),
        powerEpoch: () => perms
      },
      T0
    )
    const first = parseResources(resources(NODES3, guests))
    const s1 = observe(core, first, T0).snapshot
    expect(asked.sort()).toEqual([100, 101, 102])
    // The same records (an unchanged cluster): nobody is asked, the views are the same objects.
    asked.length = 0
    const s2 = observe(core, first, T0 + 1000).snapshot
    expect(asked).toEqual([])
    expect(s2.guests[0]).toBe(s1.guests[0])
    // Guests' records changed, but not what the answer depends on (vmid, pool): nobody is asked.
    const second: ParsedResources = { ...first, guests: first.guests.map((g) => (g.vmid === 101 ? { ...g, name: 'renamed', cpu: 0.5 } : g)) }
    observe(core, second, T0 + 2000)
    expect(asked).toEqual([])
    // A guest moved into a pool: only it is asked.
    const pooled: ParsedResources = { ...second, guests: second.guests.map((g) => (g.vmid === 102 ? { ...g, pool: 'prod' } : g)) }
    observe(core, pooled, T0 + 2500)
    expect(asked).toEqual([102])
    // New permissions (a new read): every guest is asked, and a refused one offers nothing, saying why.
    asked.length = 0
    perms = { deny: new Set([100]) }
    const s4 = observe(core, second, T0 + 3000).snapshot
    expect(asked.sort()).toEqual([100, 101, 102])
    expect(s4.guests.find((g) => g.vmid === 100)).toMatchObject({ actions: [], actionsDisabledReason: 'token lacks VM.PowerMgmt on /vms/100' })
    expect(s4.guests.find((g) => g.vmid === 102)?.actions).toContain('stop')
  })

  it('is asked for every guest at every snapshot when nothing says what the answer is judged by', () => {
    const asked: number[] = []
    const core = new MonitorCore({ clusterId: 'c1', clusterName: 'Lab', canPowerMgmt: (g) => (asked.push(g.vmid), true) }, T0)
    const parsed = parseResources(resources(NODES3, guests))
    observe(core, parsed, T0)
    observe(core, parsed, T0 + 1000)
    expect(asked.length).toBe(6)
  })
})

describe('the guest list of a quiet poll', () => {
  it('is the previous list itself for the same records, and judged afresh when alerts, mutes, actions or nodes change', () => {
    const core = new MonitorCore({ clusterId: 'c1', clusterName: 'Lab' }, T0)
    const parsed = parseResources(resources(NODES3, guests))
    const by = (o: CycleOutput, vmid: number) => o.snapshot.guests.find((g) => g.vmid === vmid)
    const s1 = observe(core, parsed, T0)
    const s2 = observe(core, parsed, T0 + 1000)
    expect(s2.snapshot.guests).toBe(s1.snapshot.guests)
    core.state.setAlerts([100])
    const s3 = observe(core, parsed, T0 + 2000)
    expect(by(s3, 100)?.alerts).toBe(true)
    expect(by(s3, 101)).toBe(by(s1, 101))
    core.state.mutes.set([{ target: { vmid: 101 }, mode: 'always', until: null }])
    expect(by(observe(core, parsed, T0 + 3000), 101)?.muted).toEqual({ mode: 'always', until: null })
    core.state.mutes.set([])
    expect(by(observe(core, parsed, T0 + 4000), 101)?.muted).toBeNull()
    core.state.noteUserAction(102, null, T0 + 5000)
    expect(by(observe(core, parsed, T0 + 5000), 102)?.busy).toBe(true)
    core.state.clearBusy(102)
    const s6 = observe(core, parsed, T0 + 6000)
    expect(by(s6, 102)?.busy).toBe(false)
    // The same guest records, their node now offline: never shown running.
    const offline = observe(core, { ...parsed, nodes: parsed.nodes.map((n) => (n.name === 'pve-a' ? { ...n, status: 'offline' as const } : n)) }, T0 + 7000)
    expect(by(offline, 100)).toMatchObject({ stale: true, state: 'unknown' })
    expect(observe(core, parsed, T0 + 8000).snapshot.guests).toEqual(s6.snapshot.guests)
  })
})
