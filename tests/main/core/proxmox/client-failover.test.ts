import { afterEach, describe, expect, test } from 'vitest'

import type { PveEndpoint } from '../../../../src/main/core/proxmox'
import { NetworkError, OutcomeUnknownError, PveClient } from '../../../../src/main/core/proxmox'
import { startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'
import type { TestHandler, TestServer } from './helpers/test-https-server'
import { closedPort, pveJson, startTestServer } from './helpers/test-https-server'

const UPID = 'UPID:n1:000A1B2C:0164E5F1:66B0C0DE:qmstart:100:a@pve!t:'
const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((f) => f()))
})

async function server(handler: TestHandler): Promise<TestServer> {
  const s = await startTestServer(handler)
  cleanups.push(() => s.close())
  return s
}

function client(endpoints: PveEndpoint[], logs: string[] = [], responseTimeoutMs?: number): PveClient {
  const c = new PveClient({ id: 'x', name: 'x', endpoints, tokenId: 'a@pve!t', tokenSecret: 'secret-1', responseTimeoutMs }, { logger: (l) => logs.push(l) })
  cleanups.push(() => c.close())
  return c
}

const ep = (s: TestServer, node?: string): PveEndpoint => ({ host: s.host, port: s.port, fingerprint256: s.fingerprint256, node })
const okVersion: TestHandler = (_req, res) => pveJson(res, 200, { data: { version: '9.1.1', release: '9.1', repoid: '0123456789abcdef' } })
const okUpid: TestHandler = (_req, res) => pveJson(res, 200, { data: UPID })

describe('endpoint failover', () => {
  test('first endpoint refusing → second answers, and is preferred from then on', async () => {
    const dead = await closedPort()
    const good = await server(okVersion)
    const logs: string[] = []
    const c = client([{ host: '127.0.0.1', port: dead, fingerprint256: good.fingerprint256 }, ep(good)], logs)
    expect((await c.version()).release).toBe('9.1')
    expect(c.lastEndpoint?.port).toBe(good.port)
    expect(logs.filter((l) => l.includes('trying the next endpoint'))).toHaveLength(1)
    await c.version()
    await c.version()
    expect(logs.filter((l) => l.includes('trying the next endpoint'))).toHaveLength(1)
    expect(good.requests).toHaveLength(3)
  })

  test('a POST whose connection is refused goes to the next endpoint (nothing was sent)', async () => {
    const dead = await closedPort()
    const good = await server(okUpid)
    const c = client([{ host: '127.0.0.1', port: dead, fingerprint256: good.fingerprint256 }, ep(good)])
    const upid = await c.vmStart('n1', 100)
    expect(upid.upid).toBe(UPID)
    expect(good.requests).toHaveLength(1)
    expect(good.requests[0]).toMatchObject({
      method: 'POST',
      url: '/api2/json/nodes/n1/qemu/100/status/start',
      contentType: 'application/x-www-form-urlencoded'
    })
  })

  test('a POST that reached the server and lost its connection is NOT sent again, anywhere', async () => {
    const dropping = await server(() => 'drop')
    const other = await server(okUpid)
    const c = client([ep(dropping), ep(other)])
    const err = await c.vmShutdown('n1', 100, { timeout: 30, forceStop: true }).catch((e: unknown) => e)
    // Outcome unknown, never "failed": it may have been carried out.
    expect(err).toBeInstanceOf(OutcomeUnknownError)
    expect((err as OutcomeUnknownError).wireError).toBeInstanceOf(NetworkError)
    expect((err as OutcomeUnknownError).wireError).toMatchObject({ mayHaveReachedServer: true })
    expect((err as Error).message).toMatch(/may have been carried out: check the guest before trying again/)
    expect(dropping.requests).toHaveLength(1)
    expect(dropping.requests[0]?.body).toBe('timeout=30&forceStop=1')
    expect(other.requests).toHaveLength(0)
  })

  test('a POST that times out is not sent again', async () => {
    const slow = await server(() => 'hang')
    const other = await server(okUpid)
    const c = client([ep(slow), ep(other)], [], 200)
    await expect(c.ctStart('n1', 200)).rejects.toMatchObject({ kind: 'outcome-unknown', wireError: { kind: 'timeout', phase: 'response' } })
    expect(slow.requests).toHaveLength(1)
    expect(other.requests).toHaveLength(0)
  })

  test('a GET dropped once (stale keep-alive socket) is sent again on the same endpoint', async () => {
    let n = 0
    const flaky = await server((req, res) => (n++ === 0 ? 'drop' : okVersion(req, res)))
    const other = await server(okVersion)
    const c = client([ep(flaky), ep(other)])
    await c.version()
    expect(flaky.requests).toHaveLength(2)
    expect(other.requests).toHaveLength(0)
  })

  test('a GET that keeps failing on one endpoint moves to the next', async () => {
    const broken = await server(() => 'drop')
    const good = await server(okVersion)
    const c = client([ep(broken), ep(good)])
    await c.version()
    expect(broken.requests).toHaveLength(2)
    expect(good.requests).toHaveLength(1)
    expect(c.lastEndpoint?.port).toBe(good.port)
  })

  test('4xx answers and auth failures are final: no other endpoint is asked', async () => {
    const denying = await server((_req, res) =>
      pveJson(res, 403, { data: null, message: 'Permission check failed (/, Sys.Audit)\n' }, 'Permission check failed (/, Sys.Audit)')
    )
    const other = await server(okVersion)
    const c = client([ep(denying), ep(other)])
    await expect(c.version()).rejects.toMatchObject({ kind: 'permission', aclPath: '/', privileges: ['Sys.Audit'] })
    const unauth = await server((_req, res) => {
      res.writeHead(401, 'Authentication failed!', { connection: 'close', 'content-length': 0 })
      res.end()
    })
    const c2 = client([ep(unauth), ep(other)])
    await expect(c2.version()).rejects.toMatchObject({ kind: 'auth', reason: 'failed' })
    await expect(c2.version()).rejects.toMatchObject({ kind: 'auth' })
    expect(denying.requests).toHaveLength(1)
    expect(unauth.requests).toHaveLength(2)
    expect(other.requests).toHaveLength(0)
  })

  test('node-specific calls use the endpoint of that node; others keep the cluster rule', async () => {
    const both: TestHandler = (req, res) => (req.url.includes('/status/') ? okUpid(req, res) : okVersion(req, res))
    const n1 = await server(both)
    const n2 = await server(both)
    const c = client([ep(n1, 'n1'), ep(n2, 'n2')])
    await c.vmStop('n2', 100)
    expect(n2.requests.map((r) => r.url)).toEqual(['/api2/json/nodes/n2/qemu/100/status/stop'])
    await c.clientForNode('n1').version()
    expect(n1.requests).toHaveLength(1)
    await c.vmStop('n9', 100) // no endpoint for n9: cluster rule → last answering endpoint (n1)
    expect(n1.requests.at(-1)?.url).toBe('/api2/json/nodes/n9/qemu/100/status/stop')
  })

  test('simulator: a node going down (refused) does not interrupt cluster-wide calls', async () => {
    const sim = await startSimulator({ authDelayMs: 10 })
    const { client: c, logs } = simClient(sim, sim.tokens.auditor)
    cleanups.push(async () => {
      await c.close()
      await sim.close()
    })
    await c.clusterResources()
    const first = c.lastEndpoint?.node
    await sim.faults.nodeDown(first!, 'refuse')
    const res = await c.clusterResources()
    expect(res.length).toBeGreaterThan(0)
    expect(c.lastEndpoint?.node).not.toBe(first)
    expect(logs.some((l) => l.includes('trying the next endpoint'))).toBe(true)
  })
})
