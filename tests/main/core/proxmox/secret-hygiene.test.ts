import { inspect } from 'node:util'

import { afterAll, beforeAll, expect, test } from 'vitest'

import type { PveClusterConfig } from '../../../../src/main/core/proxmox'
import { PveClient, redactConfig } from '../../../../src/main/core/proxmox'
import type { Simulator } from '../../../../src/main/core/simulator'
import { startSimulator } from '../../../../src/main/core/simulator'
import type { TestServer } from './helpers/test-https-server'
import { closedPort, pveJson, startTestServer } from './helpers/test-https-server'

const SECRET = '5f0c9a7e-1b2d-4c3e-8f9a-0b1c2d3e4f5a'
let sim: Simulator
let echo: TestServer

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 10 })
  // A hostile server that echoes the Authorization header back in its reason phrase, body and errors map.
  echo = await startTestServer((req, res) => {
    const auth = req.authorization ?? ''
    if (req.url.includes('/version')) pveJson(res, 200, { data: { version: auth }, message: auth })
    else if (req.url.includes('/nodes')) pveJson(res, 200, { data: 'not-a-list ' + auth })
    else if (req.url.includes('/cluster/resources')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(`{"data": ${auth}`)
    } else pveJson(res, 400, { data: null, errors: { tokensecret: auth }, message: `bad ${auth}\n` }, `Parameter verification failed. ${auth}`)
  })
})
afterAll(async () => {
  await echo.close()
  await sim.close()
})

function contains(value: unknown): boolean {
  const texts = [String(value), inspect(value, { depth: 10, showHidden: true, getters: true })]
  try {
    texts.push(JSON.stringify(value) ?? '')
  } catch {
    /* circular: covered by inspect */
  }
  if (value instanceof Error) texts.push(value.message, value.stack ?? '', inspect(value.cause, { depth: 10, showHidden: true }))
  return texts.some((t) => t.includes(SECRET))
}

test('the token secret never appears in errors, log lines, String/inspect/JSON of the client', async () => {
  const token = sim.cluster.addToken({ id: 'hygiene@pve!tray', secret: SECRET, acls: [{ path: '/vms', privs: ['PVEAuditor'] }] })
  const logs: string[] = []
  const ep = sim.endpoints[0]!
  const dead = await closedPort()
  const config: PveClusterConfig = {
    id: 'h',
    name: 'hygiene',
    endpoints: [
      { host: '127.0.0.1', port: dead, fingerprint256: ep.fingerprint256 },
      { host: ep.host, port: ep.port, node: ep.node, fingerprint256: ep.fingerprint256 }
    ],
    tokenId: token.id,
    tokenSecret: token.secret,
    responseTimeoutMs: 150
  }
  const client = new PveClient(config, { logger: (l) => logs.push(l) })
  const echoClient = new PveClient(
    { ...config, endpoints: [{ host: echo.host, port: echo.port, fingerprint256: echo.fingerprint256 }] },
    { logger: (l) => logs.push(l) }
  )
  const wrongPin = new PveClient({ ...config, endpoints: [{ host: ep.host, port: ep.port, fingerprint256: '00'.repeat(32) }] })
  const errors: unknown[] = []
  const grab = (p: Promise<unknown>): Promise<void> =>
    p.then(
      () => undefined,
      (e: unknown) => void errors.push(e)
    )
  try {
    await client.clusterResources() // works after failing over from the dead endpoint
    await grab(client.clusterStatus()) // 403
    await grab(client.vmStart(ep.node, 100)) // 403 on a POST
    await grab(client.nodeTasks(ep.node, { limit: -1 })) // 400
    await grab(client.guestStatus(ep.node, 'qemu', 4444)) // not found
    const slow = sim.faults.slow(4000, { path: '/api2/json/version' }) // beyond undici's ~1 s timer granularity
    await grab(client.version()) // timeout
    slow.remove()
    const ac = new AbortController()
    ac.abort()
    await grab(client.version({ signal: ac.signal }))
    sim.faults.malformedJson({ path: '/api2/json/nodes' })
    await grab(client.nodes())
    await grab(wrongPin.version())
    await grab(echoClient.nodes()) // echo server: malformed answer containing the header
    await grab(echoClient.clusterStatus())
    await grab(echoClient.clusterResources())
    sim.faults.revokeToken(token.id)
    await grab(client.version()) // 401
    expect(errors.length).toBeGreaterThanOrEqual(10)
    // The secret was really used on the wire, so not finding it below means something.
    expect(echo.requests[0]?.authorization).toBe(`PVEAPIToken=${token.id}=${SECRET}`)
    for (const e of errors) expect(contains(e), inspect(e)).toBe(false)
    expect(logs.length).toBeGreaterThan(5)
    for (const l of logs) expect(l.includes(SECRET)).toBe(false)
    for (const c of [client, echoClient, client.clientForNode(ep.node), client.config]) expect(contains(c)).toBe(false)
    expect(String(client)).toContain('hygiene@pve!tray')
    expect(contains(redactConfig(config))).toBe(false)
    expect(() => new PveClient({ ...config, tokenSecret: `bad ${SECRET}` })).toThrow(/secret/)
    try {
      new PveClient({ ...config, tokenSecret: `bad ${SECRET}` })
    } catch (e) {
      expect(contains(e)).toBe(false)
    }
  } finally {
    sim.faults.clear()
    await Promise.all([client.close(), echoClient.close(), wrongPin.close()])
  }
})
