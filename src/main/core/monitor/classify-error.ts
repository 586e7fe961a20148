// Maps whatever the client threw to what the monitor must decide on: is the cluster unreachable,
// is the token rejected, does it lack a privilege? Duck-typed (name, kind, status, code) so the
// monitor does not depend on the client's error classes. Messages are our own words: an error's
// text is never copied verbatim, so nothing the client put there (URLs, headers) can leak.

export type MonitorErrorKind = 'auth' | 'permission' | 'unreachable' | 'timeout' | 'tls' | 'malformed' | 'http' | 'aborted' | 'unknown'

export interface ClassifiedError {
  readonly kind: MonitorErrorKind
  readonly message: string
  /** For permission errors: what is missing, as Proxmox names it. */
  readonly privilege: { readonly path: string; readonly privilege: string } | null
  readonly status: number | null
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENETDOWN', 'EHOSTDOWN',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED'
])
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])
const KINDS: readonly MonitorErrorKind[] = ['auth', 'permission', 'unreachable', 'timeout', 'tls', 'malformed', 'http', 'aborted']
/** The Proxmox client's own error kinds (src/main/core/proxmox/errors.ts) that need translating. */
const CLIENT_KINDS: Readonly<Record<string, MonitorErrorKind>> = {
  network: 'unreachable',
  'node-unreachable': 'unreachable',
  'tls-mismatch': 'tls',
  'tls-untrusted': 'tls',
  closed: 'aborted',
  'not-found': 'http',
  unsupported: 'http',
  parameter: 'http'
}

function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined
}

function text(e: unknown, key: string): string {
  const v = field(e, key)
  return typeof v === 'string' ? v : ''
}

/** "Permission check failed (/vms/100, VM.Audit)" → { path, privilege } */
export function parsePermissionText(s: string): { path: string; privilege: string } | null {
  const m = /\((\/[^,()]*),\s*([A-Za-z.|]+)\)/.exec(s)
  return m && m[1] && m[2] ? { path: m[1], privilege: m[2] } : null
}

function privilegeOf(e: unknown): { path: string; privilege: string } | null {
  // PermissionDeniedError: aclPath + privileges[]; else parse Proxmox's reason phrase.
  const acl = field(e, 'aclPath')
  const privs = field(e, 'privileges')
  if (typeof acl === 'string' && Array.isArray(privs) && privs.length > 0) return { path: acl, privilege: privs.join('|') }
  return parsePermissionText(text(e, 'reasonPhrase')) ?? parsePermissionText(text(e, 'message'))
}

function kindOf(e: unknown, status: number | null): MonitorErrorKind {
  const declared = text(e, 'kind')
  if ((KINDS as readonly string[]).includes(declared)) return declared as MonitorErrorKind
  const translated = CLIENT_KINDS[declared]
  if (translated) return translated
  const name = text(e, 'name')
  if (name === 'AbortError') return 'aborted'
  if (status === 401) return 'auth'
  if (status === 403) return 'permission'
  const code = text(e, 'code') || text(field(e, 'cause'), 'code')
  if (TIMEOUT_CODES.has(code) || /timeout/i.test(name)) return 'timeout'
  if (UNREACHABLE_CODES.has(code) || /unreachable|network|connect/i.test(name)) return 'unreachable'
  if (/auth/i.test(name)) return 'auth'
  if (/permission|forbidden/i.test(name)) return 'permission'
  if (/tls|certificate|fingerprint/i.test(name) || code.startsWith('ERR_TLS') || code.includes('CERT')) return 'tls'
  if (name === 'SyntaxError' || /malformed|parse|schema|zod/i.test(name)) return 'malformed'
  if (status !== null) return 'http'
  if (name === 'AggregateError') {
    const errors = field(e, 'errors')
    if (Array.isArray(errors) && errors.length > 0) return kindOf(errors[0], null)
  }
  return 'unknown'
}

function messageFor(kind: MonitorErrorKind, status: number | null, priv: ClassifiedError['privilege']): string {
  switch (kind) {
    case 'auth':
      return 'The API token was rejected (authentication failed): check the token id and secret, and that the token has not expired.'
    case 'permission':
      return priv ? `token lacks ${priv.privilege} on ${priv.path}` : 'The token lacks a privilege for this request.'
    case 'unreachable':
      return 'No endpoint of the cluster could be reached (network down, VPN off, or all nodes down).'
    case 'timeout':
      return 'The cluster did not answer in time.'
    case 'tls':
      return 'The server certificate does not match the trusted one: check the fingerprint in settings.'
    case 'malformed':
      return 'The server sent a response that could not be read.'
    case 'http':
      return `The server answered with HTTP ${status ?? '?'}.`
    case 'aborted':
      return 'The request was cancelled.'
    default:
      return 'The cluster could not be polled.'
  }
}

export function classifyError(e: unknown): ClassifiedError {
  const s = field(e, 'status') ?? field(e, 'statusCode')
  const status = typeof s === 'number' ? s : null
  const kind = kindOf(e, status)
  const privilege = kind === 'permission' ? privilegeOf(e) : null
  return { kind, message: messageFor(kind, status, privilege), privilege, status }
}

/** Failures that mean "we cannot talk to the cluster" rather than "the cluster told us no". */
export function isReachabilityError(kind: MonitorErrorKind): boolean {
  return kind === 'unreachable' || kind === 'timeout' || kind === 'tls' || kind === 'unknown'
}
