// generateEd25519 must hand out only pairs ssh2 itself can read back (its raw generator sometimes does not),
// since the demo's start depends on them.
import ssh2 from 'ssh2'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { generateEd25519 } from '../../../../src/main/core/ssh/keygen'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('generateEd25519', () => {
  it('throws away a pair ssh2 cannot read back and makes another', () => {
    const real = ssh2.utils.generateKeyPairSync.bind(ssh2.utils)
    const gen = vi.spyOn(ssh2.utils, 'generateKeyPairSync')
    // What ssh2's generator returns now and then: halves its own parser rejects.
    gen.mockReturnValueOnce({ private: '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n', public: 'ssh-ed25519 AAAA t' })
    gen.mockImplementation((type, opts) => real(type as 'ed25519', opts))
    const pair = generateEd25519('t')
    expect(gen).toHaveBeenCalledTimes(2)
    expect(ssh2.utils.parseKey(pair.private)).not.toBeInstanceOf(Error)
  })

  it('returns only pairs whose private and public halves parse and match (100 in a row)', () => {
    for (let i = 0; i < 100; i++) {
      const pair = generateEd25519('t')
      const priv = ssh2.utils.parseKey(pair.private)
      const pub = ssh2.utils.parseKey(pair.public)
      if (priv instanceof Error || pub instanceof Error) throw new Error(`pair ${i} does not parse`)
      expect(priv.getPublicSSH().equals(pub.getPublicSSH())).toBe(true)
      expect(pair.public).toMatch(/^ssh-ed25519 AAAA\S+ t$/)
    }
  })
})
