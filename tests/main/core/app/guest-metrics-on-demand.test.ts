// A tray app spends most of its life with the dashboard closed: guests' moving figures (CPU, memory,
// uptime, disk and network rates) are read and published only while a renderer is there to show them.
import { afterEach, describe, expect, it } from 'vitest'

import type { Simulator } from '../../../../src/main/core/simulator'
import { generateCluster } from '../../../../src/main/core/simulator'
import type { GuestView } from '../../../../src/shared/snapshot'
import type { AppState } from '../../../../src/shared/views'
import { type Harness, startWatchedCluster, until } from './app-core-harness'

let sim: Simulator | null = null
let h: Harness | null = null
afterEach(async () => {
  await h?.cleanup()
  await sim?.close()
  h = null
  sim = null
})

const running = (s: AppState) => s.clusters[0]?.guests.filter((g) => g.state === 'running') ?? []

describe('guest figures on demand', () => {
  it('publishes no guest figures without a renderer, and real ones once a renderer asks for the state', async () => {
    const w = await startWatchedCluster(
      { cluster: generateCluster({ nodes: 2, guests: 12, seed: 4 }), authDelayMs: 0, statsIntervalMs: 50 },
      { timings: { taskPollMs: 50, pollIntervalMs: 200, connectTimeoutMs: 2000 } }
    )
    sim = w.sim
    h = w.h
    const core = w.h.core
    expect(running(core.getState()).length).toBeGreaterThan(0)
    // No renderer: the state (tray, notifications) carries no guest figures; node figures stay.
    expect(running(core.getState()).every((g) => g.cpu === null && g.mem === null && g.uptime === null)).toBe(true)
    expect(core.getState().clusters[0]?.nodes.some((n) => n.cpu !== null)).toBe(true)
    // A renderer subscribes and asks for the state: the next poll reads the figures.
    core.on('state:delta', () => undefined)
    const first = await core.dispatch('app:get-state', {})
    expect(first.ok).toBe(true)
    await until(() => running(core.getState()).every((g) => g.cpu !== null && g.uptime !== null && g.mem !== null), 5000)
  })

  it('a renderer that asks for the state before it subscribes gets figures at once, not a poll interval later', async () => {
    // The browser bridge's order. With a 60 s interval, only the subscription itself can bring the figures.
    const w = await startWatchedCluster(
      { cluster: generateCluster({ nodes: 2, guests: 12, seed: 5 }), authDelayMs: 0 },
      { timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000 } }
    )
    sim = w.sim
    h = w.h
    const core = w.h.core
    expect((await core.dispatch('app:get-state', {})).ok).toBe(true)
    expect(running(core.getState()).every((g) => g.cpu === null)).toBe(true)
    const off = core.on('state:delta', () => undefined)
    await until(() => running(core.getState()).length > 0 && running(core.getState()).every((g) => g.cpu !== null && g.uptime !== null), 5000)
    off()
  })

  it('publishes disk and network rates of running guests only while a renderer is there, from two pvestatd readings', async () => {
    // pvestatd every second here (10 s in life): rates need two of its readings after the renderer came.
    const w = await startWatchedCluster(
      { cluster: generateCluster({ nodes: 2, guests: 12, seed: 6 }), authDelayMs: 0, statsIntervalMs: 1000 },
      { timings: { taskPollMs: 50, pollIntervalMs: 200, connectTimeoutMs: 2000 } }
    )
    sim = w.sim
    h = w.h
    const core = w.h.core
    const rates = (g: GuestView) => [g.diskReadRate, g.diskWriteRate, g.netInRate, g.netOutRate]
    const all = (s: AppState) => s.clusters[0]?.guests ?? []
    expect(running(core.getState()).length).toBeGreaterThan(0)
    expect(all(core.getState()).every((g) => rates(g).every((r) => r === null))).toBe(true)
    const off = core.on('state:delta', () => undefined)
    expect((await core.dispatch('app:get-state', {})).ok).toBe(true)
    await until(() => running(core.getState()).every((g) => rates(g).every((r) => r !== null)), 8000)
    // The simulator's guests move at least ~10 kB/s each way; a stopped guest has no rate.
    for (const g of running(core.getState())) for (const r of rates(g)) expect(r).toBeGreaterThan(9_000)
    const stopped = all(core.getState()).filter((g) => g.state === 'stopped')
    expect(stopped.length).toBeGreaterThan(0)
    expect(stopped.every((g) => rates(g).every((r) => r === null))).toBe(true)
    // The renderer goes: the rates go with the other figures.
    off()
    await until(() => all(core.getState()).every((g) => rates(g).every((r) => r === null)), 5000)
  })

  it('a renderer that says which guests it shows gets figures for those only, at once from the last poll, and keeps its word across a reconnect', async () => {
    // A 60 s interval: whatever changes below comes from the declaration itself, never from a new poll.
    const w = await startWatchedCluster(
      { cluster: generateCluster({ nodes: 2, guests: 30, seed: 8 }), authDelayMs: 0 },
      { timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000 } }
    )
    sim = w.sim
    h = w.h
    const core = w.h.core
    let off = core.on('state:delta', () => undefined)
    await until(() => running(core.getState()).length > 3 && running(core.getState()).every((g) => g.cpu !== null), 5000)
    const clusterId = core.getState().clusters[0]?.clusterId ?? ''
    const requests = sim.requests().length
    const [a, b, ...rest] = running(core.getState())
    if (a === undefined || b === undefined) throw new Error('too few running guests')
    const shown = (vmids: number[]) => core.dispatch('guests:show-figures', { all: false, guests: vmids.map((vmid) => ({ clusterId, vmid })) })
    expect(await shown([a.vmid, b.vmid])).toEqual({ ok: true, value: null })
    const byVmid = (vmid: number) => core.getState().clusters[0]?.guests.find((g) => g.vmid === vmid)
    expect([byVmid(a.vmid)?.cpu, byVmid(b.vmid)?.uptime].every((x) => typeof x === 'number')).toBe(true)
    expect(rest.every((g) => byVmid(g.vmid)?.cpu === null && byVmid(g.vmid)?.mem === null)).toBe(true)
    // Other rows scrolled into view: theirs at once, the first two's gone.
    expect((await shown(rest.map((g) => g.vmid))).ok).toBe(true)
    expect(rest.every((g) => typeof byVmid(g.vmid)?.cpu === 'number')).toBe(true)
    expect(byVmid(a.vmid)?.cpu).toBeNull()
    // No poll ran for any of it.
    expect(sim.requests().length).toBe(requests)
    // The event stream drops and comes back (the browser bridge's page reconnects): the word still holds.
    off()
    off = core.on('state:delta', () => undefined)
    await until(() => rest.every((g) => typeof byVmid(g.vmid)?.cpu === 'number'), 5000)
    expect(byVmid(a.vmid)?.cpu).toBeNull()
    // Sorted by a figure: all of them.
    expect((await core.dispatch('guests:show-figures', { all: true, guests: [] })).ok).toBe(true)
    expect(running(core.getState()).every((g) => typeof g.cpu === 'number')).toBe(true)
    // A cluster id nobody has is not an error (removed while the renderer looked); an oversized list is refused.
    expect((await core.dispatch('guests:show-figures', { all: false, guests: [{ clusterId: 'gone', vmid: 100 }] })).ok).toBe(true)
    expect(running(core.getState()).every((g) => g.cpu === null)).toBe(true)
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ clusterId, vmid: 100 + i }))
    expect(await core.dispatch('guests:show-figures', { all: false, guests: tooMany })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    off()
  })
})
