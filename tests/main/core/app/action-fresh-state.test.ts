// After a power action the user started ends OK, the guest's row shows the new state at once, although
// /cluster/resources (pvestatd's view, refreshed every 10 s on a real cluster) still shows the old one:
// the app asks the node for that guest's current status when the task ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Simulator } from '../../../../src/main/core/simulator'
import type { ActionResult, TaskProgress } from '../../../../src/shared/views'
import { call } from '../simulator/sim-client'
import { type Harness, startWatchedCluster, until } from './app-core-harness'

let sim: Simulator
let h: Harness
let clusterId = ''

beforeAll(async () => {
  // One pvestatd round a minute: for this whole test the cluster list never catches up by itself.
  ;({ sim, h, clusterId } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 150, statsIntervalMs: 60_000, seed: 3 }))
}, 60_000)

afterAll(async () => {
  await h?.cleanup()
  await sim?.close()
})

const guestView = (vmid: number) =>
  h.core
    .getState()
    .clusters.find((c) => c.clusterId === clusterId)
    ?.guests.find((g) => g.vmid === vmid)
async function listed(vmid: number): Promise<string | undefined> {
  const res = await call(sim, 'GET', '/api2/json/cluster/resources?type=vm')
  return ((res.json as { data: { vmid?: number; status: string }[] }).data ?? []).find((i) => i.vmid === vmid)?.status
}

describe('the row right after an action ends', () => {
  // (Not an HA-managed guest: its "hastop" request task ends before the HA manager stops it, and the node
  // then rightly still says running.)
  it('shows the node\'s own state at once: never "running" offering Stop next to "Stop: OK"', async () => {
    const g = h.core
      .getState()
      .clusters[0]?.guests.find((x) => x.state === 'running' && x.kind === 'qemu' && !x.template && x.lock === null && x.hastate === null)
    expect(g).toBeDefined()
    if (!g) return
    const r = await h.core.dispatch('guests:action', { clusterId, node: g.node, kind: g.kind, vmid: g.vmid, action: 'stop' })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    const actionId = (r.ok ? (r.value as ActionResult) : null)?.actionId
    await until(() =>
      h.events.some((e) => e.channel === 'task:progress' && (e.payload as TaskProgress).actionId === actionId && (e.payload as TaskProgress).phase === 'ok')
    )
    const view = await until(() => (guestView(g.vmid)?.state === 'stopped' ? guestView(g.vmid) : null), 3000)
    expect(view.actions).not.toContain('stop')
    expect(view.actions).toContain('start')
    // The cluster list itself still says running: the state shown came from the node.
    expect(sim.cluster.guest(g.vmid)?.status).toBe('stopped')
    expect(await listed(g.vmid)).toBe('running')
    // A poll of that lagging list does not bring "running" back.
    await h.core.dispatch('clusters:refresh', { clusterId })
    expect(guestView(g.vmid)?.state).toBe('stopped')
  })
})
