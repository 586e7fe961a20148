// The one answer to "what went wrong with this call": whatever the Proxmox client (or Node, or undici)
// threw → one ErrorKind. The monitor (monitor/classify-error) and the IPC layer (ipc/map-error) both
// start from it, so they cannot disagree on which failures mean "unreachable". Duck-typed (kind, name,
// status, code) so that nothing here depends on the client's error classes.

export type ErrorKind =
  | 'auth'
  | 'permission'
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'malformed'
  | 'not-found'
  /** Proxmox refused the parameters (HTTP 400). */
  | 'refused'
  | 'task-failed'
  /** The request was sent and no answer came: it may have been carried out. */
  | 'outcome-unknown'
  | 'http'
  | 'aborted'
  | 'unknown'

/** The Proxmox client's declared kinds (proxmox/errors.ts), and our own names for them. */
const DECLARED: Readonly<Record<string, ErrorKind>> = {
  auth: 'auth',
  permission: 'permission',
  unreachable: 'unreachable',
  network: 'unreachable',
  'node-unreachable': 'unreachable',
  timeout: 'timeout',
  tls: 'tls',
  'tls-mismatch': 'tls',
  'tls-untrusted': 'tls',
  malformed: 'malformed',
  'not-found': 'not-found',
  parameter: 'refused',
  'task-failed': 'task-failed',
  'outcome-unknown': 'outcome-unknown',
  http: 'http',
  unsupported: 'http',
  aborted: 'aborted',
  closed: 'aborted'
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED'
])
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

export function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined
}

function text(e: unknown, key: string): string {
  const v = field(e, key)
  return typeof v === 'string' ? v : ''
}

/** The HTTP status a server answered with, when one did. */
export function statusOf(e: unknown): number | null {
  const s = field(e, 'status') ?? field(e, 'statusCode')
  return typeof s === 'number' ? s : null
}

export function errorKindOf(e: unknown): ErrorKind {
  const declared = DECLARED[text(e, 'kind')]
  if (declared !== undefined) return declared
  const name = text(e, 'name')
  if (name === 'AbortError') return 'aborted'
  const status = statusOf(e)
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
    if (Array.isArray(errors) && errors.length > 0) return errorKindOf(errors[0])
  }
  return 'unknown'
}
