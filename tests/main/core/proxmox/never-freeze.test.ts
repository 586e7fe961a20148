// Monitoring never freezes: a server that sends its headers on time and then trickles the body one byte a
// second ends at the call's deadline (undici's own body timeout is an idle timer and would wait forever);
// a body larger than the cap is cut off with a typed error; and a whole poll that overruns is abandoned and
// reported as a timeout, so "all OK" never stays on screen while a pveproxy is stuck.
import type { ServerResponse } from 'node:http'

import { afterEach, describe, expect, it } from 'vitest'

import { ClusterMonitor, monitorApiFromClient } from '../../../../src/main/core/monitor'
import { PveClient, ResponseTooLargeError, TimeoutError } from '../../../../src/main/core/proxmox'
import type { ClusterSnapshot } from '../../../../src/shared/snapshot'
import { silentTcpServer, startTestServer, type TestServer } from './helpers/test-https-server'

const servers: TestServer[] = []
const clients: PveClient[] = []
const timers = new Set<NodeJS.Timeout>()
afterEach(async () => {
  for (const t of timers) clearInterval(t)
  timers.clear()
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** Headers now, then one byte of a never-ending JSON body per second. */
function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.write('{"data":[')
  const t = setInterval(() => res.write(' '), 1000)
  timers.add(t)
  res.on('close', () => clearInterval(t))
}

function client(server: TestServer, extra: Partial<ConstructorParameters<typeof PveClient>[0]> = {}): PveClient {
  const c = new PveClient({
    id: 't',
    name: 't',
    tokenId: 'a@pve!t',
    tokenSecret: '11111111-2222-3333-4444-555555555555',
    endpoints: [{ host: server.host, port: server.port, fingerprint256: server.fingerprint256 }],
    responseTimeoutMs: 1500,
    ...extra
  })
  clients.push(c)
  return c
}

describe('whole-request deadline', () => {
  it('a body that trickles forever ends at the deadline with a response timeout', async () => {
    const s = await startTestServer((_req, res) => trickle(res))
    servers.push(s)
    const t0 = Date.now()
    const err = await client(s)
      .version()
      .catch((e: unknown) => e)
    const took = Date.now() - t0
    expect(err).toBeInstanceOf(TimeoutError)
    expect(err).toMatchObject({ phase: 'response', timeoutMs: 1500 })
    expect(took).toBeGreaterThanOrEqual(1400)
    expect(took).toBeLessThan(4000)
  })
})

describe('failover when a node stops answering on an open keep-alive connection', () => {
  it('a cluster-wide GET moves to the next endpoint after a short first-byte wait, not the whole response timeout', async () => {
    let silent = false
    const version = (res: ServerResponse): void => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"data":{"version":"8.2.4","release":"8.2","repoid":"x"}}')
    }
    // Like a node that lost power: the TCP connection stays open, nothing answers on it any more.
    const a = await startTestServer((_req, res) => (silent ? 'hang' : version(res)))
    const b = await startTestServer((_req, res) => version(res))
    servers.push(a, b)
    const c = client(a, {
      endpoints: [a, b].map((s) => ({ host: s.host, port: s.port, fingerprint256: s.fingerprint256 })),
      responseTimeoutMs: 15_000
    })
    await c.version()
    expect(a.connections()).toBe(1)
    silent = true
    const t0 = Date.now()
    await expect(c.version()).resolves.toMatchObject({ version: '8.2.4' })
    const took = Date.now() - t0
    expect(b.requests).toHaveLength(1)
    // The 5 s first-byte budget (plus undici's ~1 s timer granularity), far below the 15 s response timeout.
    expect(took).toBeLessThan(7500)
    expect(took).toBeGreaterThanOrEqual(4500)
  }, 20_000)
})

describe('an endpoint that failed is tried last until it answers again', () => {
  it('later calls, cluster-wide or about that node, do not pay its connect timeout again', async () => {
    const version = (res: ServerResponse): void => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"data":{"version":"8.2.4","release":"8.2","repoid":"x"}}')
    }
    // A: accepts TCP and never speaks (an address behind NAT or a VPN that swallows packets).
    const a = await silentTcpServer()
    const b = await startTestServer((_req, res) => version(res))
    const c3 = await startTestServer((_req, res) => version(res))
    servers.push(b, c3)
    try {
      const c = client(b, {
        endpoints: [
          { host: '127.0.0.1', port: a.port, node: 'pve-a', fingerprint256: b.fingerprint256 },
          { host: b.host, port: b.port, node: 'pve-b', fingerprint256: b.fingerprint256 },
          { host: c3.host, port: c3.port, node: 'pve-c', fingerprint256: c3.fingerprint256 }
        ],
        connectTimeoutMs: 1000
      })
      const t0 = Date.now()
      await c.version()
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900)
      for (const call of [() => c.version(), () => c.nodeStatus('pve-a').catch(() => null)]) {
        const t = Date.now()
        await call()
        expect(Date.now() - t).toBeLessThan(900)
      }
    } finally {
      await a.close()
    }
  }, 20_000)
})

describe('response size cap', () => {
  it('a body over the cap is cut off with ResponseTooLargeError', async () => {
    const big = JSON.stringify({ data: 'x'.repeat(3 * 1024 * 1024) })
    const s = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(big)
    })
    servers.push(s)
    const err = await client(s, { maxResponseBytes: 1024 * 1024 })
      .version()
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ResponseTooLargeError)
    expect((err as Error).message).toMatch(/larger than 1 MiB/)
    // Under the cap the same answer is read.
    const small = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"data":{"version":"8.2.4","release":"8.2","repoid":"x"}}')
    })
    servers.push(small)
    await expect(client(small, { maxResponseBytes: 1024 * 1024 }).version()).resolves.toMatchObject({ version: '8.2.4' })
  })
})

describe('poll deadline', () => {
  it('a poll that overruns is abandoned and reported: stale, with a timeout, never left as it was', async () => {
    const s = await startTestServer((_req, res) => trickle(res))
    servers.push(s)
    // Each call may take 10 s; the poll as a whole only 800 ms.
    const api = monitorApiFromClient(client(s, { responseTimeoutMs: 10_000 }))
    const monitor = new ClusterMonitor({ clusterId: 'c', clusterName: 'C', api, intervalMs: 60_000, graceMs: 0, pollDeadlineMs: 800 })
    const snaps: ClusterSnapshot[] = []
    monitor.subscribe((snap) => void snaps.push(snap))
    const t0 = Date.now()
    monitor.start()
    try {
      const end = Date.now() + 5000
      while (snaps.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50))
      expect(Date.now() - t0).toBeLessThan(3000)
      const snap = snaps[0]
      expect(snap?.lastError?.kind).toBe('timeout')
      expect(snap?.lastError?.message).toMatch(/did not answer a whole poll within 1 s/)
      expect(snap?.health).not.toBe('ok')
    } finally {
      monitor.stop()
    }
  })
})
