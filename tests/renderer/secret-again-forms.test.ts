// The forms say when a stored secret can no longer be kept: main sends a stored token secret only to the
// token id, endpoints and fingerprints it was saved with, so the forms ask for it again as soon as one changes.
import { describe, expect, it } from 'vitest'

import {
  formFromCluster,
  saveInput,
  SECRET_AGAIN_HINT,
  storedSecretApplies,
  testInput,
  validateForm
} from '../../src/renderer/src/views/onboarding/onboarding-form'
import { caChanged, editorForm, editorInput, endpointsChanged, sshChanged, validateEditor } from '../../src/renderer/src/views/settings/cluster-editor-form'
import type { ClusterSettingsView } from '../../src/shared/views'

const FP = 'AB:'.repeat(31) + 'CD'
const cluster: ClusterSettingsView = {
  id: 'lab-1',
  name: 'Lab',
  mode: 'control',
  endpoints: [
    { host: '10.0.0.1', port: 8006, node: 'pve1', fingerprint256: FP },
    { host: '10.0.0.2', port: 8006, node: 'pve2', fingerprint256: FP }
  ],
  tokenId: 'tray@pve!tray',
  hasTokenSecret: true,
  hasCaPem: false,
  backupFailureAlerts: true,
  ssh: { user: 'root', keyPath: '/k', useAgent: false, hasPassphrase: true, port: 22, hostOverrides: {} }
}

describe('onboarding form of a saved cluster', () => {
  it('keeps the stored secret only while host, port, token ID and fingerprint are unchanged', () => {
    const f = formFromCluster(cluster)
    expect(storedSecretApplies(f)).toBe(true)
    expect(validateForm(f, true).tokenSecret).toBeUndefined()
    expect(testInput(f)).not.toHaveProperty('tokenSecret')
    // Saved without a new secret: every saved endpoint stays as it is (discovered ones are not merged in).
    const discovered = [{ host: '10.0.0.3', port: 8006, node: 'pve3', fingerprint256: FP }]
    expect(saveInput(f, discovered).endpoints).toEqual(cluster.endpoints)
    expect(saveInput({ ...f, tokenSecret: 'new-secret-0000' }, discovered).endpoints.map((e) => e.host)).toEqual(['10.0.0.1', '10.0.0.3'])
    // Same fingerprint typed in lower case without colons is the same fingerprint.
    expect(storedSecretApplies({ ...f, fingerprint: FP.replace(/:/g, '').toLowerCase() })).toBe(true)
    for (const change of [
      { host: '203.0.113.9' },
      { port: '8007' },
      { tokenId: 'other@pve!x' },
      { fingerprint: 'CD:'.repeat(31) + 'AB' },
      { fingerprint: '' },
      { caPem: '-----BEGIN CERTIFICATE-----' }
    ]) {
      const g = { ...f, ...change }
      expect(storedSecretApplies(g), JSON.stringify(change)).toBe(false)
      expect(validateForm(g, true).tokenSecret).toBe(SECRET_AGAIN_HINT)
    }
  })
})

describe('settings editor of a saved cluster', () => {
  it('asks for the token secret when the endpoints change, and sends it', () => {
    const f = editorForm(cluster)
    expect(endpointsChanged(cluster, f)).toBe(false)
    expect(endpointsChanged(cluster, { ...f, endpoints: [...f.endpoints].reverse() })).toBe(false)
    const moved = { ...f, endpoints: f.endpoints.map((e, i) => (i === 0 ? { ...e, host: '203.0.113.9' } : e)) }
    expect(endpointsChanged(cluster, moved)).toBe(true)
    expect(endpointsChanged(cluster, { ...f, endpoints: f.endpoints.slice(1) })).toBe(true)
    expect(editorInput(cluster, moved)).not.toHaveProperty('tokenSecret')
    expect(editorInput(cluster, { ...moved, tokenSecret: ' 11111111-2222-3333-4444-555555555555 ' }).tokenSecret).toBe('11111111-2222-3333-4444-555555555555')
  })

  it('a pasted or removed CA changes where the secret goes: it is asked for again, and the CA is sent', () => {
    const f = editorForm(cluster)
    expect(caChanged(cluster, f)).toBe(false)
    expect(caChanged(cluster, { ...f, caPem: '-----BEGIN CERTIFICATE-----' })).toBe(true)
    expect(editorInput(cluster, { ...f, caPem: ' PEM ' }).caPem).toBe('PEM')
    expect(caChanged({ ...cluster, hasCaPem: true }, { ...f, removeCa: true })).toBe(true)
    expect(editorInput({ ...cluster, hasCaPem: true }, { ...f, removeCa: true }).caPem).toBeNull()
    expect(editorInput(cluster, f)).not.toHaveProperty('caPem')
  })

  it('says when the SSH settings a passphrase was saved with change', () => {
    const f = editorForm(cluster)
    expect(sshChanged(cluster, f)).toBe(false)
    expect(sshChanged(cluster, { ...f, sshKeyPath: '/other' })).toBe(true)
    expect(sshChanged(cluster, { ...f, sshPort: '2222' })).toBe(true)
  })
})

describe('per-node SSH addresses in the cluster editor', () => {
  it('offers every node the endpoints name, keeps a saved override, and saves only the non-empty ones', () => {
    const c: ClusterSettingsView = { ...cluster, ssh: { ...cluster.ssh, hostOverrides: { pve3: 'pve3.lan' } } }
    const f = editorForm(c)
    expect(f.sshHostOverrides).toEqual({ pve1: '', pve2: '', pve3: 'pve3.lan' })
    const input = editorInput(c, { ...f, sshHostOverrides: { pve1: ' 192.168.1.11 ', pve2: '', pve3: '' } })
    expect(input.ssh?.hostOverrides).toEqual({ pve1: '192.168.1.11' })
  })

  it('reports a bad address on the field of its node', () => {
    const f = editorForm(cluster)
    const errors = validateEditor(editorInput(cluster, { ...f, sshHostOverrides: { pve1: 'not a host!', pve2: '' } }))
    expect(Object.keys(errors)).toEqual(['ssh.hostOverrides.pve1'])
  })
})
