import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { call, get } from './sim-client'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 120, taskDurationMs: 50 })
})
afterAll(() => sim.close())

describe('§3 authentication', () => {
  test('§3 401 "Authentication failed!" has no body, closes the connection, comes after the delay', async () => {
    const r = await call(sim, 'GET', '/version', { token: { id: sim.tokens.admin.id, secret: 'wrong' } })
    expect(r.status).toBe(401)
    expect(r.reason).toBe('Authentication failed!')
    expect(r.text).toBe('')
    expect(r.headers.connection).toBe('close')
    expect(r.ms).toBeGreaterThanOrEqual(110)
  })

  test('§3 no credentials (or Bearer, or empty PVEAPIToken=) → 401 "No ticket", no body, delayed', async () => {
    for (const headers of [{}, { Authorization: 'Bearer abc' }, { Authorization: 'PVEAPIToken=' }] as Record<string, string>[]) {
      const r = await call(sim, 'GET', '/cluster/resources', { token: null, headers })
      expect(r.status).toBe(401)
      expect(r.reason).toBe('No ticket')
      expect(r.text).toBe('')
      expect(r.ms).toBeGreaterThanOrEqual(110)
    }
  })

  test('§3 every token failure collapses to "Authentication failed!" (unknown token, bad syntax, missing =, expired)', async () => {
    const expired = sim.cluster.addToken({ id: 'old@pve!gone', acls: [{ path: '/', privs: ['Administrator'] }], expire: 1000 })
    const values = ['nobody@pve!nosuch=abc', 'garbage=abc', 'root@pam!pvetray', `${expired.id}=${expired.secret}`]
    for (const v of values) {
      const r = await call(sim, 'GET', '/version', { token: null, headers: { Authorization: `PVEAPIToken=${v}` } })
      expect([r.status, r.reason]).toEqual([401, 'Authentication failed!'])
    }
  })

  test('§3 both "PVEAPIToken=" and "PVEAPIToken " forms are accepted, value is uri-unescaped', async () => {
    const t = sim.tokens.admin
    const space = await call(sim, 'GET', '/version', { token: null, headers: { Authorization: `PVEAPIToken ${encodeURIComponent(`${t.id}=${t.secret}`)}` } })
    expect(space.status).toBe(200)
    const eq = await call(sim, 'GET', '/version', { token: null, headers: { Authorization: `PVEAPIToken=${t.id}=${t.secret}` } })
    expect(eq.status).toBe(200)
  })

  test('§3 revoked token → 401 Authentication failed!', async () => {
    const t = sim.cluster.addToken({ id: 'temp@pve!tok', acls: [{ path: '/', privs: ['PVEAuditor'] }] })
    expect((await call(sim, 'GET', '/version', { token: t })).status).toBe(200)
    sim.faults.revokeToken(t.id)
    const r = await call(sim, 'GET', '/version', { token: t })
    expect([r.status, r.reason]).toEqual([401, 'Authentication failed!'])
  })
})

describe('§3/§4 permissions', () => {
  test('§4 auditor without VM.PowerMgmt → 403 "Permission check failed (/vms/100, VM.PowerMgmt)", message body with \\n', async () => {
    const r = await call(sim, 'POST', '/nodes/pve-a/qemu/100/status/start', { token: sim.tokens.auditor })
    expect(r.status).toBe(403)
    expect(r.reason).toBe('Permission check failed (/vms/100, VM.PowerMgmt)')
    expect(r.json).toEqual({ data: null, message: 'Permission check failed (/vms/100, VM.PowerMgmt)\n' })
    expect(r.headers.connection).toBe('close')
  })

  test('§4 permission checks run before handler and parameter checks (403 for a missing VMID and for bad params)', async () => {
    const missing = await call(sim, 'POST', '/nodes/pve-a/qemu/4242/status/start', { token: sim.tokens.auditor })
    expect(missing.status).toBe(403)
    const bad = await call(sim, 'POST', '/nodes/pve-a/qemu/100/status/start', { token: sim.tokens.auditor, body: 'bogus=1' })
    expect(bad.status).toBe(403)
  })

  test('§3 privsep token without ACLs: no guests/storage/pools in /cluster/resources (nodes without stats), 403 on /cluster/status', async () => {
    const r = await call(sim, 'GET', '/cluster/resources', { token: sim.tokens.noPrivs })
    expect(r.status).toBe(200)
    const items = (r.json as { data: Record<string, unknown>[] }).data
    expect(items.filter((i) => i.type !== 'node')).toEqual([])
    for (const n of items) expect(Object.keys(n).sort()).toEqual(['cgroup-mode', 'id', 'level', 'node', 'status', 'type'])
    const vms = await call(sim, 'GET', '/cluster/resources?type=vm', { token: sim.tokens.noPrivs })
    expect((vms.json as { data: unknown[] }).data).toEqual([])
    const st = await call(sim, 'GET', '/cluster/status', { token: sim.tokens.noPrivs })
    expect([st.status, st.reason]).toEqual([403, 'Permission check failed (/, Sys.Audit)'])
  })

  test('§1 resources are filtered per ACL: VM.Audit on /vms/100 only shows that guest; pool ACL grants its members', async () => {
    const one = sim.cluster.addToken({ id: 'one@pve!tok', acls: [{ path: '/vms/100', privs: ['VM.Audit'] }] })
    const r1 = await call(sim, 'GET', '/cluster/resources?type=vm', { token: one })
    expect((r1.json as { data: { vmid: number }[] }).data.map((g) => g.vmid)).toEqual([100])
    const pool = sim.cluster.addToken({ id: 'pool@pve!tok', acls: [{ path: '/pool/production', privs: ['PVEAuditor'] }] })
    const r2 = await call(sim, 'GET', '/cluster/resources?type=vm', { token: pool })
    const ids = (r2.json as { data: { vmid: number }[] }).data.map((g) => g.vmid)
    const members = sim.cluster
      .guests()
      .filter((g) => g.pool === 'production')
      .map((g) => g.vmid)
    expect(ids.sort()).toEqual(members.sort())
  })

  test('§3 GET /access/permissions answers the token effective privileges as path → {priv: 1}', async () => {
    const t = sim.cluster.addToken({
      id: 'matrix@pve!tok',
      acls: [
        { path: '/vms/101', privs: ['VM.Audit', 'VM.PowerMgmt'] },
        { path: '/storage', privs: ['Datastore.Audit'] }
      ]
    })
    const r = await call(sim, 'GET', '/access/permissions', { token: t })
    expect((r.json as { data: unknown }).data).toEqual({ '/vms/101': { 'VM.Audit': 1, 'VM.PowerMgmt': 1 }, '/storage': { 'Datastore.Audit': 1 } })
    const one = await call(sim, 'GET', '/access/permissions?path=/vms/101', { token: t })
    expect((one.json as { data: unknown }).data).toEqual({ '/vms/101': { 'VM.Audit': 1, 'VM.PowerMgmt': 1 } })
    const admin = await get<Record<string, Record<string, number>>>(sim, '/access/permissions')
    expect(admin['/']?.['VM.PowerMgmt']).toBe(1)
    const start = await call(sim, 'POST', '/nodes/pve-b/qemu/101/status/start', { token: t })
    expect(start.status).toBe(200)
    const other = await call(sim, 'POST', '/nodes/pve-a/qemu/100/status/start', { token: t })
    expect(other.status).toBe(403)
  })

  test('§3 root-only parameters by a token (even root@pam!x) → 400 "Only root may use this option."', async () => {
    const r = await call(sim, 'POST', '/nodes/pve-a/qemu/108/status/start', { body: 'skiplock=1' })
    expect(r.status).toBe(400)
    expect(r.json).toEqual({ data: null, message: 'Parameter verification failed.\n', errors: { skiplock: 'Only root may use this option.' } })
  })
})
