import { describe, expect, it } from 'vitest'

import { canPowerGuest } from '../../../../src/main/core/clusters/privileges'
import { guestActions, type GuestActionSubject } from '../../../../src/main/core/monitor/guest-actions'

const base: GuestActionSubject = { vmid: 100, pool: null, kind: 'qemu', state: 'running', template: false, lock: null, nodeOnline: true }
const control = { mode: 'control' as const, canPowerMgmt: () => true }

describe('guestActions', () => {
  it.each([
    [{}, ['shutdown', 'stop', 'reboot', 'suspend']],
    [{ kind: 'lxc' as const }, ['shutdown', 'stop', 'reboot']],
    [{ state: 'stopped' as const }, ['start']],
    [{ state: 'paused' as const }, ['resume', 'stop']],
    [{ state: 'suspended' as const }, ['resume', 'stop']],
    [{ state: 'suspended' as const, lock: 'suspended' }, ['resume']],
    [{ state: 'unknown' as const }, []],
    [{ state: 'other' as const }, []]
  ])('%o → %o', (patch, expected) => {
    expect(guestActions({ ...base, ...patch }, control).actions).toEqual(expected)
  })

  it('gives reasons when nothing is possible', () => {
    expect(guestActions({ ...base, template: true }, control)).toEqual({ actions: [], reason: 'template' })
    expect(guestActions({ ...base, lock: 'backup' }, control)).toEqual({ actions: [], reason: 'locked (backup)' })
    expect(guestActions({ ...base, nodeOnline: false }, control)).toEqual({ actions: [], reason: 'node offline' })
    expect(guestActions(base, { mode: 'monitor', canPowerMgmt: () => true })).toEqual({ actions: [], reason: 'monitor-only cluster' })
    expect(guestActions(base, { mode: 'control', canPowerMgmt: () => false })).toEqual({ actions: [], reason: 'token lacks VM.PowerMgmt on /vms/100' })
  })

  it("counts VM.PowerMgmt granted on the guest's pool, as Proxmox does", () => {
    const perms = { '/pool/lab': { 'VM.PowerMgmt': true } }
    const rule = { mode: 'control' as const, canPowerMgmt: (g: { vmid: number; pool: string | null }) => canPowerGuest(perms, g) }
    expect(guestActions({ ...base, pool: 'lab' }, rule).actions).toContain('stop')
    expect(guestActions({ ...base, pool: 'prod' }, rule)).toEqual({ actions: [], reason: 'token lacks VM.PowerMgmt on /vms/100 or /pool/prod' })
    expect(guestActions(base, rule)).toEqual({ actions: [], reason: 'token lacks VM.PowerMgmt on /vms/100' })
    // A grant on /vms (propagated) still covers every guest, pooled or not.
    expect(canPowerGuest({ '/vms': { 'VM.PowerMgmt': true } }, { vmid: 100, pool: 'prod' })).toBe(true)
  })

  it('lets the server decide when the privilege is not known yet', () => {
    expect(guestActions(base, { mode: 'control', canPowerMgmt: () => null }).actions).toContain('stop')
  })
})
