import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { call, rawConnect, rawGet, readResponse } from './sim-client'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 50, idleTimeoutMs: 300, maxRequestsPerConnection: 5, taskDurationMs: 50 })
})
afterAll(() => sim.close())

describe('§4 errors on the wire', () => {
  test('§4 unknown path → 501 "Method \'GET /x\' not implemented", never 404; unknown method on a known path too', async () => {
    const r = await call(sim, 'GET', '/nodes/pve-a/bogus')
    expect([r.status, r.reason]).toEqual([501, "Method 'GET /nodes/pve-a/bogus' not implemented"])
    expect(r.json).toEqual({ data: null, message: "Method 'GET /nodes/pve-a/bogus' not implemented\n" })
    const put = await call(sim, 'PUT', '/version', { body: '' })
    expect([put.status, put.reason]).toEqual([501, "Method 'PUT /version' not implemented"])
  })

  test('§8/§9 HEAD, OPTIONS, PATCH → 501 "method \'HEAD\' not available"', async () => {
    for (const m of ['HEAD', 'OPTIONS', 'PATCH']) {
      const s = await rawConnect(sim)
      s.write(`${m} /api2/json/version HTTP/1.1\r\nHost: x\r\n\r\n`)
      const res = await readResponse(s)
      expect(res.head.split('\r\n')[0]).toBe(`HTTP/1.1 501 method '${m}' not available`)
      s.destroy()
    }
  })

  test('§4 missing guest → 500 with Proxmox text (status/current)', async () => {
    const r = await call(sim, 'GET', '/nodes/pve-a/qemu/4242/status/current')
    expect([r.status, r.reason]).toEqual([500, "Configuration file 'nodes/pve-a/qemu-server/4242.conf' does not exist"])
  })

  test('§4 parameter verification 400 with the errors map texts (enum, integer, additional property, missing)', async () => {
    const r = await call(sim, 'GET', '/cluster/resources?type=pool')
    expect(r.status).toBe(400)
    expect(r.reason).toBe('Parameter verification failed.')
    expect(r.json).toEqual({
      data: null,
      message: 'Parameter verification failed.\n',
      errors: { type: "value 'pool' does not have a value in the enumeration 'vm, storage, node, sdn'" }
    })
    const vmid = await call(sim, 'GET', '/nodes/pve-a/qemu/abc/status/current')
    expect((vmid.json as { errors: unknown }).errors).toEqual({ vmid: "type check ('integer') failed - got 'abc'" })
    const extra = await call(sim, 'GET', '/version?foo=1')
    expect((extra.json as { errors: unknown }).errors).toEqual({ foo: 'property is not defined in schema and the schema does not allow additional properties' })
    const missing = await call(sim, 'GET', '/nodes/pve-a/rrddata')
    expect((missing.json as { errors: unknown }).errors).toEqual({ timeframe: 'property is missing and it is not optional' })
    const bool = await call(sim, 'GET', '/nodes/pve-a/qemu?full=true')
    expect((bool.json as { errors: unknown }).errors).toEqual({ full: "type check ('boolean') failed - got 'true'" })
  })

  test('§4 legacy error bodies (< PVE 8.3) carry only {"data":null} (+errors), message only in the reason phrase', async () => {
    const legacy = await startSimulator({ authDelayMs: 10, errorBodies: 'legacy' })
    try {
      const r = await call(legacy, 'GET', '/nodes/pve-a/qemu/4242/status/current')
      expect(r.json).toEqual({ data: null })
      expect(r.reason).toBe("Configuration file 'nodes/pve-a/qemu-server/4242.conf' does not exist")
    } finally {
      await legacy.close()
    }
  })

  test('§4 success responses: {"data":...}, application/json;charset=UTF-8, Server pve-api-daemon/3.0, no-cache headers', async () => {
    const r = await call(sim, 'GET', '/version')
    expect(r.headers['content-type']).toBe('application/json;charset=UTF-8')
    expect(r.headers.server).toBe('pve-api-daemon/3.0')
    expect(r.headers['cache-control']).toBe('max-age=0')
    expect(r.headers.pragma).toBe('no-cache')
    expect(r.headers.expires).toBeDefined()
  })

  test('§4 gzip only when asked and body > 1024 bytes', async () => {
    const big = await call(sim, 'GET', '/cluster/resources', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(big.headers['content-encoding']).toBe('gzip')
    const small = await call(sim, 'GET', '/version', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(small.headers['content-encoding']).toBeUndefined()
  })
})

describe('§8 pveproxy connection behaviour', () => {
  test('§8 keep-alive responses carry only "Connection: Keep-Alive" (no Keep-Alive header), status line echoes HTTP/1.x', async () => {
    const s = await rawConnect(sim)
    s.write(rawGet('/version', sim.tokens.admin))
    const a = await readResponse(s)
    expect(a.head).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(a.head).toContain('Connection: Keep-Alive')
    expect(a.head).not.toMatch(/^Keep-Alive:/im)
    s.write(`GET /api2/json/version HTTP/1.0\r\nConnection: keep-alive\r\nAuthorization: PVEAPIToken=${sim.tokens.admin.id}=${sim.tokens.admin.secret}\r\n\r\n`)
    const b = await readResponse(s)
    expect(b.head).toMatch(/^HTTP\/1\.0 200 OK\r\n/)
    s.destroy()
  })

  test('§8 every response >= 400 closes the connection', async () => {
    const s = await rawConnect(sim)
    s.write(rawGet('/nodes/pve-a/qemu/4242/status/current', sim.tokens.admin))
    const r = await readResponse(s)
    expect(r.head).toContain('Connection: close')
    await new Promise((res) => s.once('close', res))
  })

  test('§8 the maxRequestsPerConnection-th response carries Connection: close', async () => {
    const s = await rawConnect(sim)
    for (let i = 1; i <= 5; i++) {
      s.write(rawGet('/version', sim.tokens.admin))
      const r = await readResponse(s)
      expect(r.head).toContain(i < 5 ? 'Connection: Keep-Alive' : 'Connection: close')
    }
    await new Promise((res) => s.once('close', res))
  })

  test('§8 an idle keep-alive connection is closed by the server after idleTimeoutMs', async () => {
    const s = await rawConnect(sim)
    s.write(rawGet('/version', sim.tokens.admin))
    await readResponse(s)
    const closed = new Promise((res) => s.once('close', res))
    await new Promise((res) => setTimeout(res, 100))
    expect(s.destroyed).toBe(false)
    await closed
  })

  test('§8 chunked request bodies → 501 "chunked transfer encoding not supported"; GET with body → 501 Unexpected content', async () => {
    const s = await rawConnect(sim)
    s.write('POST /api2/json/nodes/pve-a/qemu/100/status/start HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')
    expect((await readResponse(s)).head.split('\r\n')[0]).toBe('HTTP/1.1 501 chunked transfer encoding not supported')
    s.destroy()
    const g = await rawConnect(sim)
    g.write('GET /api2/json/version HTTP/1.1\r\nContent-Length: 2\r\n\r\nab')
    expect((await readResponse(g)).head.split('\r\n')[0]).toBe("HTTP/1.1 501 Unexpected content for method 'GET'")
    g.destroy()
  })

  test('§8 TLS: node certificate is signed by the "PVE Cluster Manager CA" and the fingerprint matches', async () => {
    const s = await rawConnect(sim, 'pve-b')
    const cert = s.getPeerCertificate()
    expect(cert.issuer.O).toBe('PVE Cluster Manager CA')
    expect(cert.fingerprint256).toBe(sim.endpoints.find((e) => e.node === 'pve-b')?.fingerprint256)
    s.destroy()
  })

  test('§9 /nodes/localhost/... is the node that received the request', async () => {
    const r = await call(sim, 'GET', '/nodes/localhost/status', { node: 'pve-c' })
    expect(r.status).toBe(200)
    const st = await call(sim, 'GET', '/cluster/status', { node: 'pve-c' })
    const local = (st.json as { data: { name?: string; local?: number }[] }).data.filter((x) => x.local === 1)
    expect(local.map((x) => x.name)).toEqual(['pve-c'])
  })
})
