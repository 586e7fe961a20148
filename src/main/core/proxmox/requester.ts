/**
 * Sends one API call with the cluster's endpoint rules:
 *  - order: the endpoint that answered last (else the first configured), then the others in config order;
 *    node-specific calls start at the endpoint whose `node` matches;
 *  - a failure before a connection existed (refused, unreachable, connect timeout, untrusted TLS) moves ANY method
 *    to the next endpoint: nothing was sent;
 *  - once a request may have reached a server, only GETs are re-sent: once on the same endpoint for a stale
 *    keep-alive socket, then on the next endpoint (also after a response timeout, unless the call is about
 *    the node that timed out). A POST (power action) is never sent twice;
 *  - any HTTP answer is final (4xx, auth failures, 5xx): no failover, no retry loop.
 */
import type { z } from 'zod'

import type { PveRequestContext } from './errors'
import { InvalidArgumentError, MalformedResponseError, NetworkError, PveError, TimeoutError } from './errors'
import type { PveEnvelope } from './http-errors'
import { errorForResponse, parseEnvelope } from './http-errors'
import { OutcomeUnknownError } from './outcome-errors'
import type { PveParams } from './params'
import { encodeParams } from './params'
import { isConnectPhaseError } from './tls-trust'
import type { Transport, WireMethod, WireRequest, WireResponse } from './transport'
import { isStaleSocketError, SENT_BEFORE_CLOSE } from './transport'
import type { PveEndpoint } from './types'

export interface CallSpec {
  method: WireMethod
  /** encoded API path, e.g. /nodes/pve1/status */
  path: string
  params?: PveParams
  /** prefer this node's endpoint */
  node?: string
  signal?: AbortSignal
  timeoutMs?: number
  /** The 2xx answer's body as bytes for the decoder (see WireRequest.wantBytes). */
  wantBytes?: boolean
}

/** Turns a 2xx answer into a value; throws a PveError (MalformedResponseError) for one it cannot read. */
export type Decoder<T> = (res: WireResponse, ctx: PveRequestContext) => T

export interface RequesterOptions {
  responseTimeoutMs: number
  /**
   * Cluster-wide GETs wait this long for the first byte from an endpoint while another endpoint could answer
   * instead: a node that powered off with a keep-alive connection open must not stall the poll for the whole
   * response timeout. The last endpoint tried gets the full timeout. Default 5000.
   */
  firstByteMs?: number
  logger?: (line: string) => void
}

/** How long a failed endpoint is tried after the others (unless it answers first). */
const FAILED_MARK_MS = 60_000

/** Shared by a client and the node-scoped views made with clientForNode(). */
export class Requester {
  readonly endpoints: readonly PveEndpoint[]
  readonly #transport: Transport
  readonly #opts: RequesterOptions
  #last: PveEndpoint | undefined
  /** Endpoints whose last attempt failed (and when): tried after the others for a while, or until they answer. */
  readonly #failed = new Map<PveEndpoint, number>()

  #isFailed(e: PveEndpoint): boolean {
    const at = this.#failed.get(e)
    if (at === undefined) return false
    // A mark expires, so an endpoint that came back is used again even while the others keep answering.
    if (Date.now() - at > FAILED_MARK_MS) {
      this.#failed.delete(e)
      return false
    }
    return true
  }

  constructor(endpoints: readonly PveEndpoint[], transport: Transport, opts: RequesterOptions) {
    this.endpoints = endpoints
    this.#transport = transport
    this.#opts = opts
  }

  get lastEndpoint(): PveEndpoint | undefined {
    return this.#last
  }

  get transport(): Transport {
    return this.#transport
  }

  order(node?: string): readonly PveEndpoint[] {
    // Hot path (every call of a one-endpoint client, or while the first endpoint answers): no allocation.
    const head = this.endpoints[0]
    if (
      this.endpoints.length <= 1 ||
      (this.#failed.size === 0 && (this.#last === undefined || this.#last === head) && (node === undefined || node === head?.node))
    )
      return this.endpoints
    // A user behind NAT, a VPN or a reverse proxy must not pay a timeout per call for an endpoint that failed.
    const healthy = this.endpoints.filter((e) => !this.#isFailed(e))
    const first = this.#last !== undefined && healthy.includes(this.#last) ? this.#last : (healthy[0] ?? this.#last ?? this.endpoints[0])
    const rest = this.endpoints.filter((e) => e !== first)
    const cluster = first === undefined ? [] : [first, ...rest.filter((e) => !this.#isFailed(e)), ...rest.filter((e) => this.#isFailed(e))]
    const own = node === undefined ? undefined : this.endpoints.find((e) => e.node === node)
    return own === undefined || this.#isFailed(own) ? cluster : [own, ...cluster.filter((e) => e !== own)]
  }

  #log(line: string): void {
    this.#opts.logger?.(`proxmox: ${line}`)
  }

  /** Sends the call and returns the unwrapped envelope. */
  async call(spec: CallSpec): Promise<PveEnvelope & { ctx: PveRequestContext }> {
    return this.callWith(spec, (res, ctx) => {
      const env = parseEnvelope(res, ctx)
      return env.total === undefined ? { data: env.data, ctx } : { data: env.data, total: env.total, ctx }
    })
  }

  /** Sends the call; `decode` reads the 2xx answer (an unreadable one is a MalformedResponseError, as for `call`). */
  async callWith<T>(spec: CallSpec, decode: Decoder<T>): Promise<T> {
    const encoded = encodeParams(spec.params)
    const hasBody = spec.method === 'POST' || spec.method === 'PUT'
    const wire: WireRequest = {
      method: spec.method,
      path: spec.path,
      query: hasBody ? undefined : encoded,
      body: hasBody ? encoded : undefined,
      signal: spec.signal,
      timeoutMs: spec.timeoutMs ?? this.#opts.responseTimeoutMs
    }
    if (spec.wantBytes === true) wire.wantBytes = true
    const failures: PveError[] = []
    const order = this.order(spec.node)
    // Only for calls any endpoint can answer: a call about a node stays with the full timeout.
    const quick = spec.method === 'GET' && spec.node === undefined && order.length > 1 ? Math.min(this.#opts.firstByteMs ?? 5000, wire.timeoutMs) : undefined
    // The short wait only while a later endpoint is not known to be failing: the last hope gets the full time.
    const laterHealthy = (i: number): boolean => order.slice(i + 1).some((e) => !this.#isFailed(e))
    for (const [i, ep] of order.entries()) {
      const ctx: PveRequestContext = { host: ep.host, port: ep.port, method: spec.method, path: spec.path }
      let res: WireResponse
      try {
        res = await this.#attempt(ep, quick === undefined || !laterHealthy(i) ? wire : { ...wire, firstByteMs: quick })
      } catch (err) {
        const e = withContext(err, ctx)
        failures.push(e)
        // Sent, and no answer that says what happened: the action may have been carried out.
        if (spec.method !== 'GET' && mayHaveArrived(e))
          throw withAttempts(
            new OutcomeUnknownError(e, ctx),
            failures.filter((f) => f !== e)
          )
        // A timeout on a call about one node says that node is stuck, not the endpoint that proxied it.
        if (isConnectPhaseError(e) || (e instanceof TimeoutError && spec.node === undefined)) this.#failed.set(ep, Date.now())
        if (!this.#mayTryNext(e, spec.method, spec.node !== undefined)) throw withAttempts(e, failures)
        this.#log(`${spec.method} ${spec.path} failed on ${ep.host}:${ep.port} (${e.kind}); trying the next endpoint`)
        continue
      }
      this.#last = ep
      this.#failed.delete(ep)
      if (res.status < 200 || res.status > 299) throw withAttempts(errorForResponse(res, ctx), failures)
      return decode(res, ctx)
    }
    // The last failure is the answer; the ones before it are listed as tried first.
    const last = failures[failures.length - 1]
    if (last === undefined) throw new InvalidArgumentError('endpoints', 'No Proxmox endpoint is configured for this cluster.')
    throw withAttempts(last, failures)
  }

  async #attempt(ep: PveEndpoint, wire: WireRequest): Promise<WireResponse> {
    const started = this.#opts.logger === undefined ? 0 : Date.now()
    try {
      const res = await this.#transport.send(ep, wire)
      if (this.#opts.logger !== undefined) this.#log(`${wire.method} ${ep.host}:${ep.port}${wire.path} → ${res.status} (${Date.now() - started} ms)`)
      return res
    } catch (err) {
      // A keep-alive socket the server closed just as we wrote on it: harmless to repeat a GET once.
      if (wire.method !== 'GET' || !isStaleSocketError(err)) throw err
      this.#log(`GET ${ep.host}:${ep.port}${wire.path}: connection closed by the server, sending again`)
      return this.#transport.send(ep, wire)
    }
  }

  #mayTryNext(e: PveError, method: WireMethod, nodeScoped: boolean): boolean {
    if (e.kind === 'aborted' || e.kind === 'closed') return false
    if (isConnectPhaseError(e)) return true
    if (method !== 'GET') return false
    if (e instanceof NetworkError || e instanceof MalformedResponseError) return true
    // A pveproxy stuck on one node (hung storage, overload) must not hide the rest of the cluster. A call
    // about one node stays put: any other endpoint would only proxy it to that same node.
    return e instanceof TimeoutError && e.phase === 'response' && !nodeScoped
  }

  /** Validates an envelope's data with a schema; a mismatch is a MalformedResponseError naming the first bad field. */
  static parse<T>(schema: z.ZodType<T>, data: unknown, ctx: PveRequestContext): T {
    const parsed = schema.safeParse(data)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]
    const at = issue === undefined || issue.path.length === 0 ? 'data' : `data.${issue.path.map(String).join('.')}`
    throw new MalformedResponseError(`${at}: ${issue?.message ?? 'unexpected shape'}`, { ...ctx, cause: parsed.error })
  }
}

/** Failures after the request may have been written: not before connecting, not a cancel or a closed client. */
function mayHaveArrived(e: PveError): boolean {
  if (e.kind === 'closed') return (e as { [SENT_BEFORE_CLOSE]?: boolean })[SENT_BEFORE_CLOSE] === true
  if (isConnectPhaseError(e) || e.kind === 'aborted') return false
  return e instanceof TimeoutError || e instanceof NetworkError || e instanceof MalformedResponseError
}

function withContext(err: unknown, ctx: PveRequestContext): PveError {
  const e = err instanceof PveError ? err : new NetworkError('EUNKNOWN', true, { ...ctx, cause: err })
  // Errors raised in the connector know host/port only; add what was being called.
  const mutable = e as { -readonly [K in keyof PveRequestContext]: PveRequestContext[K] }
  mutable.method ??= ctx.method
  mutable.path ??= ctx.path
  return e
}

function withAttempts(err: PveError, failures: PveError[]): PveError {
  err.attempts = failures.filter((f) => f !== err).map((f) => ({ host: f.host ?? '', port: f.port ?? 0, kind: f.kind, message: f.message }))
  return err
}
