// "Test SSH" and known_hosts import, end to end through the IPC dispatch the settings screen uses: the app
// core reaches a REAL OpenSSH sshd on 127.0.0.1 (node-address override) and reads a real known_hosts file
// with hashed and @revoked entries, written the way OpenSSH writes them.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import type { IpcError } from '../../../../src/shared/ipc/contract'
import type { KnownHostsReport, SettingsView, SshTestResult } from '../../../../src/shared/views'
import { type SshdServer, startSshd } from '../../../helpers/sshd-server'
import { clusterInput, type Harness, makeHarness, until } from './app-core-harness'
import { saveSsh as saveSshOf, type SshInput, storedPins as storedPinsOf } from './ssh-settings-helpers'

let sim: Simulator
let sshd: SshdServer
let h: Harness
let clusterId: string
let knownHostsPath: string
let knownHostsDir = ''
const NODE = 'pve-a'

const saveSsh = (o: SshInput = {}): Promise<void> => saveSshOf(h, sim, sshd, clusterId, NODE, o)
const storedPins = (): Record<string, unknown> => storedPinsOf(h, clusterId)

/** A known_hosts host field as `HashKnownHosts yes` writes it: |1|salt|HMAC-SHA1(salt, name). */
function hashedName(name: string): string {
  const salt = randomBytes(20)
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
}

/** The server's public key line without its comment: `type base64`. */
const serverKey = (): string => sshd.hostKeyPublicLine.split(' ').slice(0, 2).join(' ')
/** Another real ed25519 public key (the stranger key's), standing in for a key the node does not have. */
const otherKey = (): string => readFileSync(`${sshd.strangerKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')
/** OpenSSH's SHA256 fingerprint of that other key, computed here from its blob (not by the app's code). */
const otherFingerprint = (): string =>
  `SHA256:${createHash('sha256')
    .update(Buffer.from(otherKey().split(' ')[1] ?? '', 'base64'))
    .digest('base64')
    .replace(/=+$/, '')}`

const hostId = (): string => `127.0.0.1:${sshd.port}`
const knownName = (): string => `[127.0.0.1]:${sshd.port}`

/** Pins leave only through "forget" after a changed key; a fresh cluster entry starts without any. */
async function clearPins(): Promise<void> {
  const removed = await h.core.dispatch('settings:remove-cluster', { clusterId })
  if (!removed.ok) throw new Error(removed.error.message)
  const saved = await h.core.dispatch('settings:save-cluster', clusterInput(sim, { name: 'Lab' }))
  if (!saved.ok) throw new Error(saved.error.message)
  clusterId = (saved.value as SettingsView).clusters[0]?.id ?? ''
  await saveSsh()
  // The app starts watching the new entry on its own; Test SSH needs it running.
  await until(() => h.core.getState().clusters.some((c) => c.clusterId === clusterId))
}

async function testSsh(): Promise<{ ok: true; value: SshTestResult } | { ok: false; error: IpcError }> {
  const r = await h.core.dispatch('ssh:test', { clusterId, node: NODE })
  return r.ok ? { ok: true, value: r.value as SshTestResult } : { ok: false, error: r.error }
}

async function knownHosts(): Promise<KnownHostsReport> {
  const r = await h.core.dispatch('ssh:known-hosts', { clusterId })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as KnownHostsReport
}

const nodeEntry = (r: KnownHostsReport): KnownHostsReport['nodes'][number] | undefined => r.nodes.find((n) => n.node === NODE)

beforeAll(async () => {
  ;[sim, sshd] = await Promise.all([startSimulator({ authDelayMs: 20, statsIntervalMs: 1000, seed: 5 }), startSshd()])
  knownHostsDir = mkdtempSync(join(tmpdir(), 'pvetray-known-hosts-'))
  knownHostsPath = join(knownHostsDir, 'known_hosts')
  h = makeHarness({ sshKnownHostsPath: knownHostsPath, sshKnownHostsLabel: '~/.ssh/known_hosts' })
  const saved = await h.core.dispatch('settings:save-cluster', clusterInput(sim, { name: 'Lab' }))
  if (!saved.ok) throw new Error(saved.error.message)
  clusterId = (saved.value as SettingsView).clusters[0]?.id ?? ''
  await saveSsh()
  await h.core.start()
  await until(() => h.core.getState().clusters.find((c) => c.clusterId === clusterId)?.fetchedAt != null)
}, 30_000)

afterAll(async () => {
  await h?.cleanup()
  await Promise.all([sshd?.stop(), sim?.close()])
  if (knownHostsDir !== '') rmSync(knownHostsDir, { recursive: true, force: true })
})

beforeEach(async () => {
  await rm(knownHostsPath, { force: true })
})

describe('ssh:known-hosts and ssh:import-known-host', () => {
  it('lists every node of the cluster with its SSH address; no file means no entries', async () => {
    const r = await knownHosts()
    expect(r.file).toBe('~/.ssh/known_hosts')
    expect(r.nodes.map((n) => n.node)).toEqual(sim.endpoints.map((e) => e.node).sort())
    expect(nodeEntry(r)).toEqual({ node: NODE, hostPort: hostId(), pinned: null, trusted: [], revoked: [] })
  })

  it('finds a hashed entry for [host]:port and shows an @revoked one, and imports only the trusted key', async () => {
    await writeFile(
      knownHostsPath,
      [
        '# written by ssh with HashKnownHosts yes',
        `${hashedName(knownName())} ${serverKey()}`,
        `${hashedName('127.0.0.1')} ${otherKey()}`, // port 22: another address, must not match
        `@revoked ${knownName()} ${otherKey()}`,
        ''
      ].join('\n')
    )
    const entry = nodeEntry(await knownHosts())
    expect(entry?.trusted).toEqual([{ fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' }])
    expect(entry?.revoked).toEqual([{ fingerprint: otherFingerprint(), keyType: 'ssh-ed25519' }])
    expect(entry?.pinned).toBeNull()

    const revoked = await h.core.dispatch('ssh:import-known-host', { clusterId, node: NODE, fingerprint: otherFingerprint() })
    expect(revoked).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(revoked.ok ? '' : revoked.error.message).toMatch(/@revoked/)
    const absent = await h.core.dispatch('ssh:import-known-host', { clusterId, node: NODE, fingerprint: `SHA256:${'B'.repeat(43)}` })
    expect(absent).toMatchObject({ ok: false, error: { code: 'refused' } })
    const stranger = await h.core.dispatch('ssh:import-known-host', { clusterId, node: 'not-a-node', fingerprint: sshd.hostKeyFingerprint })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(storedPins()).toEqual({})

    const imported = await h.core.dispatch('ssh:import-known-host', { clusterId, node: NODE, fingerprint: sshd.hostKeyFingerprint })
    if (!imported.ok) throw new Error(imported.error.message)
    expect(nodeEntry(imported.value as KnownHostsReport)?.pinned).toEqual({ fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' })
    expect(storedPins()).toEqual({ [hostId()]: { fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' } })

    // The imported pin is what the test logs in with.
    const t = await testSsh()
    if (!t.ok) throw new Error(`${t.error.code}: ${t.error.message}`)
    expect(t.value).toMatchObject({
      node: NODE,
      target: `${sshd.user}@${hostId()}`,
      trustedBy: 'pin',
      hostKey: { fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' }
    })
    // This machine is no Proxmox VE node: the test says so instead of inventing a version.
    expect(t.value.proxmox).toBeNull()
    expect(t.value.elapsedMs).toBeGreaterThanOrEqual(0)
  })

  it('never replaces another pin by an import', async () => {
    await clearPins()
    const trust = await testSsh()
    expect(trust.ok ? null : trust.error.code).toBe('ssh-unknown-host')
    expect((await h.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: sshd.hostKeyFingerprint })).ok).toBe(true)
    await writeFile(knownHostsPath, `${knownName()} ${otherKey()}\n`)
    const r = await h.core.dispatch('ssh:import-known-host', { clusterId, node: NODE, fingerprint: otherFingerprint() })
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(r.ok ? '' : r.error.message).toContain(sshd.hostKeyFingerprint)
    expect(storedPins()).toEqual({ [hostId()]: { fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' } })
  })
})

describe('ssh:test', () => {
  it('offers an unknown key for trust with its fingerprint, then logs in with the pin', async () => {
    await clearPins()
    const first = await testSsh()
    if (first.ok) throw new Error('an unknown host key was accepted')
    expect(first.error).toMatchObject({ code: 'ssh-unknown-host', fields: { host: hostId(), fingerprint: sshd.hostKeyFingerprint } })
    expect(storedPins()).toEqual({})
    expect(await h.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: sshd.hostKeyFingerprint })).toEqual({ ok: true, value: null })
    const again = await testSsh()
    expect(again).toMatchObject({ ok: true, value: { trustedBy: 'pin' } })
  })

  it('trusts a key known_hosts vouches for and says so, pinning it', async () => {
    await clearPins()
    await writeFile(knownHostsPath, `${hashedName(knownName())} ${serverKey()}\n`)
    const t = await testSsh()
    if (!t.ok) throw new Error(`${t.error.code}: ${t.error.message}`)
    expect(t.value.trustedBy).toBe('known-hosts')
    expect(storedPins()).toEqual({ [hostId()]: { fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' } })
  })

  it('refuses a key known_hosts marks @revoked, even when pinned', async () => {
    await writeFile(knownHostsPath, `@revoked ${hashedName(knownName())} ${serverKey()}\n`)
    const t = await testSsh()
    expect(t.ok ? null : t.error).toMatchObject({ code: 'ssh-host-key-revoked', fields: { presentedFingerprint: sshd.hostKeyFingerprint } })
  })

  it('says a wrong passphrase is wrong (never echoing it), and a missing one is missing', async () => {
    const secret = 'definitely-not-it'
    await saveSsh({ keyPath: sshd.encryptedKeyPath, passphrase: secret })
    const wrong = await testSsh()
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'ssh-auth', fields: { reason: 'passphrase-wrong' } })
    expect(JSON.stringify(wrong)).not.toContain(secret)
    await saveSsh({ keyPath: sshd.encryptedKeyPath, passphrase: null })
    const missing = await testSsh()
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'ssh-auth', fields: { reason: 'passphrase-missing' } })
    await saveSsh({ keyPath: sshd.encryptedKeyPath, passphrase: sshd.passphrase })
    expect((await testSsh()).ok).toBe(true)
  })

  it('refuses a node the cluster does not have and a cluster the app does not run', async () => {
    expect(await h.core.dispatch('ssh:test', { clusterId: 'nope', node: NODE })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await h.core.dispatch('ssh:known-hosts', { clusterId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
