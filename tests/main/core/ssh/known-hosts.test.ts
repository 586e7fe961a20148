import { createHmac, randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { fingerprintOf, keyTypeOf } from '../../../../src/main/core/ssh/host-key'
import { findKnownHostKeys, knownHostsName } from '../../../../src/main/core/ssh/known-hosts'

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
    expect(findKnownHostKeys(text, 'pve1', 22)).toEqual(fp)
    expect(findKnownHostKeys(text, '10.0.0.1', 22)).toEqual(fp)
    expect(findKnownHostKeys(text, '10.0.0.1', 2222)).toEqual([])
    expect(findKnownHostKeys(text, '10.0.0.2', 2222)).toEqual(fp)
    expect(findKnownHostKeys(text, '10.0.0.2', 22)).toEqual([])
    expect(findKnownHostKeys(text, '10.0.0.3', 22)).toEqual(fp)
    expect(findKnownHostKeys(text, '10.0.0.4', 2200)).toEqual(fp)
    expect(findKnownHostKeys(text, 'node.lab.example', 22)).toEqual(fp)
    expect(findKnownHostKeys(text, 'bad.lab.example', 22)).toEqual([])
    expect(findKnownHostKeys(text, '10.0.0.9', 22)).toEqual([])
  })

  it('skips lines whose key blob does not match their key type', () => {
    expect(findKnownHostKeys(`pve1 ssh-rsa ${ED}\npve1 ssh-ed25519 !!!`, 'pve1', 22)).toEqual([])
  })
})
