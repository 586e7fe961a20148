import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { knownHostsLookup } from '../../../../src/main/core/ssh/known-hosts'
import type { SshError } from '../../../../src/main/core/ssh/ssh-errors'
import type { SshdServer } from '../../../helpers/sshd-server'
import { startSshd } from '../../../helpers/sshd-server'
import { makePool, MemoryHostKeyStore } from './pool-fixture'

const run = promisify(execFile)
let sshd: SshdServer
let hostId: string

beforeAll(async () => {
  sshd = await startSshd()
  hostId = `${sshd.host}:${sshd.port}`
})

afterAll(async () => {
  await sshd?.stop()
})

async function hashedKnownHosts(name: string, lines: string[]): Promise<string> {
  const path = join(sshd.dir, name)
  await writeFile(path, `${lines.join('\n')}\n`)
  await run('ssh-keygen', ['-H', '-f', path])
  return path
}

describe('host key pinning against a real sshd', () => {
  it('refuses a changed host key and shows both fingerprints', async () => {
    const store = new MemoryHostKeyStore()
    const pinned = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
    store.set(hostId, { fingerprint: pinned, keyType: 'ssh-ed25519' })
    const pool = makePool(sshd, { hostKeys: store })
    const err = (await pool.exec(sshd.host, ['true']).catch((e: unknown) => e)) as SshError
    expect(err.kind).toBe('host-key-changed')
    expect(err.message).toContain(pinned)
    expect(err.message).toContain(sshd.hostKeyFingerprint)
    expect(err.pinnedFingerprint).toBe(pinned)
    expect(err.presentedFingerprint).toBe(sshd.hostKeyFingerprint)
    expect(store.get(hostId)?.fingerprint).toBe(pinned)
    expect(pool.state()[0]?.status).toBe('failed')
    await pool.closeAll()
  })

  it('rejects an unknown host when there is no trust callback, or when the user says no', async () => {
    const store = new MemoryHostKeyStore()
    const noCallback = makePool(sshd, { hostKeys: store })
    const err1 = (await noCallback.exec(sshd.host, ['true']).catch((e: unknown) => e)) as SshError
    expect(err1.kind).toBe('host-key-unknown')
    expect(err1.message).toContain(sshd.hostKeyFingerprint)
    await noCallback.closeAll()

    const asked: unknown[][] = []
    const denied = makePool(sshd, {
      hostKeys: store,
      trustOnFirstUse: async (...args) => {
        asked.push(args)
        return false
      }
    })
    const err2 = (await denied.exec(sshd.host, ['true']).catch((e: unknown) => e)) as SshError
    expect(err2.kind).toBe('host-key-unknown')
    expect(asked).toEqual([[sshd.host, sshd.port, sshd.hostKeyFingerprint, 'ssh-ed25519']])
    expect(store.pins.size).toBe(0)
    await denied.closeAll()
  })

  it('accepts an unknown host the user trusts, pins it, and does not ask again', async () => {
    const store = new MemoryHostKeyStore()
    let asked = 0
    const pool = makePool(sshd, {
      hostKeys: store,
      trustOnFirstUse: async () => {
        asked++
        // The user takes longer than the connect timeout to answer: that must not fail the connection.
        await new Promise((r) => setTimeout(r, 1_600))
        return true
      },
      connectTimeoutMs: 1_500
    })
    try {
      expect((await pool.exec(sshd.host, ['echo', 'trusted'])).stdout).toBe('trusted\n')
      expect(store.get(hostId)).toEqual({ fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' })
      await pool.closeAll()
      await pool.exec(sshd.host, ['true'])
      expect(asked).toBe(1)
    } finally {
      await pool.closeAll()
    }
  })

  it('reads hashed [host]:port entries from known_hosts, and the pool pins the key it finds there', async () => {
    const path = await hashedKnownHosts('known_hosts_import', [
      `[${sshd.host}]:${sshd.port} ${sshd.hostKeyPublicLine}`,
      `other.example ${sshd.hostKeyPublicLine}`
    ])
    expect(await readFile(path, 'utf8')).not.toContain(sshd.host)
    const key = { fingerprint: sshd.hostKeyFingerprint, keyType: 'ssh-ed25519' }
    const lookup = knownHostsLookup(path)
    expect(await lookup(sshd.host, sshd.port)).toEqual({ trusted: [key], revoked: [] })
    expect(await lookup('other.example', 22)).toEqual({ trusted: [key], revoked: [] })
    expect(await lookup(sshd.host, 22)).toEqual({ trusted: [], revoked: [] })
    expect(await lookup('missing.example', 22)).toEqual({ trusted: [], revoked: [] })

    // No trust callback: nobody is asked, known_hosts alone vouches for the key.
    const store = new MemoryHostKeyStore()
    const pool = makePool(sshd, { hostKeys: store, knownHostsPath: path })
    try {
      expect((await pool.exec(sshd.host, ['echo', 'imported'])).stdout).toBe('imported\n')
      expect(store.get(hostId)).toEqual(key)
      // The pin stands on its own once made: the entry may leave known_hosts.
      await pool.closeAll()
      await writeFile(path, '')
      expect((await pool.exec(sshd.host, ['echo', 'pinned'])).stdout).toBe('pinned\n')
      expect(store.get(hostId)).toEqual(key)
    } finally {
      await pool.closeAll()
    }
  })

  it('trusts a host found in the configured known_hosts without asking (and pins it)', async () => {
    const path = await hashedKnownHosts('known_hosts_lookup', [`[${sshd.host}]:${sshd.port} ${sshd.hostKeyPublicLine}`])
    const store = new MemoryHostKeyStore()
    const pool = makePool(sshd, {
      hostKeys: store,
      knownHostsPath: path,
      trustOnFirstUse: async () => {
        throw new Error('must not be asked')
      }
    })
    try {
      expect((await pool.exec(sshd.host, ['echo', 'known'])).stdout).toBe('known\n')
      expect(store.get(hostId)?.fingerprint).toBe(sshd.hostKeyFingerprint)
    } finally {
      await pool.closeAll()
    }
  })

  it('treats a different key of the same type in known_hosts as a changed key', async () => {
    const { stdout } = await run('cat', [`${sshd.strangerKeyPath}.pub`])
    const path = join(sshd.dir, 'known_hosts_other')
    await writeFile(path, `[${sshd.host}]:${sshd.port} ${stdout.trim()}\n`)
    const pool = makePool(sshd, { hostKeys: new MemoryHostKeyStore(), knownHostsPath: path, trustOnFirstUse: async () => true })
    const err = (await pool.exec(sshd.host, ['true']).catch((e: unknown) => e)) as SshError
    expect(err.kind).toBe('host-key-changed')
    expect(err.presentedFingerprint).toBe(sshd.hostKeyFingerprint)
    await pool.closeAll()
  })
})
