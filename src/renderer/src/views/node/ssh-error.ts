// Turns an SSH-related IpcError into what the node screen can act on.
import type { IpcError } from '@shared/ipc/contract'

export type SshProblem =
  | { readonly kind: 'host-key'; readonly fingerprint: string; readonly message: string }
  | { readonly kind: 'key-changed'; readonly pinned: string | null; readonly presented: string | null; readonly message: string }
  | { readonly kind: 'auth'; readonly reason: SshAuthReason; readonly message: string }
  | { readonly kind: 'other'; readonly message: string }

/** Why a login did not happen: the pool's kinds main forwards in `fields.reason` of an ssh-auth error. */
export type SshAuthReason = 'key-rejected' | 'passphrase-wrong' | 'passphrase-missing' | 'key-unreadable' | 'agent-unavailable'
const AUTH_REASONS: readonly SshAuthReason[] = ['key-rejected', 'passphrase-wrong', 'passphrase-missing', 'key-unreadable', 'agent-unavailable']

const FINGERPRINT = /SHA256:[A-Za-z0-9+/]{43}/

export function classifySshError(e: IpcError): SshProblem {
  // A CHANGED host key is never offered for one-click trust (it may be an attack): both fingerprints are
  // shown, and the old pin can only be forgotten (after a confirm); the new key then goes through trust.
  if (e.code === 'ssh-host-key-changed') {
    const fp = (v: string | undefined): string | null => (v !== undefined && FINGERPRINT.test(v) ? v : null)
    return { kind: 'key-changed', pinned: fp(e.fields?.pinnedFingerprint), presented: fp(e.fields?.presentedFingerprint), message: e.message }
  }
  const fp = e.fields?.fingerprint ?? (e.code === 'ssh-unknown-host' ? (e.message.match(FINGERPRINT)?.[0] ?? null) : null)
  if (fp !== null && FINGERPRINT.test(fp)) return { kind: 'host-key', fingerprint: fp, message: e.message }
  if (e.code === 'ssh-auth' || e.code === 'auth') {
    const reason = AUTH_REASONS.find((r) => r === e.fields?.reason) ?? 'key-rejected'
    return { kind: 'auth', reason, message: e.message }
  }
  return { kind: 'other', message: e.message }
}
