// HA status and Ceph health against the simulator, through the real app core: read at the slow cadence (the
// cycles that read /cluster/status) and when an HA state changed, never per regular poll; a resource entering
// error or fence is one event and notification, and its recovery is seen; Ceph turning WARN/ERR and back to OK
// likewise; a token without Sys.Audit on / gets the reason, not an error storm; what is not current is "not known".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CEPH_PRIVILEGE_REASON, HA_PRIVILEGE_REASON } from '../../../../src/main/core/app/ha-ceph-watch'
import { decideNotifications, defaultNotificationPrefs, emptyDedupState } from '../../../../src/main/core/notify'
import { demoCluster, type Simulator } from '../../../../src/main/core/simulator'
import { buildTrayMenu } from '../../../../src/main/core/tray/build-tray-menu'
import { findMenuItem } from '../../../../src/main/core/tray/menu-model'
import { trayStatus } from '../../../../src/main/core/tray/tray-status'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import type { ConnectionTestResult, SettingsView } from '../../../../src/shared/views'
import { clusterInput, type Harness, makeHarness, startWatchedCluster, until } from './app-core-harness'

const TIMINGS = { taskPollMs: 50, pollIntervalMs: 100, connectTimeoutMs: 2000 }

describe('HA and Ceph with a token that may read them (demo cluster: 8 HA guests, Ceph with noout set)', () => {
  let sim: Simulator
  let h: Harness
  let clusterId = ''
  const events: MonitorEvent[] = []
  const cluster = () => h.core.getState().clusters.find((c) => c.clusterId === clusterId)

  beforeAll(async () => {
    // The demo cluster with no storage near full: what degrades it here is HA and Ceph alone.
    const demo = demoCluster()
    const cluster = { ...demo, storages: demo.storages.map((s) => ({ ...s, used: Math.min(s.used, 0.5) })) }
    ;({ sim, h, clusterId } = await startWatchedCluster({ authDelayMs: 20, seed: 3, cluster }, { timings: TIMINGS }))
    h.core.onMonitorEvent((e) => void events.push(e))
  }, 60_000)
  afterAll(async () => {
    await h?.cleanup()
    await sim?.close()
  })

  it('shows the HA manager and every HA resource with its state', async () => {
    const ha = await until(() => (cluster()?.ha?.known === true ? cluster()?.ha : null))
    expect(ha.manager).toEqual({ node: 'pve-a', mode: 'active' })
    expect(ha.quorate).toBe(true)
    expect(ha.resources.map((r) => r.sid)).toEqual(['vm:100', 'vm:101', 'vm:102', 'vm:106', 'vm:113', 'vm:114', 'ct:200', 'ct:208'])
    expect(ha.resources.find((r) => r.vmid === 114)).toMatchObject({ state: 'stopped', requestState: 'stopped', problem: false })
    expect(ha.resources.every((r) => !r.problem)).toBe(true)
  })

  it('a resource in error, then fence: one event and notification each; back to started: recovered', async () => {
    sim.cluster.updateGuest(102, { hastate: 'error' })
    const err = await until(() => events.find((e) => e.kind === 'ha-problem' && e.guest?.vmid === 102))
    expect(err.detail).toBe('error')
    expect(err.severity).toBe('critical')
    expect(err.message).toMatch(/^VM 102 \(db-prod-01\) on pve-a is in HA state error/)
    expect(cluster()?.ha?.resources.find((r) => r.vmid === 102)).toMatchObject({ state: 'error', problem: true })
    // The cluster is degraded by it, and the tray says so: headline, icon and the HA/Ceph line.
    expect(cluster()?.health).toBe('degraded')
    expect(cluster()?.summary).toMatch(/^HA resource vm:102 in error · Ceph HEALTH_WARN: noout flag\(s\) set · 4\/4 nodes up/)
    const state = h.core.getState()
    const status = trayStatus({ state, now: Date.now(), busyLabel: null })
    expect(status.headline).toBe('HA resource vm:102 in error')
    expect(status.icon).toBe('degraded')
    const line = findMenuItem(buildTrayMenu({ state, status, tasks: new Map(), now: Date.now() }), `c:${encodeURIComponent(clusterId)}:ha-ceph`)
    expect(line?.label).toBe('HA: vm:102 error · Ceph HEALTH_WARN: noout flag(s) set')
    const [n] = decideNotifications([err], defaultNotificationPrefs(), emptyDedupState, Date.now()).notifications
    expect(n?.title).toBe('VM 102 “db-prod-01”: HA error')
    expect(n?.urgency).toBe('critical')

    sim.cluster.updateGuest(106, { hastate: 'fence' })
    const fence = await until(() => events.find((e) => e.kind === 'ha-problem' && e.guest?.vmid === 106))
    expect(fence.message).toMatch(/is being fenced/)

    sim.cluster.updateGuest(102, { hastate: 'started' })
    sim.cluster.updateGuest(106, { hastate: 'started' })
    await until(() => events.filter((e) => e.kind === 'ha-recovered').length === 2)
    const rec = events.find((e) => e.kind === 'ha-recovered' && e.guest?.vmid === 102)
    expect(rec?.message).toBe('VM 102 (db-prod-01) left HA state error: it is started now.')
    // Several slow cycles later: said once each, not per reading.
    const statusReads = sim.requests({ path: /\/cluster\/status$/ }).length
    await until(() => sim.requests({ path: /\/cluster\/status$/ }).length >= statusReads + 2, 10_000)
    expect(events.filter((e) => e.kind === 'ha-problem')).toHaveLength(2)
    expect(events.filter((e) => e.kind === 'ha-recovered')).toHaveLength(2)
  })

  it('reads HA and Ceph only at the slow cadence (plus HA state changes), not per poll', () => {
    const polls = sim.requests({ path: /\/cluster\/resources$/ }).length
    const status = sim.requests({ path: /\/cluster\/status$/ }).length
    const ha = sim.requests({ path: /\/cluster\/ha\/status\/current$/ }).length
    const ceph = sim.requests({ path: /\/cluster\/ceph\/status$/ }).length
    expect(polls).toBeGreaterThan(status * 2)
    // The first reading, one per slow cycle, and one per hastate change seen (4 above).
    expect(ha).toBeLessThanOrEqual(status + 1 + 4)
    expect(ceph).toBeLessThanOrEqual(status + 1)
    expect(ha).toBeLessThan(polls / 2)
  })

  it('Ceph: WARN at the first reading is said, then ERR, then OK again; its checks are shown', async () => {
    // Said at the first reading (the timeline has it: it came before this test listened).
    const first = await until(() => h.core.getState().events.find((e) => e.kind === 'ceph-degraded'))
    expect(first.message).toBe('Ceph reports a warning: HEALTH_WARN: noout flag(s) set.')
    expect(cluster()?.ceph).toMatchObject({
      known: true,
      health: 'HEALTH_WARN',
      checks: [{ code: 'OSDMAP_FLAGS', severity: 'HEALTH_WARN', summary: 'noout flag(s) set' }]
    })
    sim.cluster.setCeph({ health: 'HEALTH_ERR', checks: { OSD_DOWN: { severity: 'HEALTH_ERR', summary: '2 osds down', count: 2 } } })
    const err = await until(() => events.find((e) => e.kind === 'ceph-degraded' && e.detail === 'HEALTH_ERR'))
    expect(err.severity).toBe('critical')
    const [n] = decideNotifications([err], defaultNotificationPrefs(), emptyDedupState, Date.now()).notifications
    expect(n?.title).toBe('Ceph in Lab: HEALTH_ERR')
    expect(n?.body).toContain('2 osds down')
    sim.cluster.setCeph({ health: 'HEALTH_OK' })
    const ok = await until(() => events.find((e) => e.kind === 'ceph-ok'))
    expect(ok.message).toBe('Ceph is healthy again (HEALTH_OK, was HEALTH_ERR).')
    expect(cluster()?.ceph).toMatchObject({ known: true, health: 'HEALTH_OK', checks: [] })
    // Nothing left wrong: the cluster is OK again.
    await until(() => cluster()?.health === 'ok')
  })

  it('when the cluster stops answering, HA and Ceph are "not known", never OK', async () => {
    const fault = sim.faults.serverError(500, /\/cluster\/resources$/)
    try {
      const c = await until(() => (cluster()?.stale === true && cluster()?.ceph?.known === false ? cluster() : null))
      expect(c.ha?.known).toBe(false)
      expect(c.ceph?.reason).toMatch(/^Not known now: /)
    } finally {
      fault.remove()
    }
    await until(() => cluster()?.ceph?.known === true && cluster()?.ha?.known === true)
  })

  it('a cluster without Ceph shows none, and no error', async () => {
    sim.cluster.setCeph(null)
    await until(() => cluster()?.ceph === null)
    expect(cluster()?.lastError).toBeNull()
  })
})

describe('HA and Ceph with a token lacking Sys.Audit on /', () => {
  let sim: Simulator
  let h: Harness

  afterAll(async () => {
    await h?.cleanup()
    await sim?.close()
  })

  it('hides both with the privilege they need, and asks Proxmox no more than once', async () => {
    ;({ sim } = await startWatchedCluster({ authDelayMs: 20, seed: 4 }, { timings: TIMINGS }).then(async (r) => {
      await r.h.cleanup()
      return r
    }))
    const t = sim.cluster.addToken({
      id: 'narrow@pve!tray',
      acls: [
        { path: '/vms', privs: ['VM.Audit'] },
        { path: '/nodes', privs: ['Sys.Audit'] },
        { path: '/storage', privs: ['Datastore.Audit'] }
      ]
    })
    h = makeHarness({ timings: TIMINGS })
    await h.core.start()
    const r = await h.core.dispatch('settings:save-cluster', clusterInput(sim, { tokenId: t.id, tokenSecret: t.secret }))
    if (!r.ok) throw new Error(r.error.message)
    const id = (r.value as SettingsView).clusters[0]?.id ?? ''
    const c = await until(() => {
      const s = h.core.getState().clusters.find((x) => x.clusterId === id)
      return s?.ha && s.ceph ? s : null
    })
    expect(c.ha).toMatchObject({ known: false, reason: HA_PRIVILEGE_REASON, resources: [] })
    expect(c.ceph).toMatchObject({ known: false, reason: CEPH_PRIVILEGE_REASON, health: null })
    const before = sim.requests({ path: /\/cluster\/(ha|ceph)\// }).length
    const status = sim.requests({ path: /\/cluster\/status$/ }).length
    await until(() => sim.requests({ path: /\/cluster\/status$/ }).length >= status + 3, 10_000)
    expect(sim.requests({ path: /\/cluster\/(ha|ceph)\// }).length).toBe(before)
    // Unchanged views stay the same objects poll after poll (no state delta pushed for them).
    const now = h.core.getState().clusters.find((x) => x.clusterId === id)
    expect(now?.ha).toBe(c.ha)
    expect(now?.ceph).toBe(c.ceph)
    expect(before).toBeLessThanOrEqual(2)
    const ep = sim.endpoints[0]
    const report = await h.core.dispatch('onboarding:test-connection', {
      endpoint: { host: ep?.host, port: ep?.port, node: ep?.node, fingerprint256: ep?.fingerprint256 },
      tokenId: t.id,
      tokenSecret: t.secret
    })
    const checks = report.ok ? (report.value as ConnectionTestResult).privileges : undefined
    expect(checks?.find((x) => x.feature === 'ha')).toMatchObject({ ok: false, missing: [{ path: '/', privilege: 'Sys.Audit' }] })
    expect(checks?.find((x) => x.feature === 'ceph')).toMatchObject({ ok: false, missing: [{ path: '/', privilege: 'Sys.Audit' }] })
  })
})
