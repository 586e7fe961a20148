/**
 * One keep-alive undici Pool per endpoint and a single attempt of one request against one endpoint.
 * Failover, retries and the meaning of answers live in requester.ts; this file only moves bytes and classifies
 * transport failures into PveErrors.
 */
import { gunzipSync, inflateSync } from 'node:zlib'

import type { Dispatcher } from 'undici'
import { Pool } from 'undici'

import type { PveRequestContext } from './errors'
import { AbortedError, ClientClosedError, MalformedResponseError, NetworkError, PveError, TimeoutError } from './errors'
import { ResponseTooLargeError } from './outcome-errors'
import { createTrustedConnector } from './tls-trust'
import type { PveEndpoint } from './types'

export type WireMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface WireRequest {
  method: WireMethod
  /** API path without /api2/json, segments already encoded */
  path: string
  /** encoded query string without '?' */
  query?: string
  /** form-urlencoded body */
  body?: string
  signal?: AbortSignal
  timeoutMs: number
  /** A shorter wait for the first byte of the answer (headers), when another endpoint could answer instead. */
  firstByteMs?: number
  /** A 2xx answer's body as bytes (`bytes`), never decoded to a string (a 1.6 MB string per poll is garbage). */
  wantBytes?: boolean
}

export interface WireResponse {
  status: number
  statusText: string
  /** The body as text; empty when `bytes` holds it. */
  body: string
  /** Only for a request with `wantBytes` answered 2xx: the (inflated) body. */
  bytes?: Buffer
}

export interface TransportOptions {
  caPem?: string
  connectTimeoutMs: number
  responseTimeoutMs: number
  keepAliveTimeoutMs: number
  maxConnectionsPerEndpoint: number
  /** Builds the Authorization header value on demand (the secret stays in the caller's closure). */
  authorization: () => string
  /** Removes the secret from text a server sent back (a hostile or broken server might echo the header). */
  redact: (text: string) => string
  /** A larger answer is cut off with ResponseTooLargeError, never buffered whole. Default 64 MiB. */
  maxResponseBytes?: number
}

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
const BODY_FLOOR_MS = 2000

/** Transport failures after which a GET may simply be sent again on a fresh connection (stale keep-alive socket). */
const STALE_SOCKET = Symbol('pve.staleSocket')
const STALE_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'])

export function isStaleSocketError(err: unknown): boolean {
  return err instanceof PveError && (err as { [STALE_SOCKET]?: boolean })[STALE_SOCKET] === true
}

function errCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err) return String(err.code)
  return 'EUNKNOWN'
}

function classify(err: unknown, req: WireRequest, ctx: PveRequestContext, phase: 'request' | 'body', overran: boolean, maxBytes: number): PveError {
  if (err instanceof PveError) return err
  // The whole-request deadline (headers AND body): a server trickling one byte a second ends here.
  if (overran && req.signal?.aborted !== true) return new TimeoutError('response', req.timeoutMs, { ...ctx, cause: err })
  const reason: unknown = req.signal?.reason
  if (req.signal?.aborted === true) return reason instanceof PveError ? reason : new AbortedError({ ...ctx, cause: reason })
  const code = errCode(err)
  if (code === 'UND_ERR_HEADERS_TIMEOUT' && req.firstByteMs !== undefined)
    return new TimeoutError('response', Math.min(req.firstByteMs, req.timeoutMs), { ...ctx, cause: err })
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new TimeoutError('response', req.timeoutMs, { ...ctx, cause: err })
  if (code === 'UND_ERR_DESTROYED') return new ClientClosedError()
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE' || code === 'ERR_BUFFER_TOO_LARGE') return new ResponseTooLargeError(maxBytes, { ...ctx, cause: err })
  const out =
    phase === 'body'
      ? new MalformedResponseError(code.startsWith('Z_') ? `the compressed response could not be decoded (${code})` : `the response was cut off (${code})`, {
          ...ctx,
          cause: err
        })
      : new NetworkError(code, true, { ...ctx, cause: err })
  if (STALE_CODES.has(code)) Object.defineProperty(out, STALE_SOCKET, { value: true, enumerable: false })
  return out
}

// Inflated in one synchronous call into one buffer: Node's zlib otherwise hands every 16 KiB piece back to the
// main thread (measured: ~20 ms per poll at 5,000 guests), and the thread pool's copy-back cost as much. The
// buffer is the next power of two above the size gzip's trailer announces (1.6 MB → 2 MiB at 5,000 guests):
// each poll then allocates one block of the same size, which the allocator reuses, where blocks of a new size
// every poll left it with holes and the process grew by tens of MB. The trailer is only a hint (a wrong one
// costs another piece); `maxOutputLength` is the bound.
const MIN_CHUNK = 64 * 1024

function chunkFor(packed: Buffer, kind: 'gzip' | 'deflate', maxBytes: number): number {
  const announced = kind === 'gzip' && packed.length >= 18 ? packed.readUInt32LE(packed.length - 4) : 0
  let size = MIN_CHUNK
  while (size <= announced && size < maxBytes) size *= 2
  return Math.max(MIN_CHUNK, Math.min(size, maxBytes))
}

function inflated(packed: Buffer, kind: 'gzip' | 'deflate', maxBytes: number): Buffer {
  const opts = { maxOutputLength: maxBytes, chunkSize: chunkFor(packed, kind, maxBytes) }
  return kind === 'gzip' ? gunzipSync(packed, opts) : inflateSync(packed, opts)
}

/**
 * pveproxy gzips answers over 1 KB when asked (/cluster/resources at 5,000 guests: 1.6 MB plain, under 300 KB
 * gzipped). Inflated once the (bounded) compressed body is in; `maxOutputLength` bounds the inflated size as
 * maxResponseSize bounds the bytes on the wire: no decompression bomb. Done here rather than with undici's
 * decompress interceptor, which costs every small answer too.
 */
async function decoded(
  body: Dispatcher.ResponseData['body'],
  encoding: string | string[] | undefined,
  maxBytes: number,
  collector?: BodyCollector
): Promise<Buffer> {
  const kind = encoding === undefined ? 'identity' : String(encoding).trim().toLowerCase()
  const compressed = kind === 'gzip' || kind === 'x-gzip' || kind === 'deflate'
  // The reused buffer only for bytes inflated at once: plain bytes are the answer itself and must stay.
  const packed = compressed && collector !== undefined ? await collector.collect(body) : Buffer.from(await body.arrayBuffer())
  if (compressed) return inflated(packed, kind === 'deflate' ? 'deflate' : 'gzip', maxBytes)
  if (kind === 'identity') return packed
  throw Object.assign(new Error(`unsupported content encoding ${kind}`), { code: 'Z_UNSUPPORTED_ENCODING' })
}

/**
 * The compressed body of the poll's large answer, collected into one buffer reused from poll to poll (it is
 * inflated synchronously, so it is free again before the next answer): a new ~300 KB buffer of a new size per
 * poll was one more hole in the allocator's heap. Used by one answer at a time; another gets a buffer of its own.
 */
class BodyCollector {
  #buf = Buffer.alloc(0)
  #busy = false

  async collect(body: Dispatcher.ResponseData['body']): Promise<Buffer> {
    if (this.#busy) return Buffer.from(await body.arrayBuffer())
    this.#busy = true
    try {
      let length = 0
      for await (const piece of body as AsyncIterable<Buffer>) {
        if (length + piece.length > this.#buf.length) {
          const grown = Buffer.allocUnsafe(Math.max(length + piece.length, this.#buf.length * 2, 64 * 1024))
          this.#buf.copy(grown, 0, 0, length)
          this.#buf = grown
        }
        piece.copy(this.#buf, length)
        length += piece.length
      }
      return this.#buf.subarray(0, length)
    } finally {
      this.#busy = false
    }
  }
}

/** The client was closed while this request was on its way or being answered: it may have arrived. */
export const SENT_BEFORE_CLOSE = Symbol('pve.sentBeforeClose')
function closedAfterSending(): ClientClosedError {
  const e = new ClientClosedError()
  Object.defineProperty(e, SENT_BEFORE_CLOSE, { value: true, enumerable: false })
  return e
}

function origin(ep: PveEndpoint): string {
  const host = ep.host.includes(':') && !ep.host.startsWith('[') ? `[${ep.host}]` : ep.host
  return `https://${host}:${ep.port}`
}

export class Transport {
  readonly #opts: TransportOptions
  readonly #pools = new Map<PveEndpoint, { pool: Pool; origin: string }>()
  readonly #collector = new BodyCollector()
  #closed = false

  constructor(opts: TransportOptions) {
    this.#opts = opts
  }

  #pool(ep: PveEndpoint): { pool: Pool; origin: string } {
    let entry = this.#pools.get(ep)
    if (entry === undefined) {
      const pool = new Pool(origin(ep), {
        connect: createTrustedConnector(ep, { caPem: this.#opts.caPem, connectTimeoutMs: this.#opts.connectTimeoutMs }),
        // pveproxy drops idle connections after 5 s: let ours go first so we never write onto a dying socket.
        keepAliveTimeout: this.#opts.keepAliveTimeoutMs,
        keepAliveMaxTimeout: this.#opts.keepAliveTimeoutMs,
        connections: this.#opts.maxConnectionsPerEndpoint,
        pipelining: 1,
        headersTimeout: this.#opts.responseTimeoutMs,
        bodyTimeout: this.#opts.responseTimeoutMs,
        // undici stops reading (and fails the request) past this many body bytes.
        maxResponseSize: this.#opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
      })
      entry = { pool, origin: origin(ep) }
      this.#pools.set(ep, entry)
    }
    return entry
  }

  async send(ep: PveEndpoint, req: WireRequest): Promise<WireResponse> {
    const ctx: PveRequestContext = { host: ep.host, port: ep.port, method: req.method, path: req.path }
    if (this.#closed) throw new ClientClosedError()
    const maxBytes = this.#opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    if (req.signal?.aborted === true) throw classify(req.signal.reason, req, ctx, 'request', false, maxBytes)
    const started = Date.now()
    const headers: Record<string, string> = { authorization: this.#opts.authorization(), accept: 'application/json', 'accept-encoding': 'gzip' }
    if (req.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded'
    let res: Awaited<ReturnType<Pool['request']>>
    try {
      const { pool } = this.#pool(ep)
      // Per-call timeouts only when they differ from the pool's (saves work on the hot path).
      const custom = req.timeoutMs !== this.#opts.responseTimeoutMs
      const opts: Dispatcher.RequestOptions = { method: req.method, path: `/api2/json${req.path}${req.query ? `?${req.query}` : ''}`, headers }
      if (req.body !== undefined) opts.body = req.body
      if (req.signal !== undefined) opts.signal = req.signal
      if (custom) {
        opts.headersTimeout = req.timeoutMs
        opts.bodyTimeout = req.timeoutMs
      }
      if (req.firstByteMs !== undefined && req.firstByteMs < req.timeoutMs) opts.headersTimeout = req.firstByteMs
      res = await pool.request(opts)
    } catch (err) {
      throw this.#closed ? closedAfterSending() : classify(err, req, ctx, 'request', false, maxBytes)
    }
    // The headers came within headersTimeout (measured from sending). undici's body timeout is an idle
    // timer, so a server trickling a byte a second would never end: the body gets what is left of the
    // call's deadline, then the stream is cut. (One timer per call: cheaper than composed AbortSignals.)
    let overran = false
    const body = res.body
    // With a floor: headers that came just in time (after queueing in the pool) still get their body read.
    const timer = setTimeout(
      () => {
        overran = true
        body.destroy(new Error('response deadline'))
      },
      Math.max(BODY_FLOOR_MS, req.timeoutMs - (Date.now() - started))
    )
    try {
      const encoding = res.headers['content-encoding']
      if (req.wantBytes === true && res.statusCode < 300) {
        return { status: res.statusCode, statusText: res.statusText, body: '', bytes: await decoded(body, encoding, maxBytes, this.#collector) }
      }
      const text = encoding === undefined ? await body.text() : (await decoded(body, encoding, maxBytes)).toString('utf8')
      if (res.statusCode < 300) return { status: res.statusCode, statusText: res.statusText, body: text }
      // Error texts end up in messages and logs.
      return { status: res.statusCode, statusText: this.#opts.redact(res.statusText), body: this.#opts.redact(text) }
    } catch (err) {
      throw this.#closed ? closedAfterSending() : classify(err, req, ctx, 'body', overran, maxBytes)
    } finally {
      clearTimeout(timer)
    }
  }

  /** The endpoint's keep-alive pool, for the bench that compares raw undici with the client on one connection. */
  dispatcherFor(ep: PveEndpoint): Pool {
    return this.#pool(ep).pool
  }

  /** TCP connections currently open per endpoint (for diagnostics and benches). */
  stats(): Array<{ host: string; port: number; connected: number }> {
    return [...this.#pools].map(([ep, { pool }]) => ({ host: ep.host, port: ep.port, connected: pool.stats.connected }))
  }

  async close(): Promise<void> {
    this.#closed = true
    const pools = [...this.#pools.values()].map((e) => e.pool)
    this.#pools.clear()
    await Promise.all(pools.map((p) => p.destroy().catch(() => undefined)))
  }
}
