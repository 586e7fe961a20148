// Reading the vault's sealed secrets for the settings service: a secret is returned only for the context it
// was saved with (see vault/bound-secret.ts). A value stored before secrets were bound is bound once, to the
// cluster it has been used with.
import { openBound, sameContext, sealBound, type SecretContext, sshContext, tokenContext } from '../vault/bound-secret'
import type { SecretVault } from '../vault/secret-vault'
import type { StoredCluster } from './settings-schema'

export const tokenCtx = (c: StoredCluster): SecretContext => ({ kind: 'token', token: tokenContext(c) })
export const sshCtx = (c: StoredCluster): SecretContext => ({ kind: 'ssh', ssh: sshContext(c.ssh) })

export const REENTER_TOKEN_SECRET =
  'The token ID, endpoints, fingerprints or CA changed: enter the token secret again to use it with them (a stored secret is only sent where it was saved for).'
export const REENTER_PASSPHRASE = 'The SSH key, user, port or node address overrides changed: enter the key passphrase again (or remove it).'

export interface BoundSecrets {
  /** The secret under `key` if it was sealed for `expected`, else null. */
  read(key: string, expected: SecretContext): string | null
  /** Why read() gave null for a stored key: nothing readable, or saved for other settings. */
  issue(key: string): 'unreadable' | 'other-settings'
  /** Every secret the vault can decrypt, whatever it is bound to (for scrubbing outgoing text only). */
  all(): string[]
}

export function createBoundSecrets(vault: SecretVault, log: (line: string) => void, readOnly: () => boolean): BoundSecrets {
  const mismatchLogged = new Set<string>()
  return {
    read(key, expected): string | null {
      const raw = vault.get(key)
      if (raw === null) return null
      const opened = openBound(raw)
      if (opened === null) return null
      if (opened.context === null) {
        // Settings of a newer version: use, never rewrite (the binding would be to a salvaged reading).
        if (readOnly()) return opened.secret
        try {
          vault.set(key, sealBound(opened.secret, expected))
        } catch {
          log('settings: could not bind a stored secret to its cluster (keyring unavailable)')
        }
        return opened.secret
      }
      if (sameContext(opened.context, expected)) return opened.secret
      if (!mismatchLogged.has(key)) {
        mismatchLogged.add(key)
        log(`settings: a stored secret (${key.split(':').at(-1) ?? 'secret'}) was saved for other settings; not used`)
      }
      return null
    },
    issue(key): 'unreadable' | 'other-settings' {
      const raw = vault.get(key)
      return (raw === null ? null : openBound(raw)) === null ? 'unreadable' : 'other-settings'
    },
    all(): string[] {
      const out: string[] = []
      for (const key of vault.keys()) {
        const raw = vault.get(key)
        const opened = raw === null ? null : openBound(raw)
        if (opened !== null && opened.secret !== '') out.push(opened.secret)
      }
      return out
    }
  }
}
