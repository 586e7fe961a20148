// Host key pinning: the SHA-256 fingerprint of each host's key is kept in an injected store; an unknown host
// is asked about once (trust on first use), a changed key is refused.
import { createHash } from 'node:crypto'

import { SshError } from './ssh-errors'

export interface HostKeyPin {
  /** OpenSSH format: `SHA256:` + base64 without padding. */
  fingerprint: string
  /** Wire name of the key type, e.g. `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`. */
  keyType: string
}

/** Persists pins; `hostId` is `host:port`. Implementations may be sync or async. */
export interface HostKeyStore {
  get(hostId: string): Promise<HostKeyPin | undefined> | HostKeyPin | undefined
  set(hostId: string, pin: HostKeyPin): Promise<void> | void
}

/** Asks the user whether to trust a host seen for the first time. */
export type TrustOnFirstUse = (host: string, port: number, fingerprint: string, keyType: string) => Promise<boolean>

export function hostIdOf(host: string, port: number): string {
  return `${host}:${port}`
}

export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`
}

/** The key type is the first SSH string inside the public key blob. */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown'
  const len = keyBlob.readUInt32BE(0)
  if (len <= 0 || len > 64 || keyBlob.length < 4 + len) return 'unknown'
  return keyBlob.subarray(4, 4 + len).toString('latin1')
}

/** ssh2 negotiates by algorithm name; asking for the pinned type first makes the server present that key. */
export function hostKeyAlgorithmsFor(keyType: string): string[] {
  if (keyType === 'ssh-rsa') return ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']
  return [keyType]
}

export function hostKeyChangedError(hostId: string, pinned: HostKeyPin, presented: HostKeyPin): SshError {
  return new SshError(
    'host-key-changed',
    `The host key of ${hostId} has changed: pinned ${pinned.fingerprint} (${pinned.keyType}), presented ${presented.fingerprint} ` +
      `(${presented.keyType}). This can mean the node was reinstalled, or that someone intercepts the connection. ` +
      'Compare with `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the node, then remove the old pin in the settings to trust the new key.',
    { host: hostId, pinnedFingerprint: pinned.fingerprint, presentedFingerprint: presented.fingerprint, keyType: presented.keyType }
  )
}

export function hostKeyRevokedError(hostId: string, presented: HostKeyPin): SshError {
  return new SshError(
    'host-key-revoked',
    `${hostId} presented the host key ${presented.fingerprint} (${presented.keyType}), which your ~/.ssh/known_hosts marks @revoked: ` +
      'it is refused and not pinned. If the node got a new key, check it with `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the node.',
    { host: hostId, presentedFingerprint: presented.fingerprint, keyType: presented.keyType }
  )
}

export function hostKeyUnknownError(hostId: string, presented: HostKeyPin, asked: boolean): SshError {
  const why = asked ? 'you did not confirm it' : 'no one could be asked to confirm it'
  return new SshError(
    'host-key-unknown',
    `${hostId} is not a known host (key ${presented.fingerprint}, ${presented.keyType}) and ${why}. ` +
      'Confirm the fingerprint when asked, or connect to the node once with ssh from this computer: PVE Tray trusts keys already in ~/.ssh/known_hosts.',
    { host: hostId, presentedFingerprint: presented.fingerprint, keyType: presented.keyType }
  )
}

export interface HostKeyCheckInput {
  host: string
  port: number
  store: HostKeyStore
  trustOnFirstUse?: TrustOnFirstUse | undefined
  /** Consulted first: a key OpenSSH marks `@revoked` is refused; a key it knows is pinned without a question. */
  lookupKnownHosts?: ((host: string, port: number) => Promise<{ trusted: HostKeyPin[]; revoked: HostKeyPin[] }>) | undefined
}

/** Resolves when the presented key may be used (pinning it if new); throws a typed SshError otherwise. */
export async function checkHostKey(input: HostKeyCheckInput, keyBlob: Buffer): Promise<void> {
  const hostId = hostIdOf(input.host, input.port)
  const presented: HostKeyPin = { fingerprint: fingerprintOf(keyBlob), keyType: keyTypeOf(keyBlob) }
  const { trusted: known, revoked } = input.lookupKnownHosts ? await input.lookupKnownHosts(input.host, input.port) : { trusted: [], revoked: [] }
  // Revocation wins over everything, a pin made earlier included.
  if (revoked.some((k) => k.fingerprint === presented.fingerprint)) throw hostKeyRevokedError(hostId, presented)
  const pinned = await input.store.get(hostId)
  if (pinned) {
    if (pinned.fingerprint === presented.fingerprint) return
    throw hostKeyChangedError(hostId, pinned, presented)
  }
  if (known.some((k) => k.fingerprint === presented.fingerprint)) {
    await input.store.set(hostId, presented)
    return
  }
  // OpenSSH's rule: a known key of the same type that differs is a changed key, not a new host.
  const sameType = known.find((k) => k.keyType === presented.keyType)
  if (sameType) throw hostKeyChangedError(hostId, sameType, presented)
  if (!input.trustOnFirstUse) throw hostKeyUnknownError(hostId, presented, false)
  const trusted = await input.trustOnFirstUse(input.host, input.port, presented.fingerprint, presented.keyType)
  if (!trusted) throw hostKeyUnknownError(hostId, presented, true)
  await input.store.set(hostId, presented)
}
