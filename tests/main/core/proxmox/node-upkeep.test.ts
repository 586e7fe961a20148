// A node's upkeep reads over the wire against the simulator, and against the official schema: each path the
// client reads is a GET of the schema that the simulator serves with the schema's permissions; the answers are
// read strictly where a judgement rests on them (a malformed one is an error, never "no updates").
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { PveClient } from '../../../../src/main/core/proxmox'
import { NODE_UPKEEP_READS, nodeCertificatesSchema, subscriptionSchema } from '../../../../src/main/core/proxmox/node-upkeep'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import apiSubset from '../../../../src/main/core/simulator/api-subset.json'
import { loadSchemaIndex } from '../simulator/schema-check'
import { simClient } from './helpers/sim-client'

let sim: Simulator
let admin: PveClient
let auditor: PveClient

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20 })
  admin = simClient(sim, sim.tokens.admin).client
  auditor = simClient(sim, sim.tokens.auditor).client
})
afterAll(async () => {
  await admin.close()
  await auditor.close()
  await sim.close()
})

describe('the upkeep paths in the official schema', () => {
  const schema = loadSchemaIndex()
  const subset = apiSubset as Record<string, { permissions: unknown }>
  test.each(Object.values(NODE_UPKEEP_READS).map((r) => `/nodes/{node}/${r.path}`))('%s: a GET of the schema, served with its permissions', (path) => {
    const get = (schema.get(path)?.info as Record<string, { permissions?: Record<string, unknown> }> | undefined)?.GET
    expect(get, `schema has GET ${path}`).toBeDefined()
    const { description: _d, ...permissions } = get?.permissions ?? {}
    expect(subset[`GET ${path}`]?.permissions).toEqual(permissions)
  })

  test('updates need Sys.Modify on /nodes/{node}; the client never POSTs apt/update', () => {
    expect(subset['GET /nodes/{node}/apt/update']?.permissions).toEqual({ check: ['perm', '/nodes/{node}', ['Sys.Modify']] })
    expect(Object.keys(subset).filter((k) => k.startsWith('POST') && k.includes('/apt/'))).toEqual([])
  })
})

describe('node upkeep reads against the simulator', () => {
  test('updates: name, installed and new version, a new package without an installed one', async () => {
    const u = await admin.nodeUpkeep('pve-a', 'updates')
    expect(u).toHaveLength(7)
    expect(u.find((p) => p.name === 'qemu-server')).toEqual({ name: 'qemu-server', oldVersion: '9.0.21', newVersion: '9.0.23', origin: 'Proxmox' })
    expect(u.find((p) => p.name === 'proxmox-kernel-6.17.2-2-pve-signed')?.oldVersion).toBeNull()
    expect(await admin.nodeUpkeep('pve-b', 'updates')).toEqual([])
  })

  test('a token without Sys.Modify is refused with the privilege named', async () => {
    await expect(auditor.nodeUpkeep('pve-a', 'updates')).rejects.toMatchObject({ kind: 'permission', status: 403 })
  })

  test("certificate: the one pveproxy presents, its expiry from the node's real certificate or as set", async () => {
    const real = await admin.nodeUpkeep('pve-a', 'certificate')
    expect(real).toMatchObject({ filename: 'pve-ssl.pem', fingerprint: sim.endpoints.find((e) => e.node === 'pve-a')?.fingerprint256 })
    expect((real?.notAfter ?? 0) - Date.now()).toBeGreaterThan(600 * 86_400_000)
    sim.upkeep.setCertificateDaysLeft('pve-a', 3)
    const soon = await auditor.nodeUpkeep('pve-a', 'certificate')
    expect(Math.round(((soon?.notAfter ?? 0) - Date.now()) / 86_400_000)).toBe(3)
    sim.upkeep.setCertificateDaysLeft('pve-a', null)
  })

  test('pveproxy-ssl.pem (a custom or ACME certificate) is the one served when the node has it; none listed is null', () => {
    const items = [
      { filename: 'pve-root-ca.pem', notafter: 2_000_000_000 },
      { filename: 'pve-ssl.pem', notafter: 1_900_000_000 },
      { filename: 'pveproxy-ssl.pem', notafter: 1_800_000_000, issuer: "/C=US/O=Let's Encrypt/CN=R11" }
    ]
    expect(nodeCertificatesSchema.parse(items)).toMatchObject({
      filename: 'pveproxy-ssl.pem',
      notAfter: 1_800_000_000_000,
      issuer: "/C=US/O=Let's Encrypt/CN=R11"
    })
    expect(nodeCertificatesSchema.parse(items.slice(0, 1))).toBeNull()
  })

  test('replication: the jobs of guests the token may audit, with their failures', async () => {
    const jobs = await admin.nodeUpkeep('pve-c', 'replication')
    expect(jobs.map((j) => j.id)).toEqual(['103-0', '202-0'])
    expect(jobs[0]).toMatchObject({ guest: 103, target: 'pve-d', failCount: 4, disabled: false })
    expect(jobs[0]?.error).toMatch(/failed: exit code 255$/)
    expect(jobs[1]).toMatchObject({ failCount: 0, error: null })
    const only = sim.cluster.addToken({ id: 'one@pve!vm', acls: [{ path: '/vms/202', privs: ['VM.Audit'] }] })
    const c = simClient(sim, only).client
    try {
      expect((await c.nodeUpkeep('pve-c', 'replication')).map((j) => j.id)).toEqual(['202-0'])
    } finally {
      await c.close()
    }
  })

  test('subscription: status for everyone, level and due date only with Sys.Audit', async () => {
    expect(await admin.nodeUpkeep('pve-d', 'subscription')).toMatchObject({ status: 'expired', level: 'c', nextDueDate: '2026-11-30' })
    const bare = sim.cluster.addToken({ id: 'bare@pve!tray', acls: [{ path: '/vms', privs: ['VM.Audit'] }] })
    const c = simClient(sim, bare).client
    try {
      expect(await c.nodeUpkeep('pve-d', 'subscription')).toMatchObject({ status: 'expired', level: null, nextDueDate: null })
    } finally {
      await c.close()
    }
    sim.upkeep.setSubscription('pve-a', { status: 'notfound' })
    expect(await admin.nodeUpkeep('pve-a', 'subscription')).toMatchObject({ status: 'notfound', level: null, message: 'There is no subscription key' })
    // PVE 6's capitalised words read as the schema's.
    expect(subscriptionSchema.parse({ status: 'NotFound' }).status).toBe('notfound')
  })

  test('a malformed answer is an error, never an empty list', async () => {
    const fault = sim.faults.malformedJson({ path: /\/apt\/update$/ })
    try {
      await expect(admin.nodeUpkeep('pve-a', 'updates')).rejects.toMatchObject({ kind: 'malformed' })
    } finally {
      fault.remove()
    }
    expect(() => NODE_UPKEEP_READS.updates.schema.parse([{ Package: 'x' }])).toThrow()
    expect(() => NODE_UPKEEP_READS.replication.schema.parse({ data: [] })).toThrow()
  })
})
