// Node health over SSH end to end: the app core (settings in temp files, cluster API from the simulator)
// reaches a REAL OpenSSH sshd on 127.0.0.1 through the node-address override, and every step goes through
// the IPC dispatch the renderer uses: unknown host key → trust → report, wrong fingerprint, wrong key,
// wrong passphrase, closed port, changed host key.
import { execFile } from 'node:child_process'
import { statfsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import type { IpcError } from '../../../../src/shared/ipc/contract'
import type { NodeHealthReport, SettingsView, SshHostState } from '../../../../src/shared/views'
import { type SshdServer, startSshd } from '../../../helpers/sshd-server'
import { clusterInput, type Harness, makeHarness, until } from './app-core-harness'
import { saveSsh as saveSshOf, type SshInput, storedPins as storedPinsOf } from './ssh-settings-helpers'

const run = promisify(execFile)

let sim: Simulator
let sshd: SshdServer
let h: Harness
let clusterId: string
const NODE = 'pve-a'

const saveSsh = (o: SshInput = {}): Promise<void> => saveSshOf(h, sim, sshd, clusterId, NODE, o)
const storedPins = (): Record<string, unknown> => storedPinsOf(h, clusterId)

async function health(): Promise<{ ok: true; report: NodeHealthReport } | { ok: false; error: IpcError }> {
  const r = await h.core.dispatch('nodes:health', { clusterId, node: NODE })
  return r.ok ? { ok: true, report: r.value as NodeHealthReport } : { ok: false, error: r.error }
}

async function healthError(): Promise<IpcError> {
  const r = await health()
  if (r.ok) throw new Error('nodes:health succeeded where it should have failed')
  return r.error
}

async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0))
    })
  })
}

const hostId = (): string => `127.0.0.1:${sshd.port}`
let firstFingerprint = ''

beforeAll(async () => {
  ;[sim, sshd] = await Promise.all([startSimulator({ authDelayMs: 20, statsIntervalMs: 1000, seed: 5 }), startSshd()])
  firstFingerprint = sshd.hostKeyFingerprint
  h = makeHarness()
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
})

describe('nodes:health against a real sshd through the app core', () => {
  it('refuses an unknown host key and shows its fingerprint and key type', async () => {
    const e = await healthError()
    expect(e.code).toBe('ssh-unknown-host')
    expect(e.fields).toEqual({ host: hostId(), fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' })
    expect(e.message).toContain(sshd.hostKeyFingerprint)
    expect(storedPins()).toEqual({})
  })

  it('refuses to trust a fingerprint the node did not present, or for another node', async () => {
    const wrong = `SHA256:${'A'.repeat(43)}`
    const r1 = await h.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: wrong })
    expect(r1).toMatchObject({ ok: false, error: { code: 'refused' } })
    const r2 = await h.core.dispatch('ssh:trust-host-key', { clusterId, node: 'pve-b', fingerprint: sshd.hostKeyFingerprint })
    expect(r2).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(storedPins()).toEqual({})
  })

  it('pins the presented key with its real type once trusted, then reports the node health', async () => {
    const t = await h.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: sshd.hostKeyFingerprint })
    expect(t).toEqual({ ok: true, value: null })
    expect(storedPins()).toEqual({ [hostId()]: { fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' } })

    const r = await health()
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    const rep = r.report
    expect(rep.node).toBe(NODE)
    expect(rep.host).toBe('127.0.0.1')
    expect(rep.loadavg.ok).toBe(true)
    expect(rep.loadavg.value).toHaveLength(3)
    for (const n of rep.loadavg.value ?? []) expect(Number.isFinite(n) && n >= 0).toBe(true)
    // This machine is no Proxmox node and has no ZFS or lm-sensors: each says so on its own.
    expect(rep.pveversion).toEqual({ ok: false, value: null, error: 'not available' })
    expect(rep.zpools).toEqual({ ok: false, value: null, error: 'not available' })
    expect(rep.temperatures).toEqual({ ok: false, value: null, error: 'not available' })
    // df -P / on the "node" is this machine's root filesystem.
    const fs = statfsSync('/')
    expect(rep.rootfs.ok).toBe(true)
    expect(Math.abs((rep.rootfs.value?.total ?? 0) - fs.blocks * fs.bsize)).toBeLessThan(1024 * 1024)
    expect(rep.rootfs.value?.used ?? 0).toBeGreaterThan(0)
  })

  it('reuses the pooled connection and pushes ssh:state events from the pool', async () => {
    const before = sshd.connectionCount()
    const r = await health()
    expect(r.ok).toBe(true)
    expect(sshd.connectionCount()).toBe(before)
    const pushed = h.events.filter((e) => e.channel === 'ssh:state').map((e) => e.payload as SshHostState[])
    const statuses = pushed.map((s) => s.find((x) => x.host.endsWith(hostId()))?.status)
    expect(statuses).toContain('connecting')
    expect(statuses).toContain('failed')
    expect(statuses).toContain('connected')
    const now = await h.core.dispatch('ssh:state', {})
    expect(now).toMatchObject({ ok: true, value: [{ host: `${sshd.user}@${hostId()}`, status: 'connected' }] })
  })

  it('reports a key the node does not accept as ssh-auth', async () => {
    await saveSsh({ keyPath: sshd.strangerKeyPath })
    const e = await healthError()
    expect(e.code).toBe('ssh-auth')
    expect(e.message).toMatch(/rejected the SSH key/)
  })

  it('reports a wrong passphrase as ssh-auth without echoing it', async () => {
    const secret = 'not the right passphrase'
    await saveSsh({ keyPath: sshd.encryptedKeyPath, passphrase: secret })
    const e = await healthError()
    expect(e.code).toBe('ssh-auth')
    expect(JSON.stringify(e)).not.toContain(secret)
    await saveSsh({ keyPath: sshd.encryptedKeyPath, passphrase: sshd.passphrase })
    expect((await health()).ok).toBe(true)
  })

  it('reports a port nothing listens on as unreachable', async () => {
    await saveSsh({ port: await closedPort() })
    const e = await healthError()
    expect(e.code).toBe('unreachable')
    expect(e.message).toMatch(/refused the SSH connection/)
  })

  it('refuses a changed host key, shows both fingerprints and cannot be talked into trusting it', async () => {
    await saveSsh()
    expect((await health()).ok).toBe(true)
    const hostKey = join(sshd.dir, 'ssh_host_ed25519_key')
    await rm(hostKey, { force: true })
    await rm(`${hostKey}.pub`, { force: true })
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'reinstalled', '-f', hostKey])
    const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`])
    const newFingerprint = stdout.split(' ')[1] ?? ''
    expect(newFingerprint).not.toBe(firstFingerprint)
    await sshd.restart() // kills the pooled session too, as a reinstall would

    const e = await healthError()
    expect(e.code).toBe('ssh-host-key-changed')
    expect(e.fields).toMatchObject({ host: hostId(), pinnedFingerprint: firstFingerprint, presentedFingerprint: newFingerprint, keyType: 'ssh-ed25519' })
    expect(e.fields?.fingerprint).toBeUndefined()
    expect(e.message).toContain(firstFingerprint)
    expect(e.message).toContain(newFingerprint)
    const t = await h.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: newFingerprint })
    expect(t).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(storedPins()).toEqual({ [hostId()]: { fingerprint: firstFingerprint, keyType: 'ssh-ed25519' } })
  })

  it('forgets the old pin after a reinstall (ssh:forget-host-key), then the new key goes through the trust flow', async () => {
    // Nothing to forget for a node whose check did not just report a changed key.
    const other = await h.core.dispatch('ssh:forget-host-key', { clusterId, node: 'pve-b' })
    expect(other).toMatchObject({ ok: false, error: { code: 'refused' } })
    const unknownCluster = await h.core.dispatch('ssh:forget-host-key', { clusterId: 'nope', node: NODE })
    expect(unknownCluster).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(storedPins()).toEqual({ [hostId()]: { fingerprint: firstFingerprint, keyType: 'ssh-ed25519' } })

    const changed = await healthError()
    expect(changed.code).toBe('ssh-host-key-changed')
    const newFingerprint = changed.fields?.presentedFingerprint ?? ''
    expect(await h.core.dispatch('ssh:forget-host-key', { clusterId, node: NODE })).toEqual({ ok: true, value: null })
    expect(storedPins()).toEqual({})
    // Consumed: a second click has nothing left to forget.
    expect(await h.core.dispatch('ssh:forget-host-key', { clusterId, node: NODE })).toMatchObject({ ok: false, error: { code: 'refused' } })

    // Re-running the check now offers the new key like a first contact, and nothing was trusted on the way.
    const unknown = await healthError()
    expect(unknown.code).toBe('ssh-unknown-host')
    expect(unknown.fields?.fingerprint).toBe(newFingerprint)
    expect(storedPins()).toEqual({})
    expect(await h.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: newFingerprint })).toEqual({ ok: true, value: null })
    expect(storedPins()).toEqual({ [hostId()]: { fingerprint: newFingerprint, keyType: 'ssh-ed25519' } })
    expect((await health()).ok).toBe(true)
  })
})
