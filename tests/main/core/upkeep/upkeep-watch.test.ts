// Node upkeep through the app core against the simulator's demo cluster: updates, certificates, replication and
// subscription read on their own schedule (never by the poll, never a POST that refreshes the package index),
// "Check again" on demand, one event per certificate stage and per replication failure streak, a privilege the
// token lacks hides the feature with the reason and is never asked for, a malformed answer is "not known".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import type { ClusterUpkeep, NodeUpkeep } from '../../../../src/shared/upkeep'
import { waitFor } from '../../../helpers/wait-for'
import { clusterInput, type Harness, makeHarness, startWatchedCluster, until } from '../app/app-core-harness'

const HOUR = 3_600_000
let sim: Simulator
let h: Harness
let clusterId: string
let clock = Date.now()
const notified: MonitorEvent[] = []

beforeAll(async () => {
  ;({ sim, h, clusterId } = await startWatchedCluster(
    { authDelayMs: 20, taskDurationMs: 100, seed: 3 },
    { now: () => clock, timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000, upkeepTickMs: 50 } }
  ))
  h.core.onMonitorEvent((e) => notified.push(e))
})
afterAll(async () => {
  await h.cleanup()
  await sim.close()
})

async function upkeep(channel: 'upkeep:get' | 'upkeep:check', input: Record<string, unknown>, core = h.core): Promise<ClusterUpkeep> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as ClusterUpkeep
}
const nodeOf = (u: ClusterUpkeep, node: string): NodeUpkeep => {
  const n = u.nodes.find((x) => x.node === node)
  if (n === undefined) throw new Error(`no ${node}`)
  return n
}
const allKnown = (u: ClusterUpkeep): boolean => u.nodes.length === 4 && u.nodes.every((n) => n.updates.known && n.certificate.known && n.replication.known)
const reads = (what: string, node = '[^/]+'): number => sim.requests({ path: new RegExp(`/nodes/${node}/${what}$`) }).length
const ofKind = (kind: string): MonitorEvent[] => notified.filter((e) => e.kind === kind)

describe('node upkeep', () => {
  it("reads each node's updates, certificate, replication and subscription once, with GETs only", async () => {
    const u = await waitFor(
      async () => {
        const v = await upkeep('upkeep:get', { clusterId })
        return allKnown(v) ? v : undefined
      },
      { timeoutMs: 10_000, what: 'every node read' }
    )
    const a = nodeOf(u, 'pve-a')
    expect(a.updates.known && a.updates.packages.map((p) => `${p.name} ${p.oldVersion ?? '(new)'} → ${p.newVersion}`)).toContain('pve-manager 9.0.10 → 9.0.11')
    expect(a.updates.known && a.updates.packages).toHaveLength(7)
    expect(a.updates.known && a.updates.packages.find((p) => p.name === 'proxmox-kernel-6.17.2-2-pve-signed')?.oldVersion).toBeNull()
    expect(nodeOf(u, 'pve-b').updates).toMatchObject({ known: true, packages: [] })
    const cert = nodeOf(u, 'pve-b').certificate
    expect(cert.known && cert.filename).toBe('pve-ssl.pem')
    expect(cert.known && Math.round((cert.notAfter - clock) / 86_400_000)).toBe(12)
    expect(nodeOf(u, 'pve-a').subscription).toMatchObject({ known: true, status: 'active', level: 'c' })
    expect(nodeOf(u, 'pve-d').subscription).toMatchObject({ known: true, status: 'expired', nextDueDate: '2026-11-30' })
    const failing = nodeOf(u, 'pve-c').replication
    expect(failing.known && failing.jobs.find((j) => j.id === '103-0')).toMatchObject({ guest: 103, target: 'pve-d', failCount: 4 })
    expect(failing.known && failing.jobs.find((j) => j.id === '103-0')?.error).toMatch(/exit code 255/)
    // Never the POST that refreshes the package index; nothing but GETs of these paths.
    expect(sim.requests({ method: 'POST', path: /apt/ })).toHaveLength(0)
    expect(reads('apt/update')).toBe(4)
  })

  it('reads them again only when due: updates after hours, replication after minutes', async () => {
    const before = { apt: reads('apt/update'), repl: reads('replication') }
    await new Promise((r) => setTimeout(r, 300))
    expect(reads('apt/update')).toBe(before.apt)
    expect(reads('replication')).toBe(before.repl)
    clock += 11 * 60_000
    await until(() => reads('replication') === before.repl + 4)
    expect(reads('apt/update')).toBe(before.apt)
    clock += 3 * HOUR
    await until(() => reads('apt/update') === before.apt + 4)
    // Back to the simulator's time for the texts below ("last successful sync 15 min ago"); nothing is due then.
    clock = Date.now()
  })

  it('"Check again" reads one node now and answers with what it read', async () => {
    const before = reads('apt/update', 'pve-a')
    sim.upkeep.setUpdates('pve-a', [{ package: 'pve-manager', oldVersion: '9.0.11', version: '9.0.12' }])
    const u = await upkeep('upkeep:check', { clusterId, node: 'pve-a' })
    expect(reads('apt/update', 'pve-a')).toBe(before + 1)
    expect(nodeOf(u, 'pve-a').updates).toMatchObject({ known: true, packages: [{ name: 'pve-manager', oldVersion: '9.0.11', newVersion: '9.0.12' }] })
  })

  it('a certificate: one event 30 days before, one 7 days before, one when expired; none again', async () => {
    expect(ofKind('certificate-expiring').map((e) => e.node)).toEqual(['pve-b'])
    expect(ofKind('certificate-expiring')[0]?.message).toMatch(/^The certificate of pve-b \(pve-ssl\.pem\) expires in 1[12] days/)
    await upkeep('upkeep:check', { clusterId })
    await upkeep('upkeep:check', { clusterId, node: 'pve-b' })
    expect(ofKind('certificate-expiring')).toHaveLength(1)
    sim.upkeep.setCertificateDaysLeft('pve-b', 5)
    await upkeep('upkeep:check', { clusterId, node: 'pve-b' })
    await upkeep('upkeep:check', { clusterId, node: 'pve-b' })
    expect(ofKind('certificate-expiring')).toHaveLength(2)
    expect(ofKind('certificate-expiring')[1]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/expires in [45] days/) })
    sim.upkeep.setCertificateDaysLeft('pve-b', -2)
    await upkeep('upkeep:check', { clusterId, node: 'pve-b' })
    await upkeep('upkeep:check', { clusterId, node: 'pve-b' })
    expect(ofKind('certificate-expiring')).toHaveLength(3)
    expect(ofKind('certificate-expiring')[2]).toMatchObject({ severity: 'critical', message: expect.stringMatching(/expired on/) })
    // Seen first within 7 days (another node): that stage only, not the 30-day one after it.
    sim.upkeep.setCertificateDaysLeft('pve-a', 3)
    await upkeep('upkeep:check', { clusterId, node: 'pve-a' })
    expect(ofKind('certificate-expiring').filter((e) => e.node === 'pve-a')).toHaveLength(1)
    // The timeline has them too.
    expect(h.core.getState().events.filter((e) => e.kind === 'certificate-expiring')).toHaveLength(4)
  })

  it('a failing replication job: one event per failure streak, with the guest and Proxmox’s error', async () => {
    const first = ofKind('replication-failed')
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ node: 'pve-c', guest: { vmid: 103, kind: 'qemu', name: 'db-replica' }, detail: expect.stringMatching(/exit code 255/) })
    expect(first[0]?.message).toMatch(/^Replication job 103-0 of VM 103 \(db-replica\) from pve-c to pve-d failed 4 times in a row; last successful sync 1 h/)
    await upkeep('upkeep:check', { clusterId, node: 'pve-c' })
    expect(ofKind('replication-failed')).toHaveLength(1)
    sim.upkeep.setReplication('pve-c', [{ guest: 103, target: 'pve-d', lastSyncAgoSec: 10 }])
    await upkeep('upkeep:check', { clusterId, node: 'pve-c' })
    expect(ofKind('replication-failed')).toHaveLength(1)
    sim.upkeep.setReplication('pve-c', [{ guest: 103, target: 'pve-d', lastSyncAgoSec: 900, failCount: 1, error: 'no route to host' }])
    await upkeep('upkeep:check', { clusterId, node: 'pve-c' })
    expect(ofKind('replication-failed')).toHaveLength(2)
    expect(ofKind('replication-failed')[1]?.message).toMatch(/failed; last successful sync 15 min ago/)
  })

  it('a malformed answer is "not known", never "no updates"', async () => {
    const fault = sim.faults.malformedJson({ path: /\/apt\/update$/ })
    try {
      const u = await upkeep('upkeep:check', { clusterId, node: 'pve-b' })
      expect(nodeOf(u, 'pve-b').updates).toMatchObject({ known: false, hidden: false, reason: expect.stringMatching(/^not known/) })
    } finally {
      fault.remove()
    }
  })

  it('an unknown cluster is refused in words', async () => {
    const r = await h.core.dispatch('upkeep:get', { clusterId: 'nope' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('node upkeep with a monitor-only token, one node down', () => {
  let sim2: Simulator
  let h2: Harness
  let id2 = ''

  beforeAll(async () => {
    sim2 = await startSimulator({ authDelayMs: 20, offlineAfterMs: 50, seed: 4 })
    await sim2.faults.nodeDown('pve-d')
    await new Promise((r) => setTimeout(r, 100))
    h2 = makeHarness({ timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 1000, upkeepTickMs: 50 } })
    await h2.core.start()
    const r = await h2.core.dispatch(
      'settings:save-cluster',
      clusterInput(sim2, { mode: 'monitor', tokenId: sim2.tokens.auditor.id, tokenSecret: sim2.tokens.auditor.secret })
    )
    if (!r.ok) throw new Error(r.error.message)
    id2 = (r.value as { clusters: { id: string }[] }).clusters[0]?.id ?? ''
  })
  afterAll(async () => {
    await h2.cleanup()
    await sim2.close()
  })

  it('updates are hidden with the privilege they need and never asked for; the rest shows; the down node is not asked', async () => {
    const u = await waitFor(
      async () => {
        const v = await upkeep('upkeep:get', { clusterId: id2 }, h2.core)
        return v.nodes.length === 4 && v.nodes.filter((n) => n.certificate.known).length === 3 ? v : undefined
      },
      { timeoutMs: 10_000, what: 'the online nodes read' }
    )
    for (const n of ['pve-a', 'pve-b', 'pve-c']) {
      expect(nodeOf(u, n).updates).toEqual({
        known: false,
        hidden: true,
        reason: `hidden: the API token lacks Sys.Modify on /nodes/${n}`,
        checkedAt: expect.any(Number)
      })
      expect(nodeOf(u, n).replication.known).toBe(true)
    }
    // Once the token's permissions are known, nothing is sent that would only come back 403.
    expect(sim2.requests({ path: /\/apt\/update$/ }).filter((q) => q.status === 403).length).toBeLessThanOrEqual(3)
    const after = sim2.requests({ path: /\/apt\/update$/ }).length
    await upkeep('upkeep:check', { clusterId: id2 }, h2.core)
    expect(sim2.requests({ path: /\/apt\/update$/ })).toHaveLength(after)
    expect(nodeOf(u, 'pve-d')).toMatchObject({ updates: { known: false, reason: 'not known: the node is not answering' }, certificate: { known: false } })
    expect(sim2.requests({ path: /\/nodes\/pve-d\/(certificates|subscription|replication)/ })).toHaveLength(0)
  })
})

describe('node upkeep: "Check again" asked many times at once', () => {
  it('reads each node once per round, however often it is asked meanwhile', async () => {
    const before = reads('apt/update', 'pve-a')
    const all = await Promise.all(Array.from({ length: 20 }, () => h.core.dispatch('upkeep:check', { clusterId, node: 'pve-a' })))
    expect(all.every((r) => r.ok)).toBe(true)
    expect(reads('apt/update', 'pve-a')).toBe(before + 1)
  })
})
