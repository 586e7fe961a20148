import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { PveClient, PveGuestResource } from '../../../../src/main/core/proxmox'
import type { Simulator } from '../../../../src/main/core/simulator'
import { startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'

let sim: Simulator
let client: PveClient

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 60 })
  client = simClient(sim, sim.tokens.admin).client
})
afterAll(async () => {
  await client.close()
  await sim.close()
})

describe('domain calls against the simulator', () => {
  test('version', async () => {
    const v = await client.version()
    expect(v.version).toMatch(/\d/)
    expect(v.release).toMatch(/^\d+\.\d+$/)
    expect(v.repoid).toMatch(/^[0-9a-f]{8,64}$/)
  })

  test('nodes: every simulated node with a status', async () => {
    const nodes = await client.nodes()
    expect(nodes.map((n) => n.node).sort()).toEqual(sim.endpoints.map((e) => e.node).sort())
    for (const n of nodes) expect(['online', 'offline', 'unknown']).toContain(n.status)
  })

  test('nodeStatus parses loadavg strings into numbers', async () => {
    const st = await client.nodeStatus('pve-b')
    expect(st.loadavg).toHaveLength(3)
    for (const l of st.loadavg ?? []) expect(typeof l).toBe('number')
    expect(st.memory?.total).toBeGreaterThan(0)
    expect(typeof st.cpuinfo?.mhz === 'number' || st.cpuinfo?.mhz === undefined).toBe(true)
  })

  test('clusterResources: typed union, booleans and tag lists normalised, type filter sent', async () => {
    const all = await client.clusterResources()
    const guests = all.filter((r): r is PveGuestResource => r.type === 'qemu' || r.type === 'lxc')
    expect(guests.length).toBe(sim.cluster.guests().length)
    const web = guests.find((g) => g.vmid === 100)
    expect(web?.tags).toEqual(['prod', 'web'])
    expect(web?.template).toBe(false)
    expect(guests.find((g) => g.vmid === 9000)?.template).toBe(true)
    expect(all.some((r) => r.type === 'pool' && r.id.startsWith('/pool/'))).toBe(true)
    const storages = await client.clusterResources('storage')
    expect(storages.length).toBeGreaterThan(0)
    expect(storages.every((s) => s.type === 'storage')).toBe(true)
    const vms = await client.clusterResources('vm')
    expect(vms.every((s) => s.type === 'qemu' || s.type === 'lxc')).toBe(true)
    expect(sim.requests({ path: '/api2/json/cluster/resources' }).some((r) => r.query.includes('type=storage'))).toBe(true)
  })

  test('clusterStatus: cluster entry with quorate boolean, node entries with online booleans', async () => {
    const st = await client.clusterStatus()
    const cluster = st.find((e) => e.type === 'cluster')
    expect(cluster?.type === 'cluster' && cluster.quorate).toBe(true)
    const nodes = st.filter((e) => e.type === 'node')
    expect(nodes).toHaveLength(sim.endpoints.length)
    for (const n of nodes) expect(typeof (n.type === 'node' && n.online)).toBe('boolean')
  })

  test('nodeStorage: content split into a list', async () => {
    const st = await client.nodeStorage('pve-a')
    const local = st.find((s) => s.storage === 'local')
    expect(local?.content).toEqual(expect.arrayContaining(['backup', 'iso']))
  })

  test('nodeTasks, clusterTasks: parsed UPIDs', async () => {
    const tasks = await client.nodeTasks('pve-b', { limit: 50 })
    expect(tasks.length).toBeGreaterThan(0)
    for (const t of tasks) expect(t.node).toBe('pve-b')
    const cluster = await client.clusterTasks()
    expect(cluster.length).toBeGreaterThanOrEqual(tasks.length > 0 ? 1 : 0)
    expect(cluster[0]?.upid.startsWith('UPID:')).toBe(true)
  })

  test('taskStatus and taskLog (start/limit, total) ask the node named in the UPID', async () => {
    const task = (await client.clusterTasks()).find((t) => t.type === 'vzdump' && t.node === 'pve-b' && t.status?.startsWith('WARNINGS'))
    expect(task).toBeDefined()
    const st = await client.taskStatus(task!.upid)
    expect(st.status).toBe('stopped')
    expect(st.exitstatus).toBe('WARNINGS: 1')
    const full = await client.taskLog(task!.upid)
    expect(full.total).toBe(full.lines.length)
    const page = await client.taskLog(task!.upid, { start: 1, limit: 1 })
    expect(page.lines).toEqual([full.lines[1]])
    expect(page.total).toBe(full.total)
    const statusReq = sim.requests({ path: /\/tasks\/.*\/status$/ }).at(-1)
    expect(statusReq?.endpoint).toBe('pve-b')
    expect(statusReq?.path).toContain(encodeURIComponent(task!.upid))
  })

  test('guestStatus for qemu and lxc', async () => {
    const vm = await client.guestStatus('pve-a', 'qemu', 100)
    expect(vm).toMatchObject({ kind: 'qemu', vmid: 100, status: 'running' })
    expect(vm.ha.managed).toBe(true)
    const ct = await client.guestStatus('pve-a', 'lxc', 204)
    expect(ct).toMatchObject({ kind: 'lxc', vmid: 204, status: 'running' })
    expect(ct.ha.managed).toBe(false)
  })

  test('VM power actions return parsed UPIDs and reach the guest', async () => {
    const node = 'pve-b'
    const id = 109 // stopped, not HA-managed
    const start = await client.vmStart(node, id)
    expect(start).toMatchObject({ node, type: 'qmstart', id: String(id), user: sim.tokens.admin.id })
    await client.waitForTask(start, { pollMs: 20 })
    expect(sim.cluster.guest(id)?.status).toBe('running')
    for (const [action, type] of [
      ['vmSuspend', 'qmpause'],
      ['vmResume', 'qmresume'],
      ['vmReboot', 'qmreboot'],
      ['vmShutdown', 'qmshutdown'],
      ['vmStart', 'qmstart'],
      ['vmStop', 'qmstop']
    ] as const) {
      const upid = await client[action](node, id, action === 'vmShutdown' ? { timeout: 30, forceStop: true } : {})
      expect(upid.type).toBe(type)
      await client.waitForTask(upid, { pollMs: 20 })
    }
    expect(sim.cluster.guest(id)?.status).toBe('stopped')
    const shutdown = sim.requests({ method: 'POST', path: /\/status\/shutdown$/ }).at(-1)
    expect(shutdown?.endpoint).toBe(node)
  })

  test('container power actions', async () => {
    const node = 'pve-b'
    const id = 205 // stopped CT
    for (const [action, type] of [
      ['ctStart', 'vzstart'],
      ['ctReboot', 'vzreboot'],
      ['ctShutdown', 'vzshutdown'],
      ['ctStart', 'vzstart'],
      ['ctStop', 'vzstop']
    ] as const) {
      const upid = await client[action](node, id)
      expect(upid.type).toBe(type)
      await client.waitForTask(upid, { pollMs: 20 })
    }
    expect(sim.cluster.guest(id)?.status).toBe('stopped')
  })

  test('nodeRrd: points with numeric data sources', async () => {
    const points = await client.nodeRrd('pve-c', 'hour', 'MAX')
    expect(points.length).toBeGreaterThan(0)
    expect(typeof points[0]?.time).toBe('number')
    expect(sim.requests({ path: /rrddata$/ }).at(-1)?.query).toMatch(/timeframe=hour.*cf=MAX|cf=MAX.*timeframe=hour/)
  })

  test('permissions: path → privilege → propagate boolean', async () => {
    const perms = await client.permissions()
    expect(perms['/']?.['Sys.Audit']).toBe(true)
    const auditor = simClient(sim, sim.tokens.auditor).client
    try {
      const p = await auditor.permissions()
      expect(p['/']?.['VM.PowerMgmt']).toBeUndefined()
      expect(p['/']?.['VM.Audit']).toBe(true)
    } finally {
      await auditor.close()
    }
  })

  test("clientForNode prefers that node's endpoint; cluster calls prefer the last endpoint", async () => {
    const before = sim.requests().length
    await client.clientForNode('pve-d').version()
    const rec = sim.requests().slice(before)
    expect(rec.map((r) => r.endpoint)).toEqual(['pve-d'])
    expect(client.lastEndpoint?.node).toBe('pve-d')
    await client.version()
    expect(sim.requests().at(-1)?.endpoint).toBe('pve-d')
  })

  test('arguments are validated before anything is sent', async () => {
    const before = sim.requests().length
    await expect(client.nodeStatus('../access')).rejects.toMatchObject({ kind: 'invalid-argument', argument: 'node' })
    await expect(client.vmStart('pve-a', 99)).rejects.toMatchObject({ kind: 'invalid-argument', argument: 'vmid' })
    await expect(client.guestStatus('pve-a', 'openvz' as 'lxc', 100)).rejects.toMatchObject({ argument: 'kind' })
    await expect(client.taskStatus('UPID:nope')).rejects.toMatchObject({ argument: 'upid' })
    await expect(client.clusterResources('pool' as 'vm')).rejects.toMatchObject({ argument: 'type' })
    expect(sim.requests().length).toBe(before)
  })
})
