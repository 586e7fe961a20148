// A stored token secret goes only where it was saved for. A second HTTPS server (a host the user never
// trusted for this token) must receive no Authorization header under any sequence of IPC calls that does
// not re-enter the secret; the same calls with the secret entered again do reach it (so the check can fail).
import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { defaultSettingsDoc } from '../../../../src/main/core/settings/settings-schema'
import { createSettingsService } from '../../../../src/main/core/settings/settings-service'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { createClusterCa } from '../../../../src/main/core/simulator/certs'
import { vaultKeys } from '../../../../src/main/core/vault/secret-vault'
import type { ConnectionTestResult, SettingsView } from '../../../../src/shared/views'
import { memoryVault } from '../../../helpers/memory-vault'
import { clusterInput, type Harness, makeHarness, until } from '../app/app-core-harness'
import { pveJson, startTestServer, type TestServer } from '../proxmox/helpers/test-https-server'

let sim: Simulator
let evil: TestServer
let h: Harness
let clusterId = ''
/** A proper CA, just not the one the secret was saved with. */
let otherCa = ''

const evilEndpoint = () => ({ host: evil.host, port: evil.port, node: 'evil', fingerprint256: evil.fingerprint256 })
const simEndpoints = () => sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 }))
const authHeaders = (): string[] => evil.requests.map((r) => r.authorization ?? '').filter((a) => a !== '')

async function save(input: Record<string, unknown>) {
  return h.core.dispatch('settings:save-cluster', { ...clusterInput(sim), id: clusterId, tokenSecret: undefined, ...input })
}

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 10 })
  otherCa = (await createClusterCa()).cert
  evil = await startTestServer((_req, res) => pveJson(res, 200, { data: { version: '8.2.4', release: '8.2', repoid: 'x' } }))
  h = makeHarness()
  await h.core.start()
  const r = await h.core.dispatch('settings:save-cluster', clusterInput(sim))
  if (!r.ok) throw new Error(r.error.message)
  clusterId = (r.value as SettingsView).clusters[0]?.id ?? ''
  await until(() => h.core.getState().clusters[0]?.nodes.length)
}, 60_000)

afterAll(async () => {
  await h?.cleanup()
  await evil?.close()
  await sim?.close()
})

describe('a stored token secret is bound to its token id, endpoints, pins and CA', () => {
  it('onboarding:test-connection with the stored cluster and another endpoint does not send it, and asks for it again', async () => {
    for (const endpoint of [evilEndpoint(), { ...evilEndpoint(), fingerprint256: null }, { ...simEndpoints()[0], host: evil.host, port: evil.port }]) {
      const r = await h.core.dispatch('onboarding:test-connection', { clusterId, tokenId: sim.tokens.admin.id, endpoint })
      expect(r.ok).toBe(true)
      const res = (r.ok ? r.value : null) as ConnectionTestResult
      expect(res.ok).toBe(false)
    }
    // A pinned endpoint of the cluster with another token id, or with a CA the secret was not saved with.
    const own = simEndpoints()[0]
    for (const extra of [{ tokenId: 'someone@pve!else' }, { caPem: otherCa }]) {
      const r = await h.core.dispatch('onboarding:test-connection', { clusterId, tokenId: sim.tokens.admin.id, endpoint: own, ...extra })
      const res = (r.ok ? r.value : null) as ConnectionTestResult
      expect(res.ok, JSON.stringify(extra)).toBe(false)
      expect(res.fieldErrors['tokenSecret']).toMatch(/again/)
    }
    expect(authHeaders()).toEqual([])
  })

  it('settings:save-cluster refuses new endpoints, pins, CA or token id without the secret, and changes nothing', async () => {
    const before = readFileSync(h.settingsPath, 'utf8')
    const attempts: Record<string, unknown>[] = [
      { endpoints: [evilEndpoint()] },
      { endpoints: [...simEndpoints(), evilEndpoint()] },
      { endpoints: simEndpoints().map((e, i) => (i === 0 ? { ...e, fingerprint256: evil.fingerprint256 } : e)) },
      { caPem: otherCa },
      { tokenId: 'someone@pve!else' }
    ]
    for (const a of attempts) {
      const r = await save(a)
      expect(r.ok, JSON.stringify(a)).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-input')
        expect(r.error.message).toMatch(/enter the token secret again/)
        expect(r.error.fields?.['tokenSecret']).toBeDefined()
      }
    }
    expect(readFileSync(h.settingsPath, 'utf8')).toBe(before)
    await h.core.dispatch('clusters:refresh', {})
    await new Promise((r) => setTimeout(r, 300))
    expect(authHeaders()).toEqual([])
    // The cluster as saved is still monitored with its secret.
    expect(h.core.settings().clusters[0]?.hasTokenSecret).toBe(true)
  })

  it('what does not change where the secret goes (name, mode, node labels, endpoint order) needs no re-entry', async () => {
    const r = await save({
      name: 'Renamed',
      mode: 'monitor',
      endpoints: [...simEndpoints()].reverse().map((e) => ({ ...e, node: null, fingerprint256: e.fingerprint256.toLowerCase() }))
    })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    expect(h.core.settings().clusters[0]?.hasTokenSecret).toBe(true)
  })

  it('with the secret entered again, the same calls do reach the new endpoint (the check above can fail)', async () => {
    const r = await h.core.dispatch('onboarding:test-connection', {
      clusterId,
      tokenId: sim.tokens.admin.id,
      tokenSecret: sim.tokens.admin.secret,
      endpoint: evilEndpoint()
    })
    expect(r.ok).toBe(true)
    expect(authHeaders().length).toBeGreaterThan(0)
    expect(authHeaders()[0]).toContain(sim.tokens.admin.id)
  })
})

describe('the SSH key passphrase is bound to the key, user, port and node addresses', () => {
  const FP = 'AB:'.repeat(31) + 'CD'
  function service(values = new Map<string, string>()) {
    const vault = memoryVault(values)
    const store = { load: () => undefined, save: () => undefined, backup: () => null }
    return { svc: createSettingsService({ store, vault, loaded: { doc: defaultSettingsDoc(), recovered: null, rewrite: false, readOnly: null } }), values }
  }
  const base = {
    name: 'Lab',
    mode: 'control' as const,
    endpoints: [{ host: '10.0.0.1', port: 8006, node: 'pve1', fingerprint256: FP }],
    tokenId: 'tray@pve!tray',
    tokenSecret: '11111111-2222-3333-4444-555555555555',
    ssh: { user: 'root', keyPath: '/home/me/.ssh/id_ed25519', useAgent: false, port: 22, hostOverrides: {}, passphrase: 'p4ss' }
  }

  it('is kept while the SSH settings stay, refused for another key file without re-entry, and replaced when entered', () => {
    const { svc } = service()
    const id = svc.saveCluster(base).id
    expect(svc.sshPassphrase(id)).toBe('p4ss')
    const { passphrase: _p, ...sshKept } = base.ssh
    expect(() => svc.saveCluster({ ...base, id, tokenSecret: undefined, ssh: { ...sshKept, port: 22 } })).not.toThrow()
    expect(svc.sshPassphrase(id)).toBe('p4ss')
    expect(() => svc.saveCluster({ ...base, id, tokenSecret: undefined, ssh: { ...sshKept, keyPath: '/tmp/other-key' } })).toThrow(/passphrase again/)
    expect(svc.sshPassphrase(id)).toBe('p4ss')
    svc.saveCluster({ ...base, id, tokenSecret: undefined, ssh: { ...sshKept, keyPath: '/tmp/other-key', passphrase: 'n3w' } })
    expect(svc.sshPassphrase(id)).toBe('n3w')
    expect(svc.tokenSecret(id)).toBe(base.tokenSecret)
  })

  it('a failed save of the document puts the previous secrets back ("nothing was changed" stays true)', () => {
    const values = new Map<string, string>()
    let failSaves = false
    const vault = memoryVault(values)
    const store = {
      load: () => undefined,
      save: () => {
        if (failSaves) throw new Error('disk full')
      },
      backup: () => null
    }
    const svc = createSettingsService({ store, vault, loaded: { doc: defaultSettingsDoc(), recovered: null, rewrite: false, readOnly: null } })
    const id = svc.saveCluster(base).id
    failSaves = true
    expect(() =>
      svc.saveCluster({
        ...base,
        id,
        endpoints: [{ host: '203.0.113.9', port: 8006, node: 'pve1', fingerprint256: FP }],
        tokenSecret: '99999999-2222-3333-4444-555555555555'
      })
    ).toThrow(/not writable/)
    expect(svc.tokenSecret(id)).toBe(base.tokenSecret)
    expect(svc.sshPassphrase(id)).toBe('p4ss')
  })

  it("a value in a newer version's format is never used as a secret, nor rewritten", () => {
    const { svc, values } = service()
    const id = svc.saveCluster(base).id
    const newer = 'pvetray-bound:v2:{"secret":"' + base.tokenSecret + '","context":{}}'
    values.set(vaultKeys.tokenSecret(id), newer)
    expect(svc.tokenSecret(id)).toBeNull()
    expect(values.get(vaultKeys.tokenSecret(id))).toBe(newer)
  })

  it('a secret stored before binding existed is bound to the cluster it belongs to, then moves with nothing', () => {
    const { svc, values } = service()
    const id = svc.saveCluster(base).id
    // As an older version stored it: the bare secret.
    values.set(vaultKeys.tokenSecret(id), base.tokenSecret)
    expect(svc.tokenSecret(id)).toBe(base.tokenSecret)
    expect(values.get(vaultKeys.tokenSecret(id))).toMatch(/^pvetray-bound:v1:/)
    expect(() =>
      svc.saveCluster({ ...base, id, tokenSecret: undefined, endpoints: [{ host: '203.0.113.9', port: 8006, node: 'pve1', fingerprint256: FP }] })
    ).toThrow(/token secret again/)
    // A sealed value whose context was edited (not by the app) is not used at all.
    values.set(vaultKeys.tokenSecret(id), (values.get(vaultKeys.tokenSecret(id)) ?? '').replace('10.0.0.1', '203.0.113.9'))
    expect(svc.tokenSecret(id)).toBeNull()
    expect(svc.view().clusters[0]?.hasTokenSecret).toBe(false)
  })
})
