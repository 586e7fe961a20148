import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'

import {
  AbortedError,
  AuthenticationError,
  HttpError,
  MalformedResponseError,
  NetworkError,
  NodeUnreachableError,
  NotFoundError,
  ParameterError,
  PermissionDeniedError,
  PveClient,
  TaskFailedError,
  TimeoutError,
  TlsFingerprintMismatchError,
  UnsupportedEndpointError
} from '../../../../src/main/core/proxmox'
import type { Simulator } from '../../../../src/main/core/simulator'
import { startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'
import type { TestServer } from './helpers/test-https-server'
import { closedPort, pveJson, silentTcpServer, startTestServer } from './helpers/test-https-server'

let sim: Simulator
const clients: PveClient[] = []
const servers: TestServer[] = []

function track<T extends PveClient>(c: T): T {
  clients.push(c)
  return c
}

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 30, taskDurationMs: 50, proxyTimeoutMs: 300 })
})
afterEach(async () => {
  sim.faults.clear()
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
afterAll(async () => {
  await sim.close()
})

describe('HTTP answers become typed errors', () => {
  test('401 Authentication failed! (revoked token) → AuthenticationError, sent once', async () => {
    const token = sim.cluster.addToken({ id: 'revoked@pve!t1', acls: [{ path: '/', privs: ['PVEAuditor'] }] })
    const { client } = simClient(sim, token)
    track(client)
    await client.version()
    sim.faults.revokeToken(token.id)
    const before = sim.requests().length
    const err = await client.version().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AuthenticationError)
    expect(err).toMatchObject({ kind: 'auth', reason: 'failed', status: 401, reasonPhrase: 'Authentication failed!' })
    expect((err as Error).message).toMatch(/token ID.*secret/)
    expect(sim.requests().length - before).toBe(1)
  })

  test('401 No ticket → AuthenticationError reason no-ticket', async () => {
    const srv = await startTestServer((_req, res) => {
      res.writeHead(401, 'No ticket', { connection: 'close', 'content-length': 0 })
      res.end()
    })
    servers.push(srv)
    const client = track(
      new PveClient({
        id: 'x',
        name: 'x',
        endpoints: [{ host: srv.host, port: srv.port, fingerprint256: srv.fingerprint256 }],
        tokenId: 'a@pve!t',
        tokenSecret: 's3cr3t'
      })
    )
    await expect(client.version()).rejects.toMatchObject({ kind: 'auth', reason: 'no-ticket', reasonPhrase: 'No ticket' })
    expect(srv.requests).toHaveLength(1)
    expect(srv.requests[0]?.authorization).toBe('PVEAPIToken=a@pve!t=s3cr3t')
  })

  test('403 → PermissionDeniedError with ACL path and privilege', async () => {
    const { client } = simClient(sim, sim.tokens.auditor)
    track(client)
    const err = await client.vmStart('pve-a', 108).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PermissionDeniedError)
    expect(err).toMatchObject({ status: 403, aclPath: '/vms/108', privileges: ['VM.PowerMgmt'] })
    expect((err as Error).message).toContain('Grant VM.PowerMgmt on /vms/108')
  })

  test("400 → ParameterError with Proxmox's errors map", async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    const err = await client.nodeTasks('pve-a', { limit: -1 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ParameterError)
    expect((err as ParameterError).errors.limit).toMatch(/minimum value of 0/)
    expect((err as Error).message).toContain('limit: value must have a minimum value of 0')
  })

  test('500 "Configuration file ... does not exist" → NotFoundError; unknown task → NotFoundError', async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    const err = await client.guestStatus('pve-a', 'qemu', 4242).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NotFoundError)
    expect((err as NotFoundError).reasonPhrase).toMatch(/4242\.conf' does not exist/)
    await expect(client.taskStatus('UPID:pve-a:00001234:00005678:6600AAAA:qmstart:100:root@pam:')).rejects.toBeInstanceOf(NotFoundError)
  })

  test('501 Method not implemented → UnsupportedEndpointError', async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    sim.faults.serverError(501, { path: '/api2/json/version' }, "Method 'GET /version' not implemented")
    await expect(client.version()).rejects.toBeInstanceOf(UnsupportedEndpointError)
  })

  test('595 from the proxying node → NodeUnreachableError naming the node in the path', async () => {
    // Only pve-a is configured: it proxies /nodes/pve-c/status to the down node and relays 595.
    const a = sim.endpoints.find((e) => e.node === 'pve-a')!
    const { client } = simClient(sim, sim.tokens.admin, { endpoints: [{ host: a.host, port: a.port, fingerprint256: a.fingerprint256 }] })
    track(client)
    await sim.faults.nodeDown('pve-c', 'refuse')
    try {
      const err = await client.nodeStatus('pve-c').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(NodeUnreachableError)
      expect(err).toMatchObject({ node: 'pve-c', status: 595 })
      expect((err as Error).message).toContain('node "pve-c"')
    } finally {
      await sim.faults.nodeUp('pve-c')
    }
  })

  test('node endpoint refused → fails over to another node, which answers 595 for it', async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    await sim.faults.nodeDown('pve-d', 'refuse')
    try {
      const err = await client.nodeStatus('pve-d').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(NodeUnreachableError)
      expect((err as NodeUnreachableError).attempts).toEqual([
        expect.objectContaining({ kind: 'network', port: sim.endpoints.find((e) => e.node === 'pve-d')!.port })
      ])
    } finally {
      await sim.faults.nodeUp('pve-d')
    }
  })

  test('other 5xx → HttpError with host, path, status and reason phrase', async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    sim.faults.serverError(500, { path: '/api2/json/cluster/status' }, 'cluster not ready - no quorum?')
    const err = await client.clusterStatus().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HttpError)
    expect(err).toMatchObject({ status: 500, reasonPhrase: 'cluster not ready - no quorum?', path: '/cluster/status', host: '127.0.0.1' })
    expect((err as Error).message).toMatch(/127\.0\.0\.1:\d+ \(GET \/cluster\/status\) answered 500 cluster not ready/)
  })

  test('legacy error bodies ({"data":null}, message only in the reason phrase) are understood', async () => {
    const legacy = await startSimulator({ errorBodies: 'legacy', authDelayMs: 10 })
    const { client } = simClient(legacy, legacy.tokens.auditor)
    try {
      await expect(client.vmStop('pve-a', 100)).rejects.toMatchObject({ kind: 'permission', aclPath: '/vms/100' })
      await expect(client.guestStatus('pve-a', 'lxc', 4243)).rejects.toBeInstanceOf(NotFoundError)
    } finally {
      await client.close()
      await legacy.close()
    }
  })

  test("task failure → TaskFailedError with Proxmox's exit status", async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    const upid = await client.vmStart('pve-c', 103) // already running, not HA-managed
    const err = await client.waitForTask(upid, { pollMs: 20 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TaskFailedError)
    expect(err).toMatchObject({ exitstatus: 'VM 103 already running', node: 'pve-c', upid: upid.upid })
  })
})

describe('transport failures become typed errors', () => {
  test('response timeout → TimeoutError (phase response)', async () => {
    const { client } = simClient(sim, sim.tokens.admin, { responseTimeoutMs: 150 })
    track(client)
    // undici's header timers tick every ~0.5 s, so a 150 ms timeout can fire up to ~1.5 s late:
    // the answer must be held back well beyond that for the timeout to be the only outcome.
    sim.faults.slow(4000, { path: '/api2/json/version' })
    const err = await client.version().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TimeoutError)
    expect(err).toMatchObject({ phase: 'response', timeoutMs: 150 })
  })

  test('per-call timeoutMs overrides the configured one', async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    sim.faults.slow(4000, { path: '/api2/json/cluster/status' }) // coarse undici timers: see above
    await expect(client.clusterStatus({ timeoutMs: 100 })).rejects.toMatchObject({ kind: 'timeout', timeoutMs: 100 })
  })

  test('a port that accepts TCP but never completes TLS → TimeoutError (phase connect)', async () => {
    const silent = await silentTcpServer()
    try {
      const client = track(
        new PveClient({
          id: 'x',
          name: 'x',
          endpoints: [{ host: '127.0.0.1', port: silent.port, fingerprint256: sim.endpoints[0]!.fingerprint256 }],
          tokenId: 'a@pve!t',
          tokenSecret: 's',
          connectTimeoutMs: 200
        })
      )
      await expect(client.version()).rejects.toMatchObject({ kind: 'timeout', phase: 'connect', timeoutMs: 200 })
    } finally {
      await silent.close()
    }
  })

  test('a node that completes TLS and never answers (hang): its own calls → TimeoutError (phase response), cluster-wide GETs move on', async () => {
    const b = sim.endpoints.find((e) => e.node === 'pve-b')!
    const { client } = simClient(sim, sim.tokens.admin, { responseTimeoutMs: 200 })
    track(client)
    await client.clientForNode('pve-b').version() // pve-b is now the preferred endpoint
    await sim.faults.nodeDown('pve-b', 'hang')
    try {
      let before = sim.requests().length
      await expect(client.clientForNode('pve-b').nodeStatus('pve-b')).rejects.toMatchObject({
        kind: 'timeout',
        phase: 'response',
        timeoutMs: 200,
        port: b.port
      })
      expect(
        sim
          .requests()
          .slice(before)
          .map((r) => r.endpoint)
      ).toEqual(['pve-b'])

      before = sim.requests().length
      const answered = await client.version()
      expect(answered.version).toBeTruthy()
      const asked = sim
        .requests()
        .slice(before)
        .map((r) => r.endpoint)
      expect(asked[0]).toBe('pve-b')
      expect(asked).toHaveLength(2)
      expect(client.lastEndpoint?.node).toBe(asked[1])
      expect(asked[1]).not.toBe('pve-b')
    } finally {
      await sim.faults.nodeUp('pve-b')
    }
  })

  test('AbortSignal cancels a call in flight → AbortedError', async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    sim.faults.slow(2000, { path: '/api2/json/nodes' })
    const ac = new AbortController()
    const started = Date.now()
    setTimeout(() => ac.abort(), 50)
    await expect(client.nodes({ signal: ac.signal })).rejects.toBeInstanceOf(AbortedError)
    expect(Date.now() - started).toBeLessThan(1500)
    const pre = new AbortController()
    pre.abort()
    await expect(client.version({ signal: pre.signal })).rejects.toBeInstanceOf(AbortedError)
  })

  test('nothing listening → NetworkError ECONNREFUSED with advice', async () => {
    const port = await closedPort()
    const client = track(
      new PveClient({
        id: 'x',
        name: 'x',
        endpoints: [{ host: '127.0.0.1', port, fingerprint256: sim.endpoints[0]!.fingerprint256 }],
        tokenId: 'a@pve!t',
        tokenSecret: 's'
      })
    )
    const err = await client.version().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NetworkError)
    expect(err).toMatchObject({ code: 'ECONNREFUSED', mayHaveReachedServer: false, host: '127.0.0.1', port, path: '/version' })
    expect((err as Error).message).toContain('pveproxy')
  })

  test('unresolvable host name → NetworkError (ENOTFOUND / EAI_AGAIN)', async () => {
    const client = track(
      new PveClient({
        id: 'x',
        name: 'x',
        endpoints: [{ host: 'no-such-node.invalid', port: 8006, fingerprint256: sim.endpoints[0]!.fingerprint256 }],
        tokenId: 'a@pve!t',
        tokenSecret: 's'
      })
    )
    const err = await client.version().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NetworkError)
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain((err as NetworkError).code)
  })

  test('malformed JSON, truncated body and wrong shape → MalformedResponseError', async () => {
    const { client } = simClient(sim, sim.tokens.admin)
    track(client)
    const h1 = sim.faults.malformedJson({ path: '/api2/json/version' })
    await expect(client.version()).rejects.toMatchObject({ kind: 'malformed', detail: expect.stringMatching(/not JSON/) })
    h1.remove()
    sim.faults.truncatedJson({ path: '/api2/json/cluster/resources' })
    await expect(client.clusterResources()).rejects.toBeInstanceOf(MalformedResponseError)

    const srv = await startTestServer((req, res) => pveJson(res, 200, req.url.includes('version') ? { data: { version: 9 } } : { nodata: true }))
    servers.push(srv)
    const odd = track(
      new PveClient({
        id: 'x',
        name: 'x',
        endpoints: [{ host: srv.host, port: srv.port, fingerprint256: srv.fingerprint256 }],
        tokenId: 'a@pve!t',
        tokenSecret: 's'
      })
    )
    await expect(odd.version()).rejects.toMatchObject({ kind: 'malformed', detail: expect.stringMatching(/^data\.version/) })
    await expect(odd.nodes()).rejects.toMatchObject({ kind: 'malformed', detail: expect.stringMatching(/envelope/) })
  })

  test('fingerprint mismatch → TlsFingerprintMismatchError with expected and presented; nothing sent', async () => {
    const a = sim.endpoints[0]!
    // Never the real one (its first byte may itself be AA: the simulator's certificates are random).
    const wrong = (a.fingerprint256.startsWith('AA') ? 'BB:' : 'AA:') + a.fingerprint256.slice(3)
    const { client } = simClient(sim, sim.tokens.admin, { endpoints: [{ host: a.host, port: a.port, fingerprint256: wrong }] })
    track(client)
    const before = sim.requests().length
    const err = await client.version().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TlsFingerprintMismatchError)
    expect(err).toMatchObject({ expected: wrong, presented: a.fingerprint256 })
    expect((err as Error).message).toContain(a.fingerprint256)
    expect(sim.requests().length).toBe(before)
  })
})
