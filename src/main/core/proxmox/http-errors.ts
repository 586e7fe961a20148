/**
 * Meaning of a pveproxy answer: the `{data}` envelope on success, a typed error otherwise.
 * Proxmox puts the error text in the reason phrase (first line of the message); newer servers (>= 8.3) repeat the
 * full message in the JSON body `{"data":null,"message":...}`, older ones send only `{"data":null}`, and 401/595
 * answers have no body at all. Proxmox has no 404: missing things are 500s with recognisable texts.
 */
import type { PveError, PveRequestContext } from './errors'
import {
  AuthenticationError,
  HttpError,
  MalformedResponseError,
  NodeUnreachableError,
  NotFoundError,
  ParameterError,
  PermissionDeniedError,
  UnsupportedEndpointError
} from './errors'
import { nodeFromPath } from './params'
import type { WireResponse } from './transport'

export interface PveEnvelope {
  data: unknown
  total?: number
}

interface ErrorBody {
  message?: string
  errors?: Record<string, string>
}

function parseErrorBody(body: string): ErrorBody {
  try {
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed !== 'object' || parsed === null) return {}
    const out: ErrorBody = {}
    const { message, errors } = parsed as { message?: unknown; errors?: unknown }
    if (typeof message === 'string') out.message = message.trim()
    if (typeof errors === 'object' && errors !== null) {
      out.errors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : JSON.stringify(v)]))
    }
    return out
  } catch {
    return {}
  }
}

const NOT_FOUND_RE = [
  /^Configuration file '[^']*' does not exist/,
  /^unable to find configuration file/,
  /^hostname lookup '[^']*' failed/,
  /^no such (task|vm|ct|container|storage|pool|user|file)\b/i,
  /does not exist$/
]
const UNSUPPORTED_RE = [/^Method '[^']*' not implemented/, /^method '[^']*' not available/, /^no such uri/, /^no formatter for uri/]

/** The error for a non-2xx answer. */
export function errorForResponse(res: WireResponse, ctx: PveRequestContext): PveError {
  const body = parseErrorBody(res.body)
  const firstLine = (body.message ?? '').split('\n')[0]?.trim() ?? ''
  const reason = res.statusText.trim() || firstLine
  const status = res.status
  if (status === 401) return new AuthenticationError(reason || 'Authentication failed!', ctx)
  if (status === 403) return new PermissionDeniedError(reason || 'Permission check failed', ctx)
  if (status === 400) {
    const errors = body.errors ?? {}
    if (errors.upid !== undefined && /no such task/.test(errors.upid)) return new NotFoundError(`no such task`, { ...ctx, status })
    return new ParameterError(reason || 'Bad Request', errors, ctx)
  }
  if (status >= 590 && status <= 599) return new NodeUnreachableError(ctx.path === undefined ? undefined : nodeFromPath(ctx.path), reason, { ...ctx, status })
  if (status === 501 && UNSUPPORTED_RE.some((re) => re.test(reason))) return new UnsupportedEndpointError(reason, ctx)
  if (status === 500 && NOT_FOUND_RE.some((re) => re.test(reason))) return new NotFoundError(reason, { ...ctx, status })
  return new HttpError(status, reason, ctx)
}

/** Unwraps `{data, total?}` from a 2xx answer. */
export function parseEnvelope(res: WireResponse, ctx: PveRequestContext): PveEnvelope {
  let parsed: unknown
  try {
    parsed = JSON.parse(res.body)
  } catch {
    // No body excerpt in the message: a success body is not scrubbed and could echo anything.
    const what = /^\s*</.test(res.body) ? 'an HTML page instead of JSON' : `not JSON (${res.body.length} bytes)`
    throw new MalformedResponseError(what, { ...ctx, status: res.status })
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('data' in parsed)) {
    throw new MalformedResponseError('no {"data": ...} envelope', { ...ctx, status: res.status })
  }
  const { data, total } = parsed as { data: unknown; total?: unknown }
  const totalNum = typeof total === 'number' ? total : typeof total === 'string' && /^\d+$/.test(total) ? Number(total) : undefined
  return totalNum === undefined ? { data } : { data, total: totalNum }
}
