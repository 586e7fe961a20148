// What the bulk bar offers: each action only for the selected guests it applies to, by the single
// actions' own rule (main's guestActions, as GuestView.actions/actionsDisabledReason carry it), and the
// rest summed up in words.
import { describe, expect, it } from 'vitest'

import { guestActions } from '../../src/main/core/monitor/guest-actions'
import { unknownGuest } from '../../src/main/core/monitor/unknown-view'
import { bulkPlan, planLabel, skipSummary } from '../../src/renderer/src/lib/bulk-plan'
import type { GuestRow } from '../../src/renderer/src/lib/guest-query'
import type { GuestKind, GuestState, GuestView } from '../../src/shared/snapshot'

interface Spec {
  vmid: number
  state: GuestState
  kind?: GuestKind
  template?: boolean
  lock?: string | null
  busy?: boolean
  mayPower?: boolean
  mode?: 'monitor' | 'control'
}

function row(s: Spec): GuestRow {
  const base = { vmid: s.vmid, pool: null, kind: s.kind ?? 'qemu', state: s.state, template: s.template ?? false, lock: s.lock ?? null, nodeOnline: true }
  const rule = guestActions(base, { mode: s.mode ?? 'control', canPowerMgmt: () => s.mayPower ?? true })
  const guest = {
    ...base,
    name: `g${s.vmid}`,
    node: 'pve-a',
    stale: false,
    staleReason: null,
    actions: rule.actions,
    actionsDisabledReason: rule.reason,
    busy: s.busy ?? false
  } as unknown as GuestView
  return { key: `c/${s.vmid}`, clusterId: 'c', clusterName: 'lab', guest }
}

describe('bulkPlan', () => {
  const rows = [
    row({ vmid: 100, state: 'running' }),
    row({ vmid: 101, state: 'running', kind: 'lxc' }),
    row({ vmid: 102, state: 'stopped' }),
    row({ vmid: 103, state: 'stopped' }),
    row({ vmid: 104, state: 'running', mayPower: false }),
    row({ vmid: 105, state: 'running', lock: 'backup' }),
    row({ vmid: 9000, state: 'stopped', template: true }),
    row({ vmid: 106, state: 'running', busy: true })
  ]

  it('shut down: only the running guests it may power; the rest with their reasons', () => {
    const plan = bulkPlan(rows, 'shutdown')
    expect(plan.apply.map((r) => r.guest.vmid)).toEqual([100, 101])
    expect(Object.fromEntries(plan.skip.map((s) => [s.row.guest.vmid, s.reason]))).toEqual({
      102: 'is stopped',
      103: 'is stopped',
      104: 'token lacks VM.PowerMgmt on /vms/104',
      105: 'locked (backup)',
      9000: 'template',
      106: 'a task is running on it'
    })
    expect(planLabel(plan, 'Shut down')).toEqual({
      text: 'Shut down 2 of 8',
      note: '2 are stopped, 1 may not be powered by this token, 1 is locked, 1 is a template, 1 is busy with a task'
    })
  })

  it('start: the stopped ones; a template never', () => {
    const plan = bulkPlan(rows, 'start')
    expect(plan.apply.map((r) => r.guest.vmid)).toEqual([102, 103])
    expect(skipSummary(plan.skip)).toMatch(/^2 are running, /)
  })

  it('all applicable: no "of", no note', () => {
    expect(planLabel(bulkPlan(rows.slice(0, 2), 'reboot'), 'Reboot')).toEqual({ text: 'Reboot 2', note: '' })
  })

  it('a monitor-only cluster and a guest whose state is not known are left out, said so', () => {
    const plan = bulkPlan(
      [
        row({ vmid: 100, state: 'running', mode: 'monitor' }),
        { ...rows[0], guest: unknownGuest(rows[0]?.guest as GuestView, 'node pve-a is offline') } as GuestRow
      ],
      'stop'
    )
    expect(plan.apply).toEqual([])
    expect(skipSummary(plan.skip)).toBe('1 is on a monitor-only cluster, 1 is in a state not known now')
  })
})
