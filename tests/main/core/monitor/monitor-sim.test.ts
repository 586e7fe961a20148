// The monitor against the real simulator and the real Proxmox client, in real (short) time.
import { afterEach, describe, expect, it } from 'vitest'

import { type Harness, last, startHarness } from './monitor-sim-harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const nodeStatus = (hh: Harness, name: string): string | undefined => last(hh).nodes.find((n) => n.name === name)?.status

describe('ClusterMonitor on the simulator', () => {
  it('sends exactly ONE HTTP request per regular poll cycle', async () => {
    h = await startHarness({ monitor: { statusEvery: 4 } })
    await h.cyclesMore(9)
    const cycles = h.cycles
    expect(cycles[0]?.info.fetchedStatus).toBe(true)
    let regular = 0
    for (let i = 1; i < cycles.length; i++) {
      const c = cycles[i]
      const prev = cycles[i - 1]
      if (!c || !prev || c.info.fetchedStatus || c.info.fetchedTasks) continue
      regular++
      expect(c.requests - prev.requests).toBe(1)
    }
    expect(regular).toBeGreaterThanOrEqual(5)
    expect(h.sim.requests(/cluster\/resources/).every((r) => r.query === '')).toBe(true)
    expect(last(h)).toMatchObject({ health: 'ok', summary: '3/3 nodes up · 4 guests running', stale: false })
    expect(last(h).endpoint).toMatch(/^127\.0\.0\.1:\d+$/)
  })

  it('reports a node down exactly once after confirmation, then node-up when it is back; guests of the offline node are never running', async () => {
    h = await startHarness()
    await h.cyclesMore(2)
    await h.sim.faults.nodeDown('pve-b', 'refuse')
    const hh = h
    await h.waitFor(() => hh.events('node-down').length > 0, 8000, 'node-down')
    await h.cyclesMore(5)
    expect(h.events('node-down')).toHaveLength(1)
    expect(h.events('node-down')[0]?.node).toBe('pve-b')
    expect(last(h).health).toBe('degraded')
    expect(last(h).summary).toMatch(/^pve-b down for \d+ s$/)
    // The simulator (like Proxmox) still says "running" for pve-b's guests during the RRD grace.
    expect(
      h.sim.cluster
        .guests()
        .filter((g) => g.node === 'pve-b')
        .every((g) => g.status === 'running')
    ).toBe(true)
    for (const c of h.cycles) {
      const offline = new Set(c.snapshot.nodes.filter((n) => n.status === 'offline').map((n) => n.name))
      for (const g of c.snapshot.guests.filter((x) => offline.has(x.node))) expect(g).toMatchObject({ state: 'unknown', stale: true })
    }
    await h.sim.faults.nodeUp('pve-b')
    await h.waitFor(() => hh.events('node-up').length > 0, 8000, 'node-up')
    await h.cyclesMore(3)
    expect(
      h
        .events()
        .map((e) => e.kind)
        .filter((k) => k.startsWith('node'))
    ).toEqual(['node-down', 'node-up'])
    expect(h.events('guest-down')).toEqual([])
  })

  it('raises nothing for a one-poll blip', async () => {
    h = await startHarness({ monitor: { confirmDelayMs: 700 } })
    await h.cyclesMore(2)
    const hh = h
    let healed = false
    const off = h.monitor.subscribe((s) => {
      if (!healed && s.nodes.some((n) => n.name === 'pve-c' && n.status === 'offline')) {
        healed = true
        void hh.sim.faults.nodeUp('pve-c')
      }
    })
    await h.sim.faults.nodeDown('pve-c', 'refuse')
    await h.waitFor(() => healed, 8000, 'pve-c seen offline')
    await h.waitFor(() => nodeStatus(hh, 'pve-c') === 'online', 8000, 'pve-c online again')
    await h.cyclesMore(4)
    off()
    expect(h.events().filter((e) => e.kind.startsWith('node'))).toEqual([])
    expect(last(h).health).toBe('ok')
  })

  it('gives ONE cluster-unreachable (no node-down) when no endpoint answers, then ONE cluster-reachable (no node-up storm)', async () => {
    h = await startHarness()
    await h.cyclesMore(2)
    const down = h
    await Promise.all(['pve-a', 'pve-b', 'pve-c'].map((n) => down.sim.faults.nodeDown(n, 'refuse')))
    const hh = h
    await h.waitFor(() => hh.events('cluster-unreachable').length > 0, 8000, 'cluster-unreachable')
    await h.cyclesMore(4)
    expect(h.events('cluster-unreachable')).toHaveLength(1)
    expect(last(h)).toMatchObject({ health: 'unreachable', stale: true })
    expect(last(h).lastError?.kind).toBe('unreachable')
    await Promise.all(['pve-a', 'pve-b', 'pve-c'].map((n) => down.sim.faults.nodeUp(n)))
    await h.waitFor(() => hh.events('cluster-reachable').length > 0, 8000, 'cluster-reachable')
    await h.cyclesMore(4)
    expect(h.events().map((e) => e.kind)).toEqual(['cluster-unreachable', 'cluster-reachable'])
    expect(last(h).health).toBe('ok')
  })

  it('gives ONE auth-failed over several cycles when the token is revoked, and recovers within one poll once it works again', async () => {
    h = await startHarness({ monitor: { authBackoffMaxMs: 60_000 } })
    await h.cyclesMore(2)
    h.sim.faults.revokeToken(h.sim.tokens.admin.id)
    const start = h.cycles.length
    await h.cyclesMore(4)
    const failed = h.cycles.slice(start).filter((c) => c.snapshot.health === 'auth')
    expect(failed.length).toBeGreaterThanOrEqual(3)
    expect(h.events('auth-failed')).toHaveLength(1)
    expect(h.events()).toHaveLength(1)
    expect(last(h).lastError?.kind).toBe('auth')
    // Fixed on the server: the next regular poll (250 ms interval, plus pveproxy's 200 ms auth delay here) sees it.
    h.sim.faults.restoreToken(h.sim.tokens.admin.id)
    const fixedAt = Date.now()
    const hh = h
    await hh.waitFor(() => last(hh).health === 'ok', 3000, 'recovery')
    expect(Date.now() - fixedAt).toBeLessThan(2500)
  })

  it('flags a privilege-separated token without ACLs (bare node entries, not an empty list) as emptyView, never ok', async () => {
    h = await startHarness({ token: (sim) => sim.tokens.noPrivs })
    await h.cyclesMore(2)
    const s = last(h)
    // The simulator, like Proxmox, still lists the nodes to this token (without stats).
    expect(s.nodes.map((n) => n.name)).toEqual(['pve-a', 'pve-b', 'pve-c'])
    expect(s.guests).toEqual([])
    expect(s.emptyView).toBe(true)
    expect(s.health).not.toBe('ok')
    expect(s.lastError?.kind).toBe('permission')
    expect(s.lastError?.message).toMatch(/privilege separation/)
    expect(s.lastError?.message).toMatch(/ACL/)
    expect(h.events()).toEqual([])
  })

  it('is not an empty view for a token that only has Sys.Audit on the nodes', async () => {
    h = await startHarness({ token: (sim) => sim.cluster.addToken({ id: 'nodes-only@pve!tray', acls: [{ path: '/nodes', privs: ['Sys.Audit'] }] }) })
    await h.cyclesMore(2)
    expect(last(h)).toMatchObject({ emptyView: false, health: 'ok' })
    expect(last(h).summary).toMatch(/^3\/3 nodes up · 0 guests running/)
  })

  it('reports a flapping node ONCE, not every transition', async () => {
    h = await startHarness({ monitor: { flapTransitions: 3 } })
    const hh = h
    await h.cyclesMore(2)
    const flip = async (up: boolean): Promise<void> => {
      if (up) await hh.sim.faults.nodeUp('pve-c')
      else await hh.sim.faults.nodeDown('pve-c', 'refuse')
      const want = up ? 'online' : 'offline'
      // Wait until the monitor has seen and confirmed the new state (two polls showing it).
      await hh.waitFor(() => hh.cycles.slice(-2).every((c) => c.snapshot.nodes.find((n) => n.name === 'pve-c')?.status === want), 8000, `pve-c ${want}`)
    }
    for (const up of [false, true, false, true, false, true]) await flip(up)
    await h.cyclesMore(2)
    expect(h.events().map((e) => e.kind)).toEqual(['node-down', 'node-up', 'node-flapping'])
    expect(last(h).nodes.find((n) => n.name === 'pve-c')?.flapping).toBe(true)
  })
})

describe('guest-down on the simulator', () => {
  it("is ONE event when an alert-enabled guest is stopped behind the monitor's back", async () => {
    h = await startHarness()
    h.monitor.setGuestAlerts([102])
    await h.cyclesMore(2)
    h.sim.cluster.updateGuest(102, { status: 'stopped' })
    const hh = h
    await h.waitFor(() => hh.events('guest-down').length > 0, 8000, 'guest-down')
    await h.cyclesMore(4)
    const downs = h.events('guest-down')
    expect(downs).toHaveLength(1)
    expect(downs[0]?.guest).toEqual({ vmid: 102, kind: 'lxc', name: 'dns' })
    // The confirming poll fetched the task list to rule out a stop by someone else.
    expect(h.cycles.some((c) => c.info.kind === 'confirm' && c.info.fetchedTasks)).toBe(true)
  })

  it('is silent when the user stopped the guest through the app', async () => {
    h = await startHarness()
    h.monitor.setGuestAlerts([100])
    await h.cyclesMore(2)
    const upid = await h.client.powerAction('pve-a', 'qemu', 100, 'stop')
    h.monitor.noteUserAction('qemu/100', upid.upid)
    await h.monitor.refreshNow()
    expect(last(h).guests.find((g) => g.vmid === 100)?.busy).toBe(true)
    const hh = h
    await h.waitFor(() => last(hh).guests.find((g) => g.vmid === 100)?.state === 'stopped', 8000, 'guest 100 stopped')
    await h.cyclesMore(4)
    expect(h.events('guest-down')).toEqual([])
    expect(h.events('guest-state').map((e) => e.guest?.vmid)).toContain(100)
  })

  it('is silent when a backup task on that guest explains it', async () => {
    h = await startHarness()
    h.monitor.setGuestAlerts([103])
    await h.cyclesMore(2)
    // smallCluster() has a vzdump task on 103 that started with the simulator.
    h.sim.cluster.updateGuest(103, { status: 'stopped' })
    const hh = h
    await h.waitFor(() => last(hh).guests.find((g) => g.vmid === 103)?.state === 'stopped', 8000, 'guest 103 stopped')
    await h.cyclesMore(4)
    expect(h.events('guest-down')).toEqual([])
  })
})

describe('MonitorHub', () => {
  it('runs one monitor per cluster, forwards their snapshots, and stopAll stops polling', async () => {
    const { MonitorHub, monitorApiFromClient } = await import('../../../../src/main/core/monitor')
    const { PveClient } = await import('../../../../src/main/core/proxmox')
    h = await startHarness()
    h.monitor.stop()
    const sim = h.sim
    const second = new PveClient({
      id: 'two',
      name: 'Two',
      tokenId: sim.tokens.auditor.id,
      tokenSecret: sim.tokens.auditor.secret,
      endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, fingerprint256: e.fingerprint256 }))
    })
    const hub = new MonitorHub()
    const seen = new Map<string, number>()
    hub.subscribe((id) => seen.set(id, (seen.get(id) ?? 0) + 1))
    try {
      hub.add({ clusterId: 'one', clusterName: 'One', api: monitorApiFromClient(h.client), intervalMs: 100, graceMs: 0 })
      hub.add({ clusterId: 'two', clusterName: 'Two', api: monitorApiFromClient(second), intervalMs: 100, graceMs: 0 })
      // The harness's monitor is stopped, so its waitFor would never re-check: poll the counts here.
      for (let i = 0; i < 160 && !((seen.get('one') ?? 0) >= 2 && (seen.get('two') ?? 0) >= 2); i++) await new Promise((r) => setTimeout(r, 50))
      expect([seen.get('one'), seen.get('two')].every((n) => (n ?? 0) >= 2)).toBe(true)
      expect(hub.snapshots().map((s) => [s.clusterId, s.health])).toEqual([
        ['one', 'ok'],
        ['two', 'ok']
      ])
      hub.stopAll()
      const after = sim.requests().length
      await new Promise((r) => setTimeout(r, 400))
      expect(sim.requests().length - after).toBe(0)
      expect(hub.snapshots()).toEqual([])
    } finally {
      hub.stopAll()
      await second.close()
    }
  })
})
