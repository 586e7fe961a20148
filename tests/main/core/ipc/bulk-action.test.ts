// guests:bulk-action against the simulator over real HTTPS: at most BULK_PER_NODE tasks in flight per node
// (nodes in parallel), every guest re-checked with the single action's refusal rules before anything is
// sent and again when its turn comes, an unanswered request reported as "not known" (never "failed"),
// cancel of the unsent remainder, and one notification per bulk run instead of one per failed guest.
import { afterEach, describe, expect, it } from 'vitest'

import type { Simulator } from '../../../../src/main/core/simulator'
import { startSimulator } from '../../../../src/main/core/simulator'
import { taskFailureNotice } from '../../../../src/main/core/tray/task-tracker'
import { BULK_PER_NODE, type BulkActionResult, type BulkCancelResult } from '../../../../src/shared/bulk-actions'
import type { GuestView } from '../../../../src/shared/snapshot'
import type { TaskProgress } from '../../../../src/shared/views'
import { clusterInput, type Harness, makeHarness, startWatchedCluster, until } from '../app/app-core-harness'

let sim: Simulator | undefined
let h: Harness | undefined
afterEach(async () => {
  await h?.cleanup()
  await sim?.close()
  h = undefined
  sim = undefined
})

const TIMINGS = { taskPollMs: 30, pollIntervalMs: 60_000, connectTimeoutMs: 2000, responseTimeoutMs: 1500, outcomeCheckDelaysMs: [0, 200, 400] }
const ENDED = new Set(['ok', 'failed', 'unknown'])

function guests(hh: Harness): readonly GuestView[] {
  return hh.core.getState().clusters[0]?.guests ?? []
}
const ref = (clusterId: string, g: GuestView) => ({ clusterId, node: g.node, kind: g.kind, vmid: g.vmid })
function progress(hh: Harness, batchId: string): TaskProgress[] {
  return hh.events
    .filter((e) => e.channel === 'task:progress')
    .map((e) => e.payload as TaskProgress)
    .filter((p) => p.batchId === batchId)
}
function last(hh: Harness, actionId: string): TaskProgress | undefined {
  return hh.events
    .filter((e) => e.channel === 'task:progress')
    .map((e) => e.payload as TaskProgress)
    .filter((p) => p.actionId === actionId)
    .at(-1)
}
async function bulk(hh: Harness, input: unknown): Promise<BulkActionResult> {
  const r = await hh.core.dispatch('guests:bulk-action', input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as BulkActionResult
}
async function allEnded(hh: Harness, res: BulkActionResult, timeoutMs = 20_000): Promise<Map<number, TaskProgress>> {
  return until(() => {
    const ends = new Map<number, TaskProgress>()
    for (const q of res.queued) {
      const p = last(hh, q.actionId)
      if (p === undefined || !ENDED.has(p.phase)) return undefined
      ends.set(q.vmid, p)
    }
    return ends
  }, timeoutMs)
}
const posts = (s: Simulator, vmid: number): number => s.requests({ method: 'POST', path: new RegExp(`/${vmid}/status/`) }).length

describe('guests:bulk-action', () => {
  it(`never has more than ${BULK_PER_NODE} tasks running per node, runs nodes in parallel, and ends every guest OK`, async () => {
    ;({ sim, h } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 400, statsIntervalMs: 100, seed: 4 }, { timings: TIMINGS }))
    const s = sim
    const clusterId = h.core.getState().clusters[0]?.clusterId ?? ''
    // Every running guest without a lock: five on pve-a, three or more on each other node.
    const chosen = guests(h).filter((g) => g.state === 'running' && g.lock === null && !g.template)
    expect(chosen.filter((g) => g.node === 'pve-a').length).toBeGreaterThanOrEqual(4)
    // Sampled from the simulator itself: reboot tasks running now, per node.
    const maxPerNode = new Map<string, number>()
    let maxNodesAtOnce = 0
    const sampler = setInterval(() => {
      const running = s.cluster.tasks().filter((t) => t.status === 'running' && /^(qm|vz)reboot$/.test(t.type))
      const per = new Map<string, number>()
      for (const t of running) per.set(t.node, (per.get(t.node) ?? 0) + 1)
      for (const [n, c] of per) maxPerNode.set(n, Math.max(maxPerNode.get(n) ?? 0, c))
      maxNodesAtOnce = Math.max(maxNodesAtOnce, per.size)
    }, 10)
    try {
      const res = await bulk(h, { action: 'reboot', guests: chosen.map((g) => ref(clusterId, g)) })
      expect(res.skipped).toEqual([])
      expect(res.queued.map((q) => q.vmid)).toEqual(chosen.map((g) => g.vmid))
      expect(new Set(res.queued.map((q) => q.actionId)).size).toBe(chosen.length)
      const ends = await allEnded(h, res)
      expect([...ends.values()].map((p) => p.phase)).toEqual(chosen.map(() => 'ok'))
      for (const p of ends.values()) expect(p.upid).toMatch(/:(qm|vz)reboot:/)
    } finally {
      clearInterval(sampler)
    }
    expect(Math.max(...maxPerNode.values())).toBeLessThanOrEqual(BULK_PER_NODE)
    expect(maxPerNode.get('pve-a')).toBe(BULK_PER_NODE)
    expect(maxNodesAtOnce).toBeGreaterThanOrEqual(3)
    // The app's own view of "in flight" (request sent → task ended) agrees, from the progress events alone.
    const inFlight = new Map<string, Set<string>>()
    let appMax = 0
    for (const e of h.events.filter((x) => x.channel === 'task:progress')) {
      const p = e.payload as TaskProgress
      const set = inFlight.get(p.node) ?? new Set<string>()
      inFlight.set(p.node, set)
      if (ENDED.has(p.phase)) set.delete(p.actionId)
      else set.add(p.actionId)
      appMax = Math.max(appMax, set.size)
    }
    expect(appMax).toBe(BULK_PER_NODE)
    for (const g of chosen) expect(posts(s, g.vmid)).toBe(1)
  }, 60_000)

  it("re-checks every guest with the single action's rules: skipped ones say why and get no request", async () => {
    sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 200, statsIntervalMs: 100, seed: 5 })
    // May power only VMs 111 and 108 (and see everything): the others are the token's to watch, not to power.
    const token = sim.cluster.addToken({
      id: 'ops@pve!bulk',
      acls: [
        { path: '/', privs: ['PVEAuditor'] },
        { path: '/vms/111', privs: ['PVEVMUser'] },
        { path: '/vms/108', privs: ['PVEVMUser'] }
      ]
    })
    h = makeHarness({ timings: TIMINGS })
    await h.core.start()
    const saved = await h.core.dispatch('settings:save-cluster', clusterInput(sim, { tokenId: token.id, tokenSecret: token.secret }))
    if (!saved.ok) throw new Error(saved.error.message)
    const hh = h
    await until(() => guests(hh).length > 0)
    const clusterId = h.core.getState().clusters[0]?.clusterId ?? ''
    const byId = (vmid: number): GuestView => guests(hh).find((g) => g.vmid === vmid) as GuestView
    const res = await bulk(h, {
      action: 'reboot',
      guests: [
        ref(clusterId, byId(111)),
        ref(clusterId, byId(100)), // running, but this token lacks VM.PowerMgmt there
        ref(clusterId, byId(108)), // stopped
        ref(clusterId, byId(9000)), // template
        ref(clusterId, byId(104)), // locked (backup)
        { ...ref(clusterId, byId(112)), node: 'pve-a' } // moved: it is on pve-b
      ]
    })
    expect(res.queued.map((q) => q.vmid)).toEqual([111])
    const why = Object.fromEntries(res.skipped.map((x) => [x.vmid, `${x.code}: ${x.reason}`]))
    expect(why[100]).toMatch(/^permission: .*lacks VM\.PowerMgmt/)
    expect(why[108]).toMatch(/^refused: The guest cannot reboot now/)
    expect(why[9000]).toMatch(/^refused: .*template/)
    expect(why[104]).toMatch(/^refused: .*locked \(backup\)/)
    expect(why[112]).toMatch(/^not-found: .*now on node pve-b/)
    const ends = await allEnded(h, res)
    expect(ends.get(111)?.phase).toBe('ok')
    for (const vmid of [100, 108, 9000, 104, 112]) expect(posts(sim, vmid)).toBe(0)
    expect(progress(h, res.batchId).every((p) => p.vmid === 111)).toBe(true)
  }, 60_000)

  it('guests the snapshot lacks cost one fresh poll for the whole list, not one each', async () => {
    const started = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 200, seed: 5 }, { timings: TIMINGS })
    ;({ sim, h } = started)
    const { clusterId } = started
    const s = started.sim
    const polls = (): number => s.requests({ path: /\/cluster\/resources$/ }).length
    const before = polls()
    const gone = Array.from({ length: 40 }, (_, i) => ({ clusterId, node: 'pve-a', kind: 'qemu' as const, vmid: 5000 + i }))
    const res = await bulk(started.h, { action: 'start', guests: gone })
    expect(res.queued).toEqual([])
    expect(res.skipped).toHaveLength(40)
    expect(res.skipped.every((x) => x.code === 'not-found')).toBe(true)
    expect(polls() - before).toBe(1)
  }, 60_000)

  it('a guest whose state changed while it waited for its turn is refused then, and nothing is sent for it', async () => {
    ;({ sim, h } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 600, statsIntervalMs: 50, seed: 6 }, { timings: TIMINGS }))
    const clusterId = h.core.getState().clusters[0]?.clusterId ?? ''
    const onA = guests(h).filter((g) => g.node === 'pve-a' && g.state === 'running' && g.lock === null && !g.template)
    expect(onA.length).toBeGreaterThanOrEqual(BULK_PER_NODE + 1)
    const chosen = onA.slice(0, BULK_PER_NODE + 1)
    const third = chosen[BULK_PER_NODE] as GuestView
    const res = await bulk(h, { action: 'reboot', guests: chosen.map((g) => ref(clusterId, g)) })
    expect(res.queued).toHaveLength(chosen.length)
    // Someone else stops it while the first two run.
    sim.cluster.updateGuest(third.vmid, { status: 'stopped' })
    const ends = await allEnded(h, res)
    const p = ends.get(third.vmid)
    expect(p?.phase).toBe('failed')
    expect(p?.message).toMatch(/^Nothing was sent: The guest cannot reboot now/)
    expect(posts(sim, third.vmid)).toBe(0)
    for (const g of chosen.slice(0, BULK_PER_NODE)) expect(ends.get(g.vmid)?.phase).toBe('ok')
  }, 60_000)

  it('an unanswered request is "not known" after the check, never "failed"; the others run on to OK', async () => {
    ;({ sim, h } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 300, statsIntervalMs: 100, seed: 7 }, { timings: TIMINGS }))
    const clusterId = h.core.getState().clusters[0]?.clusterId ?? ''
    const chosen = guests(h).filter((g) => g.state === 'stopped' && !g.template && g.lock === null && g.hastate === null)
    expect(chosen.length).toBeGreaterThanOrEqual(3)
    const lost = chosen[0] as GuestView
    sim.faults.dropAfterRequest({ method: 'POST', path: new RegExp(`/${lost.vmid}/status/start$`) })
    const res = await bulk(h, { action: 'start', guests: chosen.map((g) => ref(clusterId, g)) })
    const ends = await allEnded(h, res)
    expect(ends.get(lost.vmid)?.phase).toBe('unknown')
    expect(ends.get(lost.vmid)?.message).toMatch(/Check the guest before sending it again/)
    const lostPhases = progress(h, res.batchId)
      .filter((p) => p.vmid === lost.vmid)
      .map((p) => p.phase)
    expect(lostPhases).toContain('checking')
    expect(lostPhases).not.toContain('failed')
    for (const g of chosen.slice(1)) expect(ends.get(g.vmid)?.phase).toBe('ok')
    // The tray makes it one notification for the run, and says "outcome unknown", not "failed".
    const notice = taskFailureNotice(h.core.getState(), ends.get(lost.vmid) as TaskProgress)
    expect(notice?.id).toBe(`task-failed:batch:${res.batchId}`)
    expect(notice?.title).toMatch(/outcome unknown/)
    expect(`${notice?.title} ${notice?.body}`).not.toMatch(/\bfailed\b|\btry again\b/i)
  }, 60_000)

  it('cancel drops what was not sent yet; what was sent runs to its end', async () => {
    ;({ sim, h } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 1500, statsIntervalMs: 100, seed: 8 }, { timings: TIMINGS }))
    const clusterId = h.core.getState().clusters[0]?.clusterId ?? ''
    const onA = guests(h).filter((g) => g.node === 'pve-a' && g.state === 'running' && g.lock === null && !g.template)
    expect(onA.length).toBeGreaterThanOrEqual(BULK_PER_NODE + 2)
    const res = await bulk(h, { action: 'reboot', guests: onA.map((g) => ref(clusterId, g)) })
    const c = await h.core.dispatch('guests:bulk-cancel', { batchId: res.batchId })
    expect(c.ok).toBe(true)
    const cancelled = (c.ok ? c.value : { cancelled: [] }) as BulkCancelResult
    expect(cancelled.cancelled).toEqual(res.queued.slice(BULK_PER_NODE).map((q) => q.actionId))
    const sent = { ...res, queued: res.queued.slice(0, BULK_PER_NODE) }
    const ends = await allEnded(h, sent)
    expect([...ends.values()].map((p) => p.phase)).toEqual(sent.queued.map(() => 'ok'))
    await new Promise((r) => setTimeout(r, 300))
    for (const q of res.queued.slice(BULK_PER_NODE)) {
      expect(last(h, q.actionId)).toBeUndefined()
      expect(posts(sim, q.vmid)).toBe(0)
    }
    // A finished run has nothing left to cancel.
    expect(await h.core.dispatch('guests:bulk-cancel', { batchId: res.batchId })).toEqual({ ok: true, value: { cancelled: [] } })
  }, 60_000)

  it('refuses a list with a guest twice, an action not offered in bulk, and an empty list', async () => {
    ;({ sim, h } = await startWatchedCluster({ authDelayMs: 20, seed: 9 }, { timings: TIMINGS }))
    const clusterId = h.core.getState().clusters[0]?.clusterId ?? ''
    const g = guests(h)[0] as GuestView
    for (const input of [
      { action: 'reboot', guests: [ref(clusterId, g), ref(clusterId, g)] },
      { action: 'suspend', guests: [ref(clusterId, g)] },
      { action: 'start', guests: [] }
    ]) {
      const r = await h.core.dispatch('guests:bulk-action', input)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('invalid-input')
    }
    expect(sim.requests({ method: 'POST' })).toHaveLength(0)
  }, 30_000)
})
