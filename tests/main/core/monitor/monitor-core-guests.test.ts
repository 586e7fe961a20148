import { describe, expect, it } from 'vitest'

import { type CycleOutput, MonitorCore, type MonitorSettings } from '../../../../src/main/core/monitor/monitor-core'
import type { MonitorEventKind } from '../../../../src/shared/snapshot'
import { down, type FxGuest, type FxNode, type FxStorage, type FxTask, NODES3, resources, tasks } from './fixtures'

const T0 = 1_700_000_000_000
const S = 1000
const MIN = 60 * S
const sec = (ms: number): number => Math.floor(ms / 1000)

function makeCore(extra: Partial<MonitorSettings> = {}): MonitorCore {
  return new MonitorCore({ clusterId: 'c1', clusterName: 'Lab', ...extra }, T0)
}

interface PollOpts {
  nodes?: FxNode[]
  guests?: FxGuest[]
  storage?: FxStorage[]
  tasks?: FxTask[] | null
}
function poll(core: MonitorCore, at: number, o: PollOpts = {}): CycleOutput {
  return core.observeSuccess(
    {
      resources: resources(o.nodes ?? NODES3, o.guests ?? [], o.storage ?? []),
      status: null,
      statusError: null,
      tasks: o.tasks ? tasks(o.tasks) : null,
      endpoint: 'h:1'
    },
    at
  )
}
const kinds = (o: CycleOutput): MonitorEventKind[] => o.events.map((e) => e.kind)
const web = (status: string, extra: Partial<FxGuest> = {}): FxGuest => ({ vmid: 100, node: 'pve-a', name: 'web', status, ...extra })

describe('guests on an offline node', () => {
  it('are never shown running: stale, state unknown, no figures, no actions', () => {
    const core = makeCore()
    const out = poll(core, T0, { nodes: down('pve-b'), guests: [{ vmid: 101, node: 'pve-b', status: 'running' }, web('running')] })
    const g = out.snapshot.guests.find((x) => x.vmid === 101)
    expect(g).toMatchObject({ stale: true, state: 'unknown', status: 'running', cpu: null, mem: null, actions: [] })
    expect(g?.actionsDisabledReason).toBe('node offline')
    expect(out.snapshot.guests.filter((x) => x.state === 'running').map((x) => x.vmid)).toEqual([100])
  })

  it('raise no guest-down when their node goes down (the node event covers them)', () => {
    const core = makeCore()
    const g = { vmid: 101, node: 'pve-b', status: 'running', hastate: 'started' }
    poll(core, T0, { guests: [g] })
    const all = [poll(core, T0 + 10 * S, { nodes: down('pve-b'), guests: [g] }), poll(core, T0 + 12 * S, { nodes: down('pve-b'), guests: [g], tasks: [] })]
    expect(all.flatMap(kinds)).toEqual(['node-down'])
  })
})

describe('guest-down', () => {
  it('is ONE event for an alert-enabled guest stopped behind our back, after confirmation with the task list', () => {
    const core = makeCore()
    core.state.setAlerts([100])
    poll(core, T0, { guests: [web('running')] })
    const first = poll(core, T0 + 10 * S, { guests: [web('stopped')] })
    expect(kinds(first)).toEqual(['guest-state'])
    expect(first.confirm).toBe(true)
    expect(first.wantTasks).toBe(true)
    const confirmed = poll(core, T0 + 12 * S, { guests: [web('stopped')], tasks: [] })
    expect(kinds(confirmed)).toEqual(['guest-down'])
    expect(confirmed.events[0]?.guest).toEqual({ vmid: 100, kind: 'qemu', name: 'web' })
    expect(kinds(poll(core, T0 + 22 * S, { guests: [web('stopped')] }))).toEqual([])
    // Back up: confirmed guest-up.
    poll(core, T0 + 32 * S, { guests: [web('running')] })
    expect(kinds(poll(core, T0 + 34 * S, { guests: [web('running')] }))).toEqual(['guest-up'])
  })

  it('waits for the task list before judging', () => {
    const core = makeCore()
    core.state.setAlerts([100])
    poll(core, T0, { guests: [web('running')] })
    poll(core, T0 + 10 * S, { guests: [web('stopped')] })
    const noTasks = poll(core, T0 + 12 * S, { guests: [web('stopped')], tasks: null })
    expect(kinds(noTasks)).toEqual([])
    expect(noTasks.wantTasks).toBe(true)
  })

  it("is silent for the user's own action", () => {
    const core = makeCore()
    core.state.setAlerts([100])
    poll(core, T0, { guests: [web('running')] })
    core.state.noteUserAction(100, 'UPID:pve-a:1:1:1:qmshutdown:100:me@pve!t:', T0 + 5 * S)
    const out = poll(core, T0 + 10 * S, { guests: [web('stopped')] })
    expect(kinds(out)).toEqual(['guest-state'])
    expect(out.confirm).toBe(false)
    expect(out.snapshot.guests[0]?.busy).toBe(true)
  })

  it.each([
    ['a backup (vzdump) in stop mode', 'vzdump'],
    ['a shutdown by someone else', 'qmshutdown'],
    ['a stop by someone else', 'qmstop']
  ])('is silent for %s found in cluster tasks', (_label, type) => {
    const core = makeCore()
    core.state.setAlerts([100])
    poll(core, T0, { guests: [web('running')] })
    poll(core, T0 + 10 * S, { guests: [web('stopped')] })
    const out = poll(core, T0 + 12 * S, { guests: [web('stopped')], tasks: [{ type, id: '100', startSec: sec(T0 + 8 * S) }] })
    expect(kinds(out)).toEqual([])
  })

  it('is NOT silenced by an old task or a task on another guest', () => {
    const core = makeCore()
    core.state.setAlerts([100])
    poll(core, T0 + 20 * MIN, { guests: [web('running')] })
    poll(core, T0 + 21 * MIN, { guests: [web('stopped')] })
    const out = poll(core, T0 + 21 * MIN + 2 * S, {
      guests: [web('stopped')],
      tasks: [
        { type: 'qmstop', id: '100', startSec: sec(T0), endSec: sec(T0) + 1 },
        { type: 'vzdump', id: '101', startSec: sec(T0 + 21 * MIN) }
      ]
    })
    expect(kinds(out)).toEqual(['guest-down'])
  })

  it('is silent while a backup lock explains it', () => {
    const core = makeCore()
    core.state.setAlerts([100])
    poll(core, T0, { guests: [web('running')] })
    expect(poll(core, T0 + 10 * S, { guests: [web('stopped', { lock: 'backup' })] }).confirm).toBe(false)
  })

  it('is on by default for HA-managed guests, off for others, and can be turned off explicitly', () => {
    const core = makeCore()
    const guests = [web('running', { hastate: 'started' }), { vmid: 101, node: 'pve-a', status: 'running' }]
    const s = poll(core, T0, { guests }).snapshot
    expect(s.guests.map((g) => g.alerts)).toEqual([true, false])
    const stopped = [web('stopped', { hastate: 'started' }), { vmid: 101, node: 'pve-a', status: 'stopped' }]
    poll(core, T0 + 10 * S, { guests: stopped })
    expect(kinds(poll(core, T0 + 12 * S, { guests: stopped, tasks: [] }))).toEqual(['guest-down'])
    core.state.setAlerts([], [100])
    expect(poll(core, T0 + 14 * S, { guests }).snapshot.guests[0]?.alerts).toBe(false)
  })
})

describe('mutes', () => {
  it('a muted node still shows its state but raises nothing; until-up clears itself when it is back', () => {
    const core = makeCore({ flapTransitions: 100 })
    core.state.mutes.set([{ target: { node: 'pve-b' }, mode: 'until-up', until: null }])
    poll(core, T0)
    poll(core, T0 + 10 * S, { nodes: down('pve-b') })
    const out = poll(core, T0 + 12 * S, { nodes: down('pve-b') })
    expect(kinds(out)).toEqual([])
    const b = out.snapshot.nodes.find((n) => n.name === 'pve-b')
    expect(b?.status).toBe('offline')
    expect(b?.muted).toEqual({ mode: 'until-up', until: null })
    poll(core, T0 + 22 * S)
    const up = poll(core, T0 + 24 * S)
    expect(kinds(up)).toEqual([])
    expect(up.clearedMutes).toEqual([{ target: { node: 'pve-b' }, mode: 'until-up', until: null }])
    expect(up.snapshot.nodes.find((n) => n.name === 'pve-b')?.muted).toBeNull()
    // Unmuted now: the next outage is reported.
    poll(core, T0 + 34 * S, { nodes: down('pve-b') })
    expect(kinds(poll(core, T0 + 36 * S, { nodes: down('pve-b') }))).toEqual(['node-down'])
  })

  it('an hour mute lapses by time', () => {
    const core = makeCore({ flapTransitions: 100 })
    core.state.mutes.set([{ target: { vmid: 100 }, mode: 'hour', until: T0 + 60 * MIN }])
    core.state.setAlerts([100])
    poll(core, T0, { guests: [web('running')] })
    expect(poll(core, T0 + 10 * S, { guests: [web('stopped')] }).events).toEqual([])
    expect(poll(core, T0 + 20 * S, { guests: [web('stopped')] }).snapshot.guests[0]?.muted?.mode).toBe('hour')
    poll(core, T0 + 30 * S, { guests: [web('running')] })
    const after = poll(core, T0 + 61 * MIN, { guests: [web('stopped')] })
    expect(after.snapshot.guests[0]?.muted).toBeNull()
    expect(kinds(after)).toEqual(['guest-state'])
    expect(kinds(poll(core, T0 + 61 * MIN + 2 * S, { guests: [web('stopped')], tasks: [] }))).toEqual(['guest-down'])
  })
})

describe('storage and tasks', () => {
  it('storage-high once above the threshold, again only after dropping below threshold - hysteresis', () => {
    const core = makeCore({ storageThreshold: 0.9, storageHysteresis: 0.05 })
    const st = (used: number): FxStorage[] => [
      { storage: 'local', node: 'pve-a', used, total: 100 },
      { storage: 'nfs', node: 'pve-a', used: 10, total: 100, shared: true },
      { storage: 'nfs', node: 'pve-b', used: 10, total: 100, shared: true }
    ]
    const seq = [80, 91, 95, 89, 87, 84, 92].map((used, i) => poll(core, T0 + i * 10 * S, { storage: st(used) }))
    expect(seq.map((o) => kinds(o).join())).toEqual(['', 'storage-high', '', '', '', '', 'storage-high'])
    expect(seq[1]?.snapshot.health).toBe('degraded')
    expect(seq[1]?.snapshot.summary).toBe('local on pve-a 91% full')
    expect(seq[1]?.snapshot.storage[0]).toMatchObject({ usage: 0.91, aboveThreshold: true })
  })

  it("task-failed for new failed tasks only: WARNINGS, running tasks and the baseline are not reported; the user's own is marked byUser", () => {
    const core = makeCore()
    const base = [{ type: 'vzdump', id: '100', startSec: 100, endSec: 200, status: 'job errors' }]
    poll(core, T0, { guests: [web('running')], tasks: base })
    const next = [
      ...base,
      { type: 'vzdump', id: '', startSec: 300, endSec: 400, status: 'WARNINGS: 2' },
      { type: 'qmstart', id: '100', startSec: 300, endSec: 310, status: 'start failed: QEMU exited with code 1' },
      { type: 'qmstart', id: '101', startSec: 300, endSec: 310, status: 'boom', upid: 'UPID:mine' },
      { type: 'qmigrate', id: '100', startSec: 500 }
    ]
    core.state.noteUserAction(101, 'UPID:mine', T0)
    const out = poll(core, T0 + 60 * S, { guests: [web('running')], tasks: next })
    expect(kinds(out)).toEqual(['task-failed', 'task-failed'])
    const [other, mine] = out.events
    // In the user's words: what, which guest (kind, id, name), where — never "Task qmstart of 100".
    expect(other).toMatchObject({ detail: 'start failed: QEMU exited with code 1', guest: { vmid: 100, name: 'web' } })
    expect(other?.message).toMatch(/^Start of VM 100 \(web\) on pve-a, started by \S+, failed$/)
    expect(other?.byUser).toBeUndefined()
    // Still in the timeline (the monitor's events), marked so the policy does not notify it twice.
    expect(mine).toMatchObject({ detail: 'boom', byUser: true, message: 'Start of guest 101 on pve-a, started from this app, failed' })
    expect(kinds(poll(core, T0 + 120 * S, { guests: [web('running')], tasks: next }))).toEqual([])
  })
})

describe('guest views', () => {
  it('normalise Proxmox states and compute actions with mode and privileges', () => {
    const core = makeCore({ canPowerMgmt: (g) => (g.vmid === 105 ? false : null) })
    const s = poll(core, T0, {
      guests: [
        web('running'),
        { vmid: 101, node: 'pve-a', type: 'lxc', status: 'stopped' },
        { vmid: 102, node: 'pve-a', status: 'stopped', lock: 'suspended' },
        { vmid: 103, node: 'pve-a', status: 'io-error' },
        { vmid: 104, node: 'pve-a', status: 'stopped', template: true },
        { vmid: 105, node: 'pve-a', status: 'running' }
      ]
    }).snapshot
    const by = (vmid: number) => s.guests.find((g) => g.vmid === vmid)
    expect(by(100)?.actions).toEqual(['shutdown', 'stop', 'reboot', 'suspend'])
    expect(by(101)?.actions).toEqual(['start'])
    expect(by(102)).toMatchObject({ state: 'suspended', actions: ['resume'] })
    expect(by(103)?.state).toBe('other')
    expect(by(104)?.actions).toEqual([])
    expect(by(105)).toMatchObject({ actions: [], actionsDisabledReason: 'token lacks VM.PowerMgmt on /vms/105' })
    expect(s.health).toBe('degraded')
    expect(s.summary).toBe('VM 103 io-error')
    const mon = new MonitorCore({ clusterId: 'c1', clusterName: 'Lab', mode: 'monitor' }, T0)
    const ms = mon.observeSuccess({ resources: resources(NODES3, [web('running')]), status: null, statusError: null, tasks: null, endpoint: null }, T0).snapshot
    expect(ms.guests[0]).toMatchObject({ actions: [], actionsDisabledReason: 'monitor-only cluster' })
  })
})
