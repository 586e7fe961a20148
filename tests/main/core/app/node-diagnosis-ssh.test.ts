// SSH where the API cannot answer, end to end in the app core against the demo simulator's SSH hosts: a node
// that is down says so on the API and SSH (and its node-down notification event carries it); a cluster whose
// pveproxy is stopped everywhere answers over SSH, and "Restart pveproxy" (control mode) brings its API back.
import { afterEach, describe, expect, it } from 'vitest'

import { demoClusterFrom, demoSshOptions } from '../../../../src/main/core/app/default-demo'
import { createDemoSshIdentity } from '../../../../src/main/core/app/demo-ssh'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import type { NodeDiagnosis, ServiceRestartResult } from '../../../../src/shared/views'
import { type Harness, makeHarness, until } from './app-core-harness'

let h: Harness | null = null
let sim: Simulator | null = null

afterEach(async () => {
  await h?.cleanup()
  h = null
  sim = null // closed by the demo's close (the core stops it)
})

async function startDemo(): Promise<{ h: Harness; sim: Simulator; clusterId: string; events: MonitorEvent[] }> {
  const identity = createDemoSshIdentity()
  const harness = makeHarness({
    startDemo: async () => {
      const s = await startSimulator({ seed: 1, authDelayMs: 10, offlineAfterMs: 300, statsIntervalMs: 1000, ...demoSshOptions(identity) })
      sim = s
      return demoClusterFrom(s, identity, () => s.close())
    },
    timings: { taskPollMs: 50, pollIntervalMs: 400, connectTimeoutMs: 1000 }
  })
  h = harness
  const events: MonitorEvent[] = []
  harness.core.onMonitorEvent((e) => events.push(e))
  await harness.core.start()
  const clusterId = (await until(() => harness.core.getState().clusters[0]?.fetchedAt != null && harness.core.getState().clusters[0])).clusterId
  if (sim === null) throw new Error('the demo did not start')
  return { h: harness, sim, clusterId, events }
}

async function diagnose(core: Harness['core'], clusterId: string, node: string, fresh = false): Promise<NodeDiagnosis | null> {
  const r = await core.dispatch('nodes:diagnose', { clusterId, node, fresh })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as NodeDiagnosis | null
}

describe('SSH where the API cannot answer', () => {
  it('a node that is down: no answer on the API nor SSH, said in its node-down event', async () => {
    const { h, sim, clusterId, events } = await startDemo()
    // Up: no diagnosis is running for it, and asking says what SSH sees (all services run).
    const up = await diagnose(h.core, clusterId, 'pve-b')
    expect(up?.verdict).toBe('ssh-only')
    expect(up?.services.every((s) => s.state === 'active')).toBe(true)

    // sshd and pveproxy stopped answering (connections refused): SSH answers the question before the down is
    // confirmed, and the node-down event carries what it said.
    await sim.faults.nodeDown('pve-b')
    const down = await until(() => events.find((e) => e.kind === 'node-down' && e.node === 'pve-b'), 15_000)
    expect(down.detail).toMatch(/^pve-b refuses SSH and its API does not answer: something answers at its address/)

    // Powered off: nothing answers at its address (connections hang) while the other nodes report it offline.
    await sim.faults.nodeDown('pve-c', 'hang')
    await until(() => h.core.getState().clusters[0]?.nodes.find((n) => n.name === 'pve-c')?.status === 'offline', 15_000)
    const d = await diagnose(h.core, clusterId, 'pve-c', true)
    expect(d).toMatchObject({ verdict: 'down', summary: 'pve-c is down (no answer on the API nor SSH).' })
    expect(d?.reason).toMatch(/did not finish the SSH handshake and login within 5 s/)
  }, 30_000)

  it('pveproxy stopped: SSH answers with the services, and Restart pveproxy brings the API back', async () => {
    const { h, sim, clusterId } = await startDemo()
    const nodes = ['pve-a', 'pve-b', 'pve-c', 'pve-d']
    for (const n of nodes) await sim.faults.stopService(n, 'pveproxy')
    // No endpoint answers: the snapshot turns stale (its figures the last ones seen), health unknown.
    await until(() => h.core.getState().clusters[0]?.lastError?.kind === 'unreachable', 15_000)
    // The automatic probe started when the cluster stopped answering; asking waits for it.
    const d = await diagnose(h.core, clusterId, 'pve-a')
    expect(d?.verdict).toBe('ssh-only')
    expect(d?.summary).toBe('pve-a answers over SSH but its Proxmox API does not (pveproxy stopped).')
    expect(d?.services).toContainEqual({ unit: 'pveproxy', state: 'inactive' })

    const r = await h.core.dispatch('nodes:restart-pveproxy', { clusterId, node: 'pve-a' })
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    expect(r.value as ServiceRestartResult).toEqual({ outcome: 'restarted', message: 'pveproxy was restarted on pve-a.' })
    await until(() => h.core.getState().clusters[0]?.lastError === null, 15_000)
    expect((await diagnose(h.core, clusterId, 'pve-a', true))?.services).toContainEqual({ unit: 'pveproxy', state: 'active' })
  }, 30_000)

  it('refuses a restart or a diagnosis for a node the cluster does not have', async () => {
    const { h, clusterId } = await startDemo()
    expect(await h.core.dispatch('nodes:restart-pveproxy', { clusterId, node: 'pve-zz' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await h.core.dispatch('nodes:diagnose', { clusterId, node: 'pve-zz' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  }, 30_000)
})
