import { afterEach, describe, expect, test } from 'vitest'

import type { PveClusterConfig } from '../../../../src/main/core/proxmox'
import { PveClient } from '../../../../src/main/core/proxmox'
import { startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'
import type { TestServer } from './helpers/test-https-server'
import { pveJson, startTestServer } from './helpers/test-https-server'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((f) => f()))
})

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** pveproxy's limits on a plain HTTPS server: idle close, Connection: close on the 100th answer. */
async function pveproxyLike(idleMs: number): Promise<TestServer> {
  const s = await startTestServer((_req, res) => pveJson(res, 200, { data: { version: '9.1.1', release: '9.1', repoid: 'abcdef0123456789' } }), {
    idleCloseMs: idleMs,
    maxRequestsPerSocket: 100
  })
  cleanups.push(() => s.close())
  return s
}

function clientFor(s: TestServer, logs: string[], extra: Partial<PveClusterConfig> = {}): PveClient {
  const c = new PveClient(
    { id: 'k', name: 'k', endpoints: [{ host: s.host, port: s.port, fingerprint256: s.fingerprint256 }], tokenId: 'a@pve!t', tokenSecret: 'x', ...extra },
    { logger: (l) => logs.push(l) }
  )
  cleanups.push(() => c.close())
  return c
}

describe('keep-alive against pveproxy connection limits', () => {
  test('1,000 sequential calls: all succeed on one connection per 100 requests', async () => {
    const s = await pveproxyLike(5000)
    const logs: string[] = []
    const client = clientFor(s, logs)
    for (let i = 0; i < 1000; i++) await client.version()
    expect(s.requests).toHaveLength(1000)
    expect(s.connections()).toBe(10)
  })

  test('1,000 calls succeed while the server closes idle connections first (client keep-alive set too long)', async () => {
    const s = await pveproxyLike(40)
    const logs: string[] = []
    const client = clientFor(s, logs, { keepAliveTimeoutMs: 10_000 })
    for (let i = 0; i < 1000; i++) {
      // Every 50 calls stay idle around the server's idle timeout, so its close races our next request.
      if (i % 50 === 49) await sleep(35 + (i % 150) / 10)
      await client.version()
    }
    // A GET written onto a socket the server was closing is sent again once; the server saw at most those extras.
    const resent = logs.filter((l) => l.includes('sending again')).length
    expect(s.requests.length).toBeGreaterThanOrEqual(1000)
    expect(s.requests.length - 1000).toBeLessThanOrEqual(resent)
    expect(s.connections()).toBeGreaterThan(10)
  })

  test('simulator: the 100-request limit (scaled down to 25) costs exactly one connection per 25 calls', async () => {
    const sim = await startSimulator({ authDelayMs: 10, maxRequestsPerConnection: 25 })
    const { client } = simClient(sim, sim.tokens.auditor)
    cleanups.push(async () => {
      await client.close()
      await sim.close()
    })
    const before = sim.connectionsAccepted()
    for (let i = 0; i < 100; i++) await client.version()
    expect(sim.connectionsAccepted() - before).toBe(4)
  })

  test("our own idle timeout (below the server's) closes connections before the server does", async () => {
    const s = await pveproxyLike(5000)
    const logs: string[] = []
    const client = clientFor(s, logs, { keepAliveTimeoutMs: 100 })
    await client.version()
    expect(client.connectionStats().reduce((n, e) => n + e.connected, 0)).toBe(1)
    await sleep(1300) // undici's keep-alive timer is coarse (~1 s resolution)
    expect(client.connectionStats().reduce((n, e) => n + e.connected, 0)).toBe(0)
    await client.version()
    expect(s.connections()).toBe(2)
    expect(logs.some((l) => l.includes('sending again'))).toBe(false)
  })

  test("dispatcherFor(endpoint) is the client's own pool: raw undici calls share its one connection and carry no credentials", async () => {
    const s = await pveproxyLike(5000)
    const client = clientFor(s, [])
    await client.version()
    const res = await client.dispatcherFor(client.config.endpoints[0]!).request({ method: 'GET', path: '/api2/json/version' })
    await res.body.text()
    await client.version()
    expect(s.connections()).toBe(1)
    expect(s.requests).toHaveLength(3)
    expect(s.requests[1]?.authorization).toBeUndefined()
    expect(s.requests[2]?.authorization).toBe('PVEAPIToken=a@pve!t=x')
  })

  test('simulator: connections closed after error answers (Connection: close on >= 400) do not fail the next call', async () => {
    const sim = await startSimulator({ authDelayMs: 10 })
    const { client } = simClient(sim, sim.tokens.noPrivs)
    cleanups.push(async () => {
      await client.close()
      await sim.close()
    })
    for (let i = 0; i < 10; i++) {
      await expect(client.clusterStatus()).rejects.toMatchObject({ kind: 'permission' })
      await expect(client.version()).resolves.toBeTruthy()
    }
  })
})
