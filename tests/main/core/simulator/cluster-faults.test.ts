import { connect } from 'node:tls'

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'

import { generateCluster, type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { call, get, waitFor } from './sim-client'

type Item = Record<string, unknown>
let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 50, offlineAfterMs: 150, rrdGraceMs: 400, proxyTimeoutMs: 150, statsIntervalMs: 50 })
})
afterEach(async () => {
  sim.faults.clear()
  for (const n of sim.cluster.nodes()) if (!n.up) await sim.faults.nodeUp(n.name)
})
afterAll(() => sim.close())

const resources = (type?: string): Promise<Item[]> => get<Item[]>(sim, `/cluster/resources${type ? `?type=${type}` : ''}`)

describe('§1/§2/§7 cluster views', () => {
  test('§1 demo cluster: 4 nodes (one without subscription), HA guests, templates, a locked one, a paused VM, stopped ones, a pool', async () => {
    const items = await resources()
    const nodes = items.filter((i) => i.type === 'node')
    expect(nodes).toHaveLength(4)
    expect(nodes.some((n) => n.level === '')).toBe(true)
    const guests = items.filter((i) => i.type === 'qemu' || i.type === 'lxc')
    expect(guests.length).toBeGreaterThanOrEqual(25)
    for (const pred of [
      (g: Item) => g.hastate !== undefined,
      (g: Item) => g.template === 1,
      (g: Item) => g.lock === 'backup',
      (g: Item) => g.status === 'paused',
      (g: Item) => g.status === 'stopped',
      (g: Item) => g.tags === 'prod;web'
    ]) {
      expect(guests.some(pred)).toBe(true)
    }
    expect(items.some((i) => i.type === 'storage' && i.shared === 1 && (i.disk as number) / (i.maxdisk as number) > 0.88)).toBe(true)
  })

  test('§1 guests sorted by vmid as string, node order not stable between requests', async () => {
    const vmids = (await resources('vm')).map((g) => String(g.vmid))
    expect(vmids).toEqual([...vmids].sort())
    const orders = new Set<string>()
    for (let i = 0; i < 15; i++) orders.add((await resources('node')).map((n) => n.node).join(','))
    expect(orders.size).toBeGreaterThan(1)
  })

  test('§1 metrics move over time (pvestatd steps)', async () => {
    // cpu alone can sit at 1.0 for a busy guest; the byte counters always grow with uptime
    const sample = async (): Promise<string> => {
      const g = (await resources('vm')).find((x) => x.vmid === 107)
      return JSON.stringify([g?.cpu, g?.mem, g?.netin, g?.uptime])
    }
    const a = await sample()
    expect((JSON.parse(a) as number[])[3]).toBeGreaterThan(0)
    await waitFor(async () => (await sample()) !== a, 8000, 30)
  })

  test('§7 /nodes/{node}/status: loadavg and cpuinfo.mhz are strings', async () => {
    const st = await get<{ loadavg: unknown[]; cpuinfo: { mhz: unknown } }>(sim, '/nodes/pve-b/status')
    expect(st.loadavg.every((x) => typeof x === 'string')).toBe(true)
    expect(typeof st.cpuinfo.mhz).toBe('string')
  })

  test('§7 /nodes carries ssl_fingerprint = the endpoint certificate fingerprint', async () => {
    const nodes = await get<{ node: string; ssl_fingerprint: string }[]>(sim, '/nodes')
    for (const ep of sim.endpoints) expect(nodes.find((n) => n.node === ep.node)?.ssl_fingerprint).toBe(ep.fingerprint256)
  })

  test('§2 /cluster/status: cluster entry with quorate 0/1 int, node entries with nodeid, local, online ints and ip', async () => {
    const st = await get<Item[]>(sim, '/cluster/status')
    expect(st[0]).toMatchObject({ type: 'cluster', id: 'cluster', nodes: 4, quorate: 1 })
    for (const n of st.slice(1)) {
      expect(n).toMatchObject({ type: 'node', id: `node/${String(n.name)}`, ip: '127.0.0.1' })
      expect([0, 1]).toContain(n.online)
      expect([0, 1]).toContain(n.local)
    }
  })
})

describe('§1/§4 node down', () => {
  test('§1 node down: offline after offlineAfterMs without uptime/cpu/mem/disk; guests keep last status for rrdGraceMs, then unknown; back up → online', async () => {
    const before = (await resources('vm')).find((g) => g.vmid === 113)
    await sim.faults.nodeDown('pve-d')
    const early = (await resources('node')).find((n) => n.node === 'pve-d')
    expect(early?.status).toBe('online')
    await waitFor(async () => (await resources('node')).find((n) => n.node === 'pve-d')?.status === 'offline', 2000)
    const off = (await resources('node')).find((n) => n.node === 'pve-d') as Item
    for (const k of ['uptime', 'cpu', 'mem', 'disk']) expect(off).not.toHaveProperty(k)
    const stale = (await resources('vm')).find((g) => g.vmid === 113)
    expect(stale).toMatchObject({ status: before?.status, name: before?.name, uptime: before?.uptime })
    const cs = await get<Item[]>(sim, '/cluster/status')
    expect(cs.find((x) => x.name === 'pve-d')?.online).toBe(0)
    await waitFor(async () => (await resources('vm')).find((g) => g.vmid === 113)?.status === 'unknown', 2000)
    const gone = (await resources('vm')).find((g) => g.vmid === 113)
    expect(gone).toEqual({ id: 'qemu/113', vmid: 113, node: 'pve-d', type: 'qemu', status: 'unknown', tags: 'net;prod', hastate: 'started' })
    const nodeGone = (await resources('node')).find((n) => n.node === 'pve-d')
    expect(nodeGone).toEqual({ id: 'node/pve-d', node: 'pve-d', type: 'node', status: 'offline', 'cgroup-mode': 2 })
    await sim.faults.nodeUp('pve-d')
    expect((await resources('node')).find((n) => n.node === 'pve-d')?.status).toBe('online')
  })

  test('§4 proxied request for a down node (refuse) → 595 with no body and Connection: close; bad params still 595', async () => {
    await sim.faults.nodeDown('pve-c', 'refuse')
    const r = await call(sim, 'GET', '/nodes/pve-c/status', { node: 'pve-a' })
    expect([r.status, r.reason, r.text]).toEqual([595, 'Connection refused', ''])
    expect(r.headers.connection).toBe('close')
    const bad = await call(sim, 'GET', '/nodes/pve-c/qemu?full=maybe', { node: 'pve-a' })
    expect(bad.status).toBe(595)
    await expect(call(sim, 'GET', '/version', { node: 'pve-c' })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    const rrd = await call(sim, 'GET', '/nodes/pve-c/rrddata?timeframe=hour', { node: 'pve-a' })
    expect(rrd.status).toBe(200)
  })

  test('§4 proxied request for a hanging node → 596 after the proxy timeout; direct requests get no answer', async () => {
    await sim.faults.nodeDown('pve-b', 'hang')
    const r = await call(sim, 'GET', '/nodes/pve-b/status', { node: 'pve-a' })
    expect([r.status, r.reason, r.text]).toEqual([596, 'Connection timed out', ''])
    const direct = call(sim, 'GET', '/version', { node: 'pve-b' })
    const outcome = await Promise.race([direct.then(() => 'answered'), new Promise((res) => setTimeout(() => res('hung'), 300))])
    expect(outcome).toBe('hung')
    await sim.faults.nodeUp('pve-b')
    direct.catch(() => undefined)
  })

  test('§4 unknown node name → 500 "hostname lookup ... failed"', async () => {
    const r = await call(sim, 'GET', '/nodes/nosuch/status')
    expect(r.status).toBe(500)
    expect(r.reason).toBe("hostname lookup 'nosuch' failed - failed to get address info for: nosuch: Name or service not known")
  })
})

describe('faults', () => {
  test('slow(ms, match) delays only matching requests', async () => {
    sim.faults.slow(400, { path: '/cluster/resources' })
    const order: string[] = []
    const slow = call(sim, 'GET', '/cluster/resources').then((r) => (order.push('resources'), r))
    await call(sim, 'GET', '/version').then(() => order.push('version'))
    expect((await slow).ms).toBeGreaterThanOrEqual(390)
    expect(order).toEqual(['version', 'resources'])
  })

  test('serverError(status, match) answers 5xx with the error envelope and closes', async () => {
    sim.faults.serverError(503, /GET .*\/version$/)
    const r = await call(sim, 'GET', '/version')
    expect([r.status, r.headers.connection]).toEqual([503, 'close'])
    expect((r.json as { data: null }).data).toBeNull()
  })

  test('malformedJson and truncatedJson corrupt successful bodies', async () => {
    const h = sim.faults.malformedJson({ path: '/version' })
    const r = await call(sim, 'GET', '/version')
    expect(() => JSON.parse(r.text) as unknown).toThrow()
    h.remove()
    sim.faults.truncatedJson({ path: '/cluster/resources' })
    await expect(call(sim, 'GET', '/cluster/resources')).rejects.toThrow()
  })

  test('dropAfterRequest reads the POST then closes without answer; requests() proves it was sent once', async () => {
    const match = { method: 'POST', path: /\/qemu\/109\/status\/start$/ }
    sim.faults.dropAfterRequest(match)
    await expect(call(sim, 'POST', '/nodes/pve-b/qemu/109/status/start', { node: 'pve-b' })).rejects.toThrow()
    expect(sim.requests(match)).toHaveLength(1)
    expect(sim.cluster.guest(109)?.status).toBe('stopped')
  })

  test('rotateCertificate(node): new fingerprint on the same port, still signed by the cluster CA', async () => {
    const before = sim.endpoints.find((e) => e.node === 'pve-a')
    await sim.faults.rotateCertificate('pve-a')
    const after = sim.endpoints.find((e) => e.node === 'pve-a')
    expect(after?.port).toBe(before?.port)
    expect(after?.fingerprint256).not.toBe(before?.fingerprint256)
    const fp = await new Promise<string>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port: after?.port ?? 0, ca: sim.caPem }, () => {
        resolve(s.getPeerCertificate().fingerprint256)
        s.destroy()
      })
      s.on('error', reject)
    })
    expect(fp).toBe(after?.fingerprint256)
  })

  test('connectionsAccepted counts TCP connections; requests(filter) counts per method/path', async () => {
    const c0 = sim.connectionsAccepted()
    const n0 = sim.requests({ method: 'GET', path: '/cluster/tasks' }).length
    await call(sim, 'GET', '/cluster/tasks')
    await call(sim, 'GET', '/cluster/tasks')
    expect(sim.connectionsAccepted() - c0).toBe(2)
    expect(sim.requests({ method: 'GET', path: '/cluster/tasks' }).length - n0).toBe(2)
  })
})

test('generator: 50 nodes / 5000 guests cluster starts and serves /cluster/resources', async () => {
  const big = await startSimulator({ cluster: generateCluster({ nodes: 50, guests: 5000 }), authDelayMs: 10 })
  try {
    expect(big.endpoints).toHaveLength(50)
    const items = await get<Item[]>(big, '/cluster/resources?type=vm')
    expect(items).toHaveLength(5000)
  } finally {
    await big.close()
  }
})
