// generateEd25519 must hand out only pairs ssh2 itself can read back (its raw generator sometimes does not),
// since the demo's start depends on them.
import ssh2 from 'ssh2'
import { describe, expect, it } from 'vitest'

import { generateEd25519 } from '../../../../src/main/core/ssh/keygen'

describe('generateEd25519', () => {
  it('returns only pairs whose private and public halves parse and match (300 in a row)', () => {
    for (let i = 0; i < 300; i++) {
      const pair = generateEd25519('t')
      const priv = ssh2.utils.parseKey(pair.private)
      const pub = ssh2.utils.parseKey(pair.public)
      if (priv instanceof Error || pub instanceof Error) throw new Error(`pair ${i} does not parse`)
      expect(priv.getPublicSSH().equals(pub.getPublicSSH())).toBe(true)
      expect(pair.public).toMatch(/^ssh-ed25519 AAAA\S+ t$/)
    }
  })
})
