// Maps whatever the client threw to what the monitor must decide on: is the cluster unreachable,
// is the token rejected, does it lack a privilege? The kind comes from the one classifier
// (errors/error-kind, shared with the IPC layer). Messages are our own words: an error's text is
// never copied verbatim, so nothing the client put there (URLs, headers) can leak.
import { type ErrorKind, errorKindOf, field, statusOf } from '../errors/error-kind'

export type MonitorErrorKind = 'auth' | 'permission' | 'unreachable' | 'timeout' | 'tls' | 'malformed' | 'http' | 'aborted' | 'unknown'

export interface ClassifiedError {
  readonly kind: MonitorErrorKind
  readonly message: string
  /** For permission errors: what is missing, as Proxmox names it. */
  readonly privilege: { readonly path: string; readonly privilege: string } | null
  readonly status: number | null
}

/** What the monitor decides on: the one classification (errors/error-kind), with a refusal of a request
 * (not found, bad parameter, failed task) counted as an HTTP error and a lost answer as an unknown failure. */
const MONITOR_KIND: Readonly<Record<ErrorKind, MonitorErrorKind>> = {
  auth: 'auth',
  permission: 'permission',
  unreachable: 'unreachable',
  timeout: 'timeout',
  tls: 'tls',
  malformed: 'malformed',
  'not-found': 'http',
  refused: 'http',
  'task-failed': 'http',
  'outcome-unknown': 'unknown',
  http: 'http',
  aborted: 'aborted',
  unknown: 'unknown'
}

function text(e: unknown, key: string): string {
  const v = field(e, key)
  return typeof v === 'string' ? v : ''
}

/** "Permission check failed (/vms/100, VM.Audit)" → { path, privilege } */
function parsePermissionText(s: string): { path: string; privilege: string } | null {
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
  const status = statusOf(e)
  const kind = MONITOR_KIND[errorKindOf(e)]
  const privilege = kind === 'permission' ? privilegeOf(e) : null
  return { kind, message: messageFor(kind, status, privilege), privilege, status }
}

/** Failures that mean "we cannot talk to the cluster" rather than "the cluster told us no". */
export function isReachabilityError(kind: MonitorErrorKind): boolean {
  return kind === 'unreachable' || kind === 'timeout' || kind === 'tls' || kind === 'unknown'
}
