import { rootCertificates } from 'node:tls'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type SimAcl, type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import type { ConnectionTestResult, FeatureId } from '../../../../src/shared/views'
import { type Harness, makeHarness } from '../app/app-core-harness'

let sim: Simulator
let h: Harness
const WRONG_FP = 'AA:'.repeat(31) + 'AA'

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, seed: 5 })
  h = makeHarness()
})
afterAll(async () => {
  await h?.cleanup()
  await sim?.close()
})

async function test(input: Record<string, unknown>): Promise<ConnectionTestResult> {
  const r = await h.core.dispatch('onboarding:test-connection', input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as ConnectionTestResult
}

function endpoint(fp: string | null): Record<string, unknown> {
  const ep = sim.endpoints[0]
  return { host: ep?.host, port: ep?.port, node: ep?.node, fingerprint256: fp }
}

describe('onboarding', () => {
  it("refuses a public web root as cluster CA (test and save), sending nothing, and accepts the cluster's own", async () => {
    const before = sim.requests().length
    const publicRoot = rootCertificates[0] ?? ''
    const base = { endpoint: endpoint(null), tokenId: sim.tokens.admin.id, tokenSecret: sim.tokens.admin.secret }
    const refused = await test({ ...base, caPem: publicRoot })
    expect(refused.ok).toBe(false)
    expect(refused.fieldErrors['caPem']).toMatch(/whole web/)
    expect(sim.requests().length).toBe(before)
    const saved = await h.core.dispatch('settings:save-cluster', {
      name: 'x',
      mode: 'monitor',
      endpoints: [endpoint(null)],
      tokenId: sim.tokens.admin.id,
      tokenSecret: sim.tokens.admin.secret,
      caPem: publicRoot
    })
    expect(saved).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { caPem: expect.stringMatching(/whole web/) } } })
    expect((await test({ ...base, caPem: sim.caPem })).ok).toBe(true)
  })

  it('probes the certificate without trusting it', async () => {
    const ep = sim.endpoints[0]
    const r = await h.core.dispatch('onboarding:probe-certificate', { host: ep?.host, port: ep?.port })
    expect(r.ok && (r.value as { fingerprint256: string }).fingerprint256).toBe(ep?.fingerprint256)
  })

  it('maps a closed port to the host and port fields', async () => {
    const r = await h.core.dispatch('onboarding:probe-certificate', { host: '127.0.0.1', port: 1 })
    expect(r).toMatchObject({ ok: false, error: { code: 'unreachable' } })
    if (!r.ok) expect(Object.keys(r.error.fields ?? {})).toEqual(['host', 'port'])
  })

  it('asks to trust the certificate when no fingerprint is pinned', async () => {
    const r = await test({ endpoint: endpoint(null), tokenId: sim.tokens.admin.id, tokenSecret: sim.tokens.admin.secret })
    expect(r.needsTrust).toBe(true)
    expect(r.ok).toBe(false)
    expect(r.certificate?.fingerprint256).toBe(sim.endpoints[0]?.fingerprint256)
  })

  it('reports a wrong token on the token fields', async () => {
    const r = await test({ endpoint: endpoint(sim.endpoints[0]?.fingerprint256 ?? null), tokenId: sim.tokens.admin.id, tokenSecret: 'wrong-secret-0000' })
    expect(r.ok).toBe(false)
    expect(Object.keys(r.fieldErrors).sort()).toEqual(['tokenId', 'tokenSecret'])
  })

  it('reports a wrong fingerprint on the fingerprint field, with the presented certificate', async () => {
    const r = await test({ endpoint: endpoint(WRONG_FP), tokenId: sim.tokens.admin.id, tokenSecret: sim.tokens.admin.secret })
    expect(r.ok).toBe(false)
    expect(Object.keys(r.fieldErrors)).toEqual(['fingerprint'])
    expect(r.certificate?.fingerprint256).toBe(sim.endpoints[0]?.fingerprint256)
  })

  it('accepts a good token: version, all privileges; discovered addresses that do not lead to their node are not offered', async () => {
    const r = await test({ endpoint: endpoint(sim.endpoints[0]?.fingerprint256 ?? null), tokenId: sim.tokens.admin.id, tokenSecret: sim.tokens.admin.secret })
    expect(r.ok).toBe(true)
    expect(r.version).toBeTruthy()
    expect(r.privileges.filter((p) => p.feature !== 'ssh-health').every((p) => p.ok)).toBe(true)
    expect(r.privileges.find((p) => p.feature === 'ssh-health')?.ok).toBe(false)
    expect(r.emptyView).toBe(false)
    // /cluster/status reports every simulated node at 127.0.0.1, so "127.0.0.1 on the tested port" answers with
    // node A's certificate, not the one the cluster reports for B, C or D (like an address behind NAT): none is
    // offered, and nothing reaches the settings without the user choosing it.
    expect(r.discoveredEndpoints).toEqual([])
  })

  it('explains the empty view of a privilege-separated token without ACLs', async () => {
    const r = await test({
      endpoint: endpoint(sim.endpoints[0]?.fingerprint256 ?? null),
      tokenId: sim.tokens.noPrivs.id,
      tokenSecret: sim.tokens.noPrivs.secret
    })
    expect(r.ok).toBe(true)
    expect(r.emptyView).toBe(true)
    expect(r.message).toMatch(/privilege-separated/)
  })

  describe('privilege table', () => {
    // HA and Ceph both read `/` (one grant there serves both): tests/main/core/app/ha-ceph-watch.test.ts.
    const grants: Record<Exclude<FeatureId, 'ssh-health' | 'ha' | 'ceph'>, SimAcl> = {
      nodes: { path: '/nodes', privs: ['Sys.Audit'] },
      guests: { path: '/vms', privs: ['VM.Audit'] },
      storage: { path: '/storage', privs: ['Datastore.Audit'] },
      power: { path: '/vms', privs: ['VM.PowerMgmt'] },
      'guest-agent': { path: '/vms', privs: ['VM.GuestAgent.Audit'] },
      backups: { path: '/storage', privs: ['Datastore.AllocateSpace'] },
      'backup-jobs': { path: '/', privs: ['Sys.Audit'] },
      'task-log': { path: '/nodes', privs: ['Sys.Audit'] },
      updates: { path: '/nodes', privs: ['Sys.Modify'] },
      replication: { path: '/vms', privs: ['VM.Audit'] },
      subscription: { path: '/nodes', privs: ['Sys.Audit'] }
    }
    // Features that one grant gives together (the same privilege, or Sys.Audit on / propagating to /nodes).
    const together: Partial<Record<string, readonly string[]>> = {
      nodes: ['task-log', 'subscription'],
      'task-log': ['nodes', 'subscription'],
      subscription: ['nodes', 'task-log'],
      guests: ['replication'],
      replication: ['guests'],
      storage: ['backups'],
      'backup-jobs': ['nodes', 'task-log', 'subscription']
    }
    for (const [feature, acl] of Object.entries(grants)) {
      it(`${feature}: present only when granted`, async () => {
        const only = sim.cluster.addToken({ id: `only-${feature}@pve!tray`, acls: [acl] })
        const r = await test({ endpoint: endpoint(sim.endpoints[0]?.fingerprint256 ?? null), tokenId: only.id, tokenSecret: only.secret })
        const got = Object.fromEntries(r.privileges.map((p) => [p.feature, p.ok]))
        const given = [feature, ...(together[feature] ?? [])]
        for (const f of Object.keys(grants)) expect(got[f], `${f} with only ${feature}`).toBe(given.includes(f))
        const missing = r.privileges.find((p) => !given.includes(p.feature) && p.feature !== 'ssh-health')
        expect(missing?.missing.length).toBe(1)
        expect(missing?.explanation).toMatch(/^Without /)
      })
    }
  })

  it('puts no secret in any onboarding response', async () => {
    const r = await h.core.dispatch('onboarding:test-connection', {
      endpoint: endpoint(WRONG_FP),
      tokenId: sim.tokens.admin.id,
      tokenSecret: sim.tokens.admin.secret
    })
    expect(JSON.stringify(r)).not.toContain(sim.tokens.admin.secret)
  })
})
