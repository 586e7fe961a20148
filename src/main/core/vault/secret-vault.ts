// Secrets (token secrets, SSH key passphrases) never enter the settings document: they live behind
// this interface. The renderer may learn whether a secret is set, never its value.
import type { KeyringStatus } from '../../../shared/views'

export interface SecretVault {
  set(key: string, value: string): void
  /** null when absent or no longer decryptable (keyring changed): the UI then asks again. */
  get(key: string): string | null
  has(key: string): boolean
  delete(key: string): void
  /** Every stored key (for scrubbing every secret the vault can decrypt from outgoing text). */
  keys(): string[]
  status(): KeyringStatus
  /** The secrets file could not be read: it was kept aside (never overwritten) and the user must enter the secrets again. */
  problem(): SecretsProblem | null
}

export interface SecretsProblem {
  readonly message: string
  readonly backupPath: string | null
}

/** Vault keys, in one place so a cluster's secrets can be found and removed together. */
export const vaultKeys = {
  tokenSecret: (clusterId: string): string => `cluster:${clusterId}:token-secret`,
  sshPassphrase: (clusterId: string): string => `cluster:${clusterId}:ssh-passphrase`
}
