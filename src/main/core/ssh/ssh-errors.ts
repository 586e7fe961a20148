// Typed errors of the SSH pool. Messages are written for the person at the tray: they say what went wrong
// and what to do. They never carry a passphrase, a key's contents or command output.

export type SshErrorKind =
  | 'key-unreadable'
  | 'passphrase-missing'
  | 'passphrase-wrong'
  | 'key-rejected'
  | 'agent-unavailable'
  | 'connect-timeout'
  | 'connection-refused'
  | 'host-unreachable'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'host-key-revoked'
  | 'handshake-failed'
  | 'connection-lost'
  | 'channel-failed'
  | 'command-timeout'
  | 'aborted'
  | 'invalid-argument'
  | 'no-address'
  | 'pool-closed'

export interface SshErrorDetails {
  /** `host:port` the error is about, when there is one. */
  host?: string
  /** Host key mismatch: the fingerprint pinned earlier and the one the server presented. */
  pinnedFingerprint?: string
  presentedFingerprint?: string
  keyType?: string
  cause?: unknown
}

export class SshError extends Error {
  readonly kind: SshErrorKind
  readonly host: string | undefined
  readonly pinnedFingerprint: string | undefined
  readonly presentedFingerprint: string | undefined
  readonly keyType: string | undefined

  constructor(kind: SshErrorKind, message: string, details: SshErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'SshError'
    this.kind = kind
    this.host = details.host
    this.pinnedFingerprint = details.pinnedFingerprint
    this.presentedFingerprint = details.presentedFingerprint
    this.keyType = details.keyType
  }
}

export function isSshError(value: unknown, kind?: SshErrorKind): value is SshError {
  return value instanceof SshError && (kind === undefined || value.kind === kind)
}

interface ErrnoLike {
  code?: unknown
  level?: unknown
  message?: unknown
}

/** Maps a socket/ssh2 failure during connect to a typed error with advice. */
export function classifyConnectError(err: unknown, host: string): SshError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrnoLike
  const code = typeof e.code === 'string' ? e.code : ''
  const message = typeof e.message === 'string' ? e.message : String(err)
  if (code === 'ECONNREFUSED') {
    return new SshError('connection-refused', `${host} refused the SSH connection. Check that sshd runs on the node and that the port is right.`, {
      host,
      cause: err
    })
  }
  if (['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL', 'EHOSTDOWN'].includes(code)) {
    return new SshError(
      'host-unreachable',
      `${host} cannot be reached (${code}). Check the node's address, that it is powered on, and the network between you.`,
      { host, cause: err }
    )
  }
  if (code === 'ETIMEDOUT') {
    return new SshError('connect-timeout', `Connecting to ${host} timed out. The node may be down or a firewall drops SSH traffic.`, { host, cause: err })
  }
  if (/authentication methods failed/i.test(message)) {
    return new SshError(
      'key-rejected',
      `${host} rejected the SSH key. Add its public key to the node's authorized_keys (root) or pick another key in the settings.`,
      { host, cause: err }
    )
  }
  return connectionLost(host, err, 'handshake-failed')
}

export function connectionLost(host: string, cause: unknown, kind: 'connection-lost' | 'handshake-failed' = 'connection-lost'): SshError {
  const what = kind === 'handshake-failed' ? 'The SSH handshake with' : 'The SSH connection to'
  const detail = cause instanceof Error ? ` (${cause.message})` : ''
  return new SshError(kind, `${what} ${host} failed${detail}. It will be retried on the next request.`, { host, cause })
}
