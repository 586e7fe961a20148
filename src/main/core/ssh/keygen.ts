// ed25519 key pairs in OpenSSH format, for the demo's own identity and the simulated hosts' keys.
// ssh2's generateKeyPairSync('ed25519') now and then (a few in a hundred) returns a key its own parser
// rejects as "Malformed OpenSSH private/public key"; such a pair is thrown away and made again.
import ssh2, { type ParsedKey } from 'ssh2'

export interface Ed25519Pair {
  /** OpenSSH private key (unencrypted). */
  readonly private: string
  /** `ssh-ed25519 AAAA… comment` */
  readonly public: string
  readonly parsed: ParsedKey
}

export function generateEd25519(comment = ''): Ed25519Pair {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519', comment === '' ? {} : { comment })
    const priv = ssh2.utils.parseKey(pair.private)
    const pub = ssh2.utils.parseKey(pair.public)
    if (priv instanceof Error || pub instanceof Error) continue
    if (!priv.getPublicSSH().equals(pub.getPublicSSH())) continue
    return { private: pair.private, public: pair.public, parsed: priv }
  }
  throw new Error('Could not generate a usable ed25519 key pair.')
}
