// Onboarding's "Test connection" has a deadline of its own, like a poll: a server that sends its headers and
// then trickles the body (each call would wait its own 15 s) ends the test at the deadline, with advice.
import type { ServerResponse } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ConnectionTestResult } from '../../../../src/shared/views'
import { type Harness, makeHarness } from '../app/app-core-harness'
import { startTestServer, type TestServer } from '../proxmox/helpers/test-https-server'

let server: TestServer
let h: Harness
const timers = new Set<NodeJS.Timeout>()

beforeAll(async () => {
  server = await startTestServer((_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"data":')
    const t = setInterval(() => res.write(' '), 200)
    timers.add(t)
    res.on('close', () => clearInterval(t))
  })
  h = makeHarness({ timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000, testConnectionDeadlineMs: 1000 } })
})

afterAll(async () => {
  for (const t of timers) clearInterval(t)
  await h?.cleanup()
  await server?.close()
})

describe('test connection', () => {
  it("ends at its deadline with advice, not after each call's own timeout", async () => {
    const t0 = Date.now()
    const r = await h.core.dispatch('onboarding:test-connection', {
      endpoint: { host: server.host, port: server.port, node: null, fingerprint256: server.fingerprint256 },
      tokenId: 'a@pve!t',
      tokenSecret: '11111111-2222-3333-4444-555555555555'
    })
    const took = Date.now() - t0
    expect(r.ok).toBe(true)
    const res = (r.ok ? r.value : null) as ConnectionTestResult
    expect(res.ok).toBe(false)
    expect(res.message).toMatch(/did not finish answering the test within 1 s/)
    expect(res.fieldErrors['host']).toBeDefined()
    expect(took).toBeLessThan(3000)
  })
})
