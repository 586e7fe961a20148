/**
 * Errors of the Proxmox client. Every one has a `message` a user can act on and structured fields for code
 * (`kind` discriminates; `toJSON()` gives plain data for IPC). Messages are built from host, path, status and
 * Proxmox's reason phrase only — never from request headers, so the token secret cannot leak into them.
 */

export type PveErrorKind =
  | 'auth'
  | 'permission'
  | 'parameter'
  | 'not-found'
  | 'unsupported'
  | 'node-unreachable'
  | 'timeout'
  | 'aborted'
  | 'network'
  | 'tls-mismatch'
  | 'tls-untrusted'
  | 'malformed'
  | 'http'
  | 'task-failed'
  | 'invalid-argument'
  | 'closed'
  | 'outcome-unknown'

/** Where a request went: filled in for every error that comes from a call. */
export interface PveRequestContext {
  host?: string
  port?: number
  method?: string
  /** API path without /api2/json, e.g. /nodes/pve1/status */
  path?: string
}

/** Another endpoint tried for the same call before giving up (failover). */
export interface PveAttempt {
  host: string
  port: number
  kind: PveErrorKind
  message: string
}

export interface PveErrorJson extends PveRequestContext {
  name: string
  kind: PveErrorKind
  message: string
  status?: number
  [field: string]: unknown
}

export abstract class PveError extends Error {
  abstract readonly kind: PveErrorKind
  readonly host?: string
  readonly port?: number
  readonly method?: string
  readonly path?: string
  /** HTTP status when a server answered (also the non-standard 595/596/597/599). */
  readonly status?: number
  /** Errors from other endpoints tried for the same call, in order. */
  attempts: PveAttempt[] = []

  constructor(message: string, ctx: PveRequestContext & { status?: number; cause?: unknown } = {}) {
    super(message, ctx.cause === undefined ? undefined : { cause: ctx.cause })
    this.name = new.target.name
    this.host = ctx.host
    this.port = ctx.port
    this.method = ctx.method
    this.path = ctx.path
    this.status = ctx.status
  }

  toJSON(): PveErrorJson {
    const out: PveErrorJson = { name: this.name, kind: this.kind, message: this.message }
    for (const [k, v] of Object.entries(this)) if (v !== undefined && k !== 'cause') out[k] = v
    return out
  }
}

export function where(ctx: PveRequestContext): string {
  const target = ctx.host === undefined ? 'Proxmox' : `Proxmox at ${ctx.host}${ctx.port === undefined ? '' : `:${ctx.port}`}`
  return ctx.path === undefined ? target : `${target} (${ctx.method ?? 'GET'} ${ctx.path})`
}

export class AuthenticationError extends PveError {
  readonly kind = 'auth'
  /** 'no-ticket': no usable credentials were sent; 'failed': token/secret/user rejected. */
  readonly reason: 'no-ticket' | 'failed' | 'csrf' | 'other'
  readonly reasonPhrase: string
  constructor(reasonPhrase: string, ctx: PveRequestContext) {
    const reason = /^no ticket/i.test(reasonPhrase)
      ? 'no-ticket'
      : /authentication failed/i.test(reasonPhrase)
        ? 'failed'
        : /csrf/i.test(reasonPhrase)
          ? 'csrf'
          : 'other'
    const advice =
      reason === 'no-ticket'
        ? 'No usable API token was sent. Enter the token ID as user@realm!name together with its secret.'
        : 'The API token was rejected. Check the token ID (user@realm!name) and secret, and that the token and its user exist, are enabled and not expired (Datacenter → Permissions → API Tokens).'
    super(`${where(ctx)} refused the login (401 ${reasonPhrase}). ${advice}`, { ...ctx, status: 401 })
    this.reason = reason
    this.reasonPhrase = reasonPhrase
  }
}

export class PermissionDeniedError extends PveError {
  readonly kind = 'permission'
  /** ACL path from `Permission check failed (/vms/100, VM.PowerMgmt)`, if Proxmox named one. */
  readonly aclPath?: string
  /** Privileges named by Proxmox (`VM.Config.Disk|VM.Config.CPU` → both). */
  readonly privileges: string[]
  readonly reasonPhrase: string
  constructor(reasonPhrase: string, ctx: PveRequestContext) {
    const m = /^Permission check failed \(([^,()]+), ([^()]+)\)/.exec(reasonPhrase)
    const aclPath = m?.[1]?.trim()
    const privileges =
      m?.[2] === undefined
        ? []
        : m[2]
            .split('|')
            .map((p) => p.trim())
            .filter(Boolean)
    const need =
      aclPath === undefined ? '' : ` Grant ${privileges.join(' or ')} on ${aclPath} to the API token (or its user, if the token is not privilege-separated).`
    super(`${where(ctx)}: permission denied (403 ${reasonPhrase}).${need || ' Give the API token the required role in Datacenter → Permissions.'}`, {
      ...ctx,
      status: 403
    })
    this.aclPath = aclPath
    this.privileges = privileges
    this.reasonPhrase = reasonPhrase
  }
}

export class ParameterError extends PveError {
  readonly kind = 'parameter'
  /** Proxmox's per-parameter messages, e.g. { vmid: "type check ('integer') failed - got 'abc'" } */
  readonly errors: Record<string, string>
  constructor(reasonPhrase: string, errors: Record<string, string>, ctx: PveRequestContext) {
    const detail = Object.entries(errors)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')
    super(`${where(ctx)} rejected the request parameters (400 ${reasonPhrase})${detail ? `: ${detail}` : ''}.`, { ...ctx, status: 400 })
    this.errors = errors
  }
}

export class NotFoundError extends PveError {
  readonly kind = 'not-found'
  readonly reasonPhrase: string
  constructor(reasonPhrase: string, ctx: PveRequestContext & { status?: number }) {
    super(`${where(ctx)}: it does not exist (${reasonPhrase}). It may have been deleted or moved to another node; refresh the view.`, ctx)
    this.reasonPhrase = reasonPhrase
  }
}

export class UnsupportedEndpointError extends PveError {
  readonly kind = 'unsupported'
  readonly reasonPhrase: string
  constructor(reasonPhrase: string, ctx: PveRequestContext) {
    super(`${where(ctx)} does not support this call (501 ${reasonPhrase}). The Proxmox VE version may be too old or too new for this feature.`, {
      ...ctx,
      status: 501
    })
    this.reasonPhrase = reasonPhrase
  }
}

export class NodeUnreachableError extends PveError {
  readonly kind = 'node-unreachable'
  /** Node named in the request path (the one the answering node could not reach); undefined if none. */
  readonly node?: string
  readonly reasonPhrase: string
  constructor(node: string | undefined, reasonPhrase: string, ctx: PveRequestContext & { status: number }) {
    const who = node === undefined ? 'the target node' : `node "${node}"`
    super(
      `${where(ctx)} could not reach ${who} (${ctx.status} ${reasonPhrase || 'no reason given'}). The node may be down or cut off from the cluster network.`,
      ctx
    )
    this.node = node
    this.reasonPhrase = reasonPhrase
  }
}

export class TimeoutError extends PveError {
  readonly kind = 'timeout'
  readonly phase: 'connect' | 'response' | 'task'
  readonly timeoutMs: number
  constructor(phase: 'connect' | 'response' | 'task', timeoutMs: number, ctx: PveRequestContext & { cause?: unknown; upid?: string }) {
    const what =
      phase === 'connect'
        ? `could not be connected to within ${timeoutMs} ms. Check that the host is up and port ${ctx.port ?? 8006} is reachable (firewall, VPN).`
        : phase === 'response'
          ? `did not answer within ${timeoutMs} ms. The node may be overloaded.`
          : `task ${ctx.upid ?? ''} did not finish within ${timeoutMs} ms. It may still be running: check the task list in Proxmox.`
    super(`${where(ctx)} ${what}`, ctx)
    this.phase = phase
    this.timeoutMs = timeoutMs
  }
}

export class AbortedError extends PveError {
  readonly kind = 'aborted'
  constructor(ctx: PveRequestContext & { cause?: unknown }) {
    super(`${where(ctx)}: the request was cancelled.`, ctx)
  }
}

export class NetworkError extends PveError {
  readonly kind = 'network'
  /** ECONNREFUSED, EHOSTUNREACH, ENOTFOUND, ECONNRESET, UND_ERR_SOCKET, ... */
  readonly code: string
  /** False when the connection was never established (safe to send elsewhere). */
  readonly mayHaveReachedServer: boolean
  constructor(code: string, mayHaveReachedServer: boolean, ctx: PveRequestContext & { cause?: unknown }) {
    const hint: Record<string, string> = {
      ECONNREFUSED: 'Nothing accepts connections on that port: is pveproxy running and the port right (8006)?',
      EHOSTUNREACH: 'The host is unreachable: check the network route or VPN.',
      ENETUNREACH: 'The network is unreachable: check your connection or VPN.',
      ENOTFOUND: 'The host name does not resolve: check the address.',
      EAI_AGAIN: 'Name resolution failed temporarily: check DNS.'
    }
    const tail = mayHaveReachedServer ? ' The request may have reached the server: check the task list before repeating an action.' : ''
    super(`${where(ctx)} is unreachable (${code}). ${hint[code] ?? 'The connection failed.'}${tail}`, ctx)
    this.code = code
    this.mayHaveReachedServer = mayHaveReachedServer
  }
}

export class MalformedResponseError extends PveError {
  readonly kind = 'malformed'
  readonly detail: string
  constructor(detail: string, ctx: PveRequestContext & { status?: number; cause?: unknown }) {
    super(`${where(ctx)} sent a response this app cannot read (${detail}). The server may be a different service or a newer Proxmox VE version.`, ctx)
    this.detail = detail
  }
}

export class HttpError extends PveError {
  readonly kind = 'http'
  readonly reasonPhrase: string
  constructor(status: number, reasonPhrase: string, ctx: PveRequestContext) {
    super(`${where(ctx)} answered ${status} ${reasonPhrase || '(no reason given)'}.`, { ...ctx, status })
    this.reasonPhrase = reasonPhrase
  }
}

export class TaskFailedError extends PveError {
  readonly kind = 'task-failed'
  readonly upid: string
  readonly node: string
  /** Proxmox's exit status: the `TASK ERROR:` text, 'unexpected status', ... */
  readonly exitstatus: string
  constructor(upid: string, node: string, exitstatus: string, taskType: string) {
    super(`Proxmox task ${taskType} on node "${node}" failed: ${exitstatus}`, { path: `/nodes/${node}/tasks/${upid}/status` })
    this.upid = upid
    this.node = node
    this.exitstatus = exitstatus
  }
}

export class InvalidArgumentError extends PveError {
  readonly kind = 'invalid-argument'
  readonly argument: string
  constructor(argument: string, message: string) {
    super(message)
    this.argument = argument
  }
}

export class ClientClosedError extends PveError {
  readonly kind = 'closed'
  constructor() {
    super('This Proxmox connection was closed (the cluster was removed or the app is quitting).')
  }
}
