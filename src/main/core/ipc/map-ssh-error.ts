// The SSH pool's typed errors → IpcErrors the node screen can act on. Duck-typed on `name`/`kind` (core/ipc
// does not import the pool's classes). The pool writes its messages for the user and never puts a
// passphrase, key contents or command output in them; toIpcError redacts them against every secret anyway.
import type { IpcError } from '../../../shared/ipc/contract'

const AUTH_KINDS = new Set(['key-rejected', 'passphrase-wrong', 'passphrase-missing', 'key-unreadable', 'agent-unavailable'])
const UNREACHABLE_KINDS = new Set(['connect-timeout', 'connection-refused', 'host-unreachable', 'handshake-failed', 'connection-lost'])
const OTHER_KINDS: Readonly<Record<string, string>> = {
  'no-address': 'ssh-not-configured',
  'command-timeout': 'timeout',
  'channel-failed': 'server',
  aborted: 'aborted',
  'pool-closed': 'aborted',
  'invalid-argument': 'internal'
}

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/
const KEY_TYPE = /^[a-z0-9][a-z0-9@.+-]{0,63}$/
const HOST_ID = /^[A-Za-z0-9.:[\]-]{1,300}$/

interface SshErrorLike {
  readonly kind: string
  readonly message: string
  readonly host?: string
  readonly pinnedFingerprint?: string
  readonly presentedFingerprint?: string
  readonly keyType?: string
}

function text(e: object, key: string, shape: RegExp): string | undefined {
  const v = (e as Record<string, unknown>)[key]
  return typeof v === 'string' && shape.test(v) ? v : undefined
}

function asSshError(e: unknown): SshErrorLike | null {
  if (!(e instanceof Error) || e.name !== 'SshError') return null
  const kind = (e as { kind?: unknown }).kind
  if (typeof kind !== 'string') return null
  const out: { -readonly [K in keyof SshErrorLike]: SshErrorLike[K] } = { kind, message: e.message }
  const host = text(e, 'host', HOST_ID)
  const pinned = text(e, 'pinnedFingerprint', FINGERPRINT)
  const presented = text(e, 'presentedFingerprint', FINGERPRINT)
  const keyType = text(e, 'keyType', KEY_TYPE)
  if (host !== undefined) out.host = host
  if (pinned !== undefined) out.pinnedFingerprint = pinned
  if (presented !== undefined) out.presentedFingerprint = presented
  if (keyType !== undefined) out.keyType = keyType
  return out
}

function withFields(code: string, message: string, fields: Record<string, string | undefined>): IpcError {
  const defined = Object.fromEntries(Object.entries(fields).filter((kv): kv is [string, string] => kv[1] !== undefined))
  return { code, message, fields: defined }
}

/** The IpcError for an SSH pool error, or null when `e` is not one. Messages are not redacted yet. */
export function sshIpcError(e: unknown): IpcError | null {
  const s = asSshError(e)
  if (s === null) return null
  const host = s.host ?? 'the node'
  if (s.kind === 'host-key-unknown' && s.presentedFingerprint !== undefined) {
    // fields.fingerprint is what the UI shows and sends back to ssh:trust-host-key.
    return withFields(
      'ssh-unknown-host',
      `The SSH host key of ${host} is not known yet (${s.keyType ?? 'key'} ${s.presentedFingerprint}). Compare it with ` +
        '`ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the node and trust it to continue.',
      { host: s.host, fingerprint: s.presentedFingerprint, keyType: s.keyType }
    )
  }
  if (s.kind === 'host-key-changed') {
    // No `fingerprint` field on purpose: nothing here is to be trusted with one click.
    return withFields('ssh-host-key-changed', s.message, {
      host: s.host,
      pinnedFingerprint: s.pinnedFingerprint,
      presentedFingerprint: s.presentedFingerprint,
      keyType: s.keyType
    })
  }
  if (s.kind === 'host-key-revoked') {
    // Nothing to trust here either: the user's own known_hosts refuses this key.
    return withFields('ssh-host-key-revoked', s.message, { host: s.host, presentedFingerprint: s.presentedFingerprint, keyType: s.keyType })
  }
  if (AUTH_KINDS.has(s.kind)) return withFields('ssh-auth', s.message, { host: s.host, reason: s.kind })
  if (UNREACHABLE_KINDS.has(s.kind)) return withFields('unreachable', s.message, { host: s.host, reason: s.kind })
  return { code: OTHER_KINDS[s.kind] ?? 'internal', message: s.message }
}
