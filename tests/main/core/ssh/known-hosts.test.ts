import { createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { checkHostKey, fingerprintOf, type HostKeyPin, keyTypeOf } from '../../../../src/main/core/ssh/host-key'
import { knownHostEntries, knownHostsLookup, knownHostsName } from '../../../../src/main/core/ssh/known-hosts'
import { SshError } from '../../../../src/main/core/ssh/ssh-errors'

/** The keys the file trusts for host:port, as the pool's lookup reads them (revoked ones left out). */
const trustedKeys = (text: string, host: string, port: number) => knownHostEntries(text, host, port).trusted

// A real ed25519 public key line and the fingerprint `ssh-keygen -lf` prints for it.
const ED = 'AAAAC3NzaC1lZDI1NTE5AAAAIHRzXe7fvMYOtNRK4qQzfmdmlsXCQ0Mr7ZlK4XUXWybq'
const ED_FP = fingerprintOf(Buffer.from(ED, 'base64'))

function hashed(name: string): string {
  const salt = randomBytes(20)
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
}

describe('known_hosts parsing', () => {
  it('computes OpenSSH-style fingerprints and key types', () => {
    expect(ED_FP).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    expect(keyTypeOf(Buffer.from(ED, 'base64'))).toBe('ssh-ed25519')
    expect(keyTypeOf(Buffer.alloc(2))).toBe('unknown')
  })

  it('names non-default ports [host]:port', () => {
    expect(knownHostsName('10.0.0.1', 22)).toBe('10.0.0.1')
    expect(knownHostsName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222')
  })

  it('matches plain, comma lists, [host]:port, hashed and wildcard entries', () => {
    const text = [
      '# comment',
      '',
      `pve1,10.0.0.1 ssh-ed25519 ${ED}`,
      `[10.0.0.2]:2222 ssh-ed25519 ${ED} comment here`,
      `${hashed('10.0.0.3')} ssh-ed25519 ${ED}`,
      `${hashed('[10.0.0.4]:2200')} ssh-ed25519 ${ED}`,
      `*.lab.example,!bad.lab.example ssh-ed25519 ${ED}`,
      `@revoked 10.0.0.9 ssh-ed25519 ${ED}`
    ].join('\n')
    const fp = [{ keyType: 'ssh-ed25519', fingerprint: ED_FP }]
    expect(trustedKeys(text, 'pve1', 22)).toEqual(fp)
    expect(trustedKeys(text, '10.0.0.1', 22)).toEqual(fp)
    expect(trustedKeys(text, '10.0.0.1', 2222)).toEqual([])
    expect(trustedKeys(text, '10.0.0.2', 2222)).toEqual(fp)
    expect(trustedKeys(text, '10.0.0.2', 22)).toEqual([])
    expect(trustedKeys(text, '10.0.0.3', 22)).toEqual(fp)
    expect(trustedKeys(text, '10.0.0.4', 2200)).toEqual(fp)
    expect(trustedKeys(text, 'node.lab.example', 22)).toEqual(fp)
    expect(trustedKeys(text, 'bad.lab.example', 22)).toEqual([])
    expect(trustedKeys(text, '10.0.0.9', 22)).toEqual([])
  })

  it('skips lines whose key blob does not match their key type', () => {
    expect(trustedKeys(`pve1 ssh-rsa ${ED}\npve1 ssh-ed25519 !!!`, 'pve1', 22)).toEqual([])
  })
})

describe('@revoked in known_hosts', () => {
  const blob = Buffer.from(ED, 'base64')
  const memoryStore = (pins: Record<string, HostKeyPin> = {}) => ({
    pins,
    get: (id: string) => pins[id],
    set: (id: string, pin: HostKeyPin) => void (pins[id] = pin)
  })
  const withFile = async (text: string, fn: (path: string) => Promise<void>): Promise<void> => {
    const dir = mkdtempSync(join(tmpdir(), 'pvetray-kh-'))
    try {
      writeFileSync(join(dir, 'known_hosts'), text)
      await fn(join(dir, 'known_hosts'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('lists revoked keys apart, and a key both listed and revoked is not trusted', () => {
    const text = `pve1 ssh-ed25519 ${ED}\n@revoked * ssh-ed25519 ${ED}\n@cert-authority * ssh-ed25519 ${ED}\n`
    const e = knownHostEntries(text, 'pve1', 22)
    expect(e.revoked).toEqual([{ keyType: 'ssh-ed25519', fingerprint: ED_FP }])
    expect(e.trusted).toEqual([])
    expect(trustedKeys(text, 'pve1', 22)).toEqual([])
  })

  it('a revoked key is refused and never pinned, even when known_hosts also lists it or a pin exists', async () => {
    await withFile(`10.0.0.1 ssh-ed25519 ${ED}\n@revoked 10.0.0.1 ssh-ed25519 ${ED}\n`, async (path) => {
      const store = memoryStore()
      const trustOnFirstUse = async (): Promise<boolean> => true
      const err = await checkHostKey({ host: '10.0.0.1', port: 22, store, trustOnFirstUse, lookupKnownHosts: knownHostsLookup(path) }, blob).catch(
        (e: unknown) => e
      )
      expect(err).toBeInstanceOf(SshError)
      expect((err as SshError).kind).toBe('host-key-revoked')
      expect((err as SshError).message).toMatch(/@revoked/)
      expect(store.pins).toEqual({})
      const pinned = memoryStore({ '10.0.0.1:22': { keyType: 'ssh-ed25519', fingerprint: ED_FP } })
      await expect(checkHostKey({ host: '10.0.0.1', port: 22, store: pinned, lookupKnownHosts: knownHostsLookup(path) }, blob)).rejects.toMatchObject({
        kind: 'host-key-revoked'
      })
    })
    // Without the @revoked line the same key is pinned from known_hosts (the check above can fail).
    await withFile(`10.0.0.1 ssh-ed25519 ${ED}\n`, async (path) => {
      const store = memoryStore()
      await checkHostKey({ host: '10.0.0.1', port: 22, store, lookupKnownHosts: knownHostsLookup(path) }, blob)
      expect(store.pins['10.0.0.1:22']?.fingerprint).toBe(ED_FP)
    })
  })
})
