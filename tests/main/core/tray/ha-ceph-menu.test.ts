// The tray's HA/Ceph line under the cluster header: what the snapshot says, "not known" when not read, nothing
// when the cluster has neither; clicking it opens the overview of that cluster.
import { describe, expect, it } from 'vitest'

import { buildTrayMenu } from '../../../../src/main/core/tray/build-tray-menu'
import { findMenuItem, type MenuItemModel } from '../../../../src/main/core/tray/menu-model'
import { trayStatus } from '../../../../src/main/core/tray/tray-status'
import type { CephView, HaView } from '../../../../src/shared/ha-ceph'
import type { ClusterSnapshot } from '../../../../src/shared/snapshot'
import { appState, cluster, NOW } from './snapshot-fixtures'

function menu(c: ClusterSnapshot): MenuItemModel[] {
  const state = appState([c])
  return buildTrayMenu({ state, status: trayStatus({ state, now: NOW, busyLabel: null }), tasks: new Map(), now: NOW })
}
const line = (c: ClusterSnapshot): MenuItemModel | null => findMenuItem(menu(c), 'c:home:ha-ceph')

const ha = (over: Partial<HaView> = {}): HaView => ({
  known: true,
  reason: null,
  manager: { node: 'pve-a', mode: 'active' },
  quorate: true,
  resources: [
    { sid: 'vm:100', vmid: 100, node: 'pve-a', state: 'started', requestState: 'started', problem: false },
    { sid: 'vm:101', vmid: 101, node: 'pve-b', state: 'started', requestState: 'started', problem: false }
  ],
  checkedAt: NOW - 1000,
  ...over
})
const ceph = (over: Partial<CephView> = {}): CephView => ({ known: true, reason: null, health: 'HEALTH_OK', checks: [], checkedAt: NOW - 1000, ...over })

describe('tray: HA and Ceph line', () => {
  it('nothing for a cluster without HA and Ceph', () => {
    expect(line(cluster())).toBeNull()
  })

  it('healthy HA and Ceph, right under the header, opening the overview', () => {
    const items = menu(cluster({ ha: ha(), ceph: ceph() }))
    const i = items.findIndex((x) => x.id === 'c:home:header')
    expect(items[i + 1]?.id).toBe('c:home:ha-ceph')
    expect(items[i + 1]?.label).toBe('HA: 2 resources, none in error · Ceph HEALTH_OK')
    expect(items[i + 1]?.action).toEqual({ kind: 'open-dashboard', target: { view: 'overview', clusterId: 'home' } })
  })

  it('resources in error or fence and Ceph warnings are named', () => {
    const bad = ha({
      resources: [
        { sid: 'vm:100', vmid: 100, node: 'pve-a', state: 'error', requestState: 'started', problem: true },
        { sid: 'ct:200', vmid: 200, node: 'pve-b', state: 'fence', requestState: 'started', problem: true },
        { sid: 'vm:101', vmid: 101, node: 'pve-b', state: 'error', requestState: 'started', problem: true }
      ]
    })
    const warn = ceph({
      health: 'HEALTH_WARN',
      checks: [
        { code: 'OSDMAP_FLAGS', severity: 'HEALTH_WARN', summary: 'noout flag(s) set', muted: false },
        { code: 'POOL_NO_REDUNDANCY', severity: 'HEALTH_WARN', summary: '1 pool(s) have no replicas configured', muted: true }
      ]
    })
    expect(line(cluster({ ha: bad, ceph: warn }))?.label).toBe('HA: vm:100 error, ct:200 fence and 1 more · Ceph HEALTH_WARN: noout flag(s) set')
  })

  it('not read or no longer current: "not known", never OK', () => {
    const c = cluster({ ha: ha({ known: false, reason: 'Not known now: no answer' }), ceph: ceph({ known: false, health: null, reason: 'x' }) })
    expect(line(c)?.label).toBe('HA not known · Ceph not known')
  })

  it('only Ceph (no HA resources)', () => {
    expect(
      line(cluster({ ceph: ceph({ health: 'HEALTH_ERR', checks: [{ code: 'OSD_DOWN', severity: 'HEALTH_ERR', summary: '2 osds down', muted: false }] }) }))
        ?.label
    ).toBe('Ceph HEALTH_ERR: 2 osds down')
  })
})

describe('tray: HA and Ceph problems in the headline', () => {
  it('an HA resource in error and Ceph WARN are problem lines; "not known" is none (and never OK either)', () => {
    const bad = ha({ resources: [{ sid: 'ct:200', vmid: 200, node: 'pve-b', state: 'fence', requestState: 'started', problem: true }] })
    const state = appState([
      cluster({ ha: bad, ceph: ceph({ health: 'HEALTH_WARN', checks: [{ code: 'X', severity: 'HEALTH_WARN', summary: 'clock skew', muted: false }] }) })
    ])
    const s = trayStatus({ state, now: NOW, busyLabel: null })
    expect(s.problems).toEqual(['HA resource ct:200 being fenced', 'Ceph HEALTH_WARN: clock skew'])
    expect(s.headline).toBe('HA resource ct:200 being fenced')
    const unknown = appState([cluster({ ha: ha({ known: false, reason: 'r' }), ceph: ceph({ known: false, health: null, reason: 'r' }) })])
    expect(trayStatus({ state: unknown, now: NOW, busyLabel: null }).problems).toEqual([])
  })
})
