// A power request that may have reached Proxmox but got no usable answer is "outcome unknown" in every
// layer, never "failed, try again"; the app then finds out what really happened: the task in the node's
// list (followed to its exit status), the guest's own state, or, when neither tells, "unknown" with what
// to check. Against the simulator: a pveproxy that answers late, and one that drops the connection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { Simulator } from '../../../../src/main/core/simulator'
import { taskFailureNotice, taskLine } from '../../../../src/main/core/tray/task-tracker'
import type { ActionResult, TaskProgress } from '../../../../src/shared/views'
import { type Harness, startWatchedCluster, until } from './app-core-harness'

let sim: Simulator
let h: Harness
let clusterId = ''

beforeEach(async () => {
  ;({ sim, h, clusterId } = await startWatchedCluster(
    // Tasks run 4 s: the one the app finds is still running (listed only with source=all, as on Proxmox).
    { authDelayMs: 20, taskDurationMs: 4000, statsIntervalMs: 60_000, seed: 3 },
    { timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000, responseTimeoutMs: 1500, outcomeCheckDelaysMs: [0, 2000, 4000] } }
  ))
}, 60_000)

afterEach(async () => {
  await h?.cleanup()
  await sim?.close()
})

function stoppedGuest() {
  const g = h.core
    .getState()
    .clusters[0]?.guests.find((x) => x.state === 'stopped' && x.kind === 'qemu' && !x.template && x.lock === null && x.hastate === null)
  if (!g) throw new Error('the simulator has no plain stopped VM')
  return g
}
const progressOf = (actionId: string): TaskProgress[] =>
  h.events
    .filter((e) => e.channel === 'task:progress')
    .map((e) => e.payload as TaskProgress)
    .filter((p) => p.actionId === actionId)
const words = (ps: TaskProgress[]): string => ps.map((p) => `${p.message ?? ''} ${p.exitStatus ?? ''}`).join(' | ')

describe('a power request with no usable answer', () => {
  it('answered too late: "outcome unknown", then the task is found in the node\'s list and followed to OK', async () => {
    const g = stoppedGuest()
    // pveproxy takes 3 s before it even handles the request; the client gives up after 1.5 s.
    sim.faults.slow(3000, { method: 'POST', path: new RegExp(`/${g.vmid}/status/start$`) })
    const r = await h.core.dispatch('guests:action', { clusterId, node: g.node, kind: g.kind, vmid: g.vmid, action: 'start' })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    const res = (r.ok ? r.value : null) as ActionResult
    expect(res).toMatchObject({ upid: null, outcome: 'unknown' })
    const first = progressOf(res.actionId).find((p) => p.phase === 'checking')
    expect(first?.message).toMatch(/may have been carried out/)
    // The tray says the same, not "failed".
    expect(taskLine(h.core.getState(), first as TaskProgress)).toMatch(/outcome unknown, checking/)
    expect(taskFailureNotice(h.core.getState(), first as TaskProgress)).toBeNull()
    const done = await until(() => progressOf(res.actionId).find((p) => p.phase === 'ok' || p.phase === 'failed' || p.phase === 'unknown'), 15_000)
    expect(done.phase).toBe('ok')
    expect(done.exitStatus).toBe('OK')
    // Found while still running, then followed: checking → running → ok.
    expect(progressOf(res.actionId).map((p) => p.phase)).toEqual(['pending', 'checking', 'running', 'ok'])
    expect(done.upid).toMatch(/:qmstart:/)
    expect(sim.requests({ method: 'POST', path: new RegExp(`/${g.vmid}/status/start$`) })).toHaveLength(1)
    expect(words(progressOf(res.actionId))).not.toMatch(/\btry again\b/i)
    await until(() => h.core.getState().clusters[0]?.guests.find((x) => x.vmid === g.vmid)?.state === 'running')
  })

  it('connection dropped and nothing happened: "unknown" with what to check, never "failed" or "try again"', async () => {
    const g = stoppedGuest()
    sim.faults.dropAfterRequest({ method: 'POST', path: new RegExp(`/${g.vmid}/status/start$`) })
    const r = await h.core.dispatch('guests:action', { clusterId, node: g.node, kind: g.kind, vmid: g.vmid, action: 'start' })
    const res = (r.ok ? r.value : null) as ActionResult
    expect(res.outcome).toBe('unknown')
    const end = await until(() => progressOf(res.actionId).find((p) => p.phase === 'unknown' || p.phase === 'ok' || p.phase === 'failed'), 15_000)
    expect(end.phase).toBe('unknown')
    expect(end.message).toMatch(
      /no start task for guest \d+ has appeared on .* so far, and the guest is still stopped\. Check the guest before sending it again/
    )
    expect(progressOf(res.actionId).some((p) => p.phase === 'failed')).toBe(false)
    expect(words(progressOf(res.actionId))).not.toMatch(/\btry again\b/i)
    const notice = taskFailureNotice(h.core.getState(), end)
    expect(notice?.title).toMatch(/outcome unknown/)
    expect(`${notice?.title} ${notice?.body}`).not.toMatch(/\bfailed\b|\btry again\b/i)
    expect(sim.cluster.guest(g.vmid)?.status).toBe('stopped')
  })
})
