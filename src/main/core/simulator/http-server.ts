import type { Socket } from 'node:net'
import { createServer, type Server, type TLSSocket } from 'node:tls'
import { gzipSync } from 'node:zlib'

/** A parsed HTTP/1.x request as pve-http-server's AnyEvent.pm sees it. */
export interface HttpRequest {
  readonly method: string
  readonly target: string
  readonly path: string
  readonly query: string
  readonly version: '1.0' | '1.1'
  /** lower-case names; repeated headers joined with ', ' */
  readonly headers: ReadonlyMap<string, string>
  readonly body: Buffer
}

export interface HttpResponse {
  status: number
  reason: string
  contentType?: string
  body?: Buffer | string
  /** Content-Length announces the full body, only half is written, then the socket closes */
  truncate?: boolean
}

/** 'drop' destroys the socket without answering; 'hang' never answers */
export type HandlerResult = HttpResponse | 'drop' | 'hang'

export interface ConnectionPolicy {
  idleTimeoutMs: number
  maxRequestsPerConnection: number
}

const MAX_HEADER_BYTES = 8192
const MAX_HEADER_LINES = 64
const MAX_POST = 512 * 1024
const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE'])

/**
 * HTTPS listener with pveproxy's connection rules, written on raw TLS sockets because node:http always adds
 * `Keep-Alive: timeout=` headers and cannot echo HTTP/1.0 or use arbitrary reason phrases for >= 590 codes.
 */
export class PveHttpsListener {
  private server: Server | undefined
  private readonly sockets = new Set<TLSSocket>()
  private tls: { key: string; cert: string }
  /** Bytes of HTTP responses written (heads and bodies, after compression): what crossed the wire. */
  bytesSent = 0

  constructor(
    private readonly policy: ConnectionPolicy,
    tls: { key: string; cert: string },
    private readonly handler: (req: HttpRequest) => Promise<HandlerResult>,
    private readonly onAccept: () => void
  ) {
    this.tls = tls
  }

  async listen(port = 0): Promise<number> {
    const server = createServer({ key: this.tls.key, cert: this.tls.cert, minVersion: 'TLSv1.2', honorCipherOrder: true })
    server.on('secureConnection', (s) => this.serve(s))
    server.on('connection', () => this.onAccept())
    server.on('tlsClientError', () => undefined)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    this.server = server
    const addr = server.address()
    if (addr === null || typeof addr === 'string') throw new Error('listener has no port')
    return addr.port
  }

  setCertificate(tls: { key: string; cert: string }): void {
    this.tls = tls
    this.server?.setSecureContext({ key: tls.key, cert: tls.cert })
  }

  /** stops accepting and cuts every open connection */
  async close(): Promise<void> {
    const s = this.server
    this.server = undefined
    for (const sock of this.sockets) sock.destroy()
    this.sockets.clear()
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
  }

  private serve(sock: TLSSocket): void {
    this.sockets.add(sock)
    // Responses are written as head + body: without TCP_NODELAY, Nagle holds the body back for a
    // delayed ACK (~25-40 ms per request on loopback).
    sock.setNoDelay(true)
    let buf: Buffer = Buffer.alloc(0)
    let busy = false
    let count = 0
    let idle: NodeJS.Timeout | undefined
    const armIdle = (): void => {
      if (idle) clearTimeout(idle)
      idle = setTimeout(() => sock.destroy(), this.policy.idleTimeoutMs)
    }
    const disarm = (): void => {
      if (idle) clearTimeout(idle)
      idle = undefined
    }
    sock.on('close', () => {
      disarm()
      this.sockets.delete(sock)
    })
    sock.on('error', () => undefined)
    armIdle()

    const pump = (): void => {
      if (busy || sock.destroyed) return
      const parsed = parseRequest(buf)
      if (parsed === 'incomplete') return
      if ('error' in parsed) {
        busy = true
        disarm()
        this.bytesSent += writeResponse(
          sock,
          '1.1',
          { status: parsed.status, reason: parsed.error, contentType: 'text/plain', body: parsed.error },
          true,
          false
        )
        return
      }
      buf = buf.subarray(parsed.consumed)
      busy = true
      disarm()
      count++
      const req = parsed.req
      const keepAlive = wantsKeepAlive(req) && count < this.policy.maxRequestsPerConnection
      void this.handler(req).then(
        (res) => {
          if (res === 'hang') return
          if (res === 'drop') {
            sock.destroy()
            return
          }
          const close = !keepAlive || res.status >= 400 || res.truncate === true
          this.bytesSent += writeResponse(sock, req.version, res, close, /gzip/.test(req.headers.get('accept-encoding') ?? ''))
          busy = false
          if (!close) {
            armIdle()
            pump()
          }
        },
        () => sock.destroy()
      )
    }
    sock.on('data', (d: Buffer) => {
      buf = buf.length === 0 ? d : Buffer.concat([buf, d])
      pump()
    })
  }
}

function wantsKeepAlive(req: HttpRequest): boolean {
  const c = (req.headers.get('connection') ?? '').toLowerCase()
  if (c.includes('close')) return false
  return req.version === '1.1' || c.includes('keep-alive')
}

type Parsed = 'incomplete' | { error: string; status: number } | { req: HttpRequest; consumed: number }

function parseRequest(buf: Buffer): Parsed {
  const end = buf.indexOf('\r\n\r\n')
  if (end < 0) return buf.length > MAX_HEADER_BYTES ? { status: 431, error: 'Request Header Fields Too Large' } : 'incomplete'
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n')
  const m = /^(\S+) (\S+) HTTP\/(\d)\.(\d)$/.exec(lines[0] ?? '')
  if (!m) return { status: 400, error: 'Bad Request' }
  const [, method = '', target = '', major, minor] = m
  if (major !== '1' || (minor !== '0' && minor !== '1')) return { status: 506, error: `http protocol version ${major}.${minor} not supported` }
  if (lines.length - 1 > MAX_HEADER_LINES) return { status: 431, error: 'Request Header Fields Too Large' }
  const headers = new Map<string, string>()
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':')
    if (i <= 0) return { status: 400, error: 'Bad Request' }
    const k = line.slice(0, i).trim().toLowerCase()
    const v = line.slice(i + 1).trim()
    headers.set(k, headers.has(k) ? `${headers.get(k)}, ${v}` : v)
  }
  if (!KNOWN_METHODS.has(method)) return { status: 501, error: `method '${method}' not available` }
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) return { status: 501, error: 'chunked transfer encoding not supported' }
  const len = Number(headers.get('content-length') ?? '0')
  if (!Number.isInteger(len) || len < 0) return { status: 400, error: 'Bad Request' }
  if (len > 0 && (method === 'GET' || method === 'DELETE')) return { status: 501, error: `Unexpected content for method '${method}'` }
  if (len > MAX_POST) return { status: 501, error: 'for data too large' }
  if (buf.length < end + 4 + len) return 'incomplete'
  const q = target.indexOf('?')
  const req: HttpRequest = {
    method,
    target,
    version: minor === '0' ? '1.0' : '1.1',
    headers,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    body: Buffer.from(buf.subarray(end + 4, end + 4 + len))
  }
  return { req, consumed: end + 4 + len }
}

/** Writes one response; returns the bytes written. */
function writeResponse(sock: Socket, version: string, res: HttpResponse, close: boolean, gzipOk: boolean): number {
  const date = new Date().toUTCString()
  let body: Buffer<ArrayBufferLike> = res.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.body, 'utf8')
  const head = [
    `HTTP/${version} ${res.status} ${res.reason}`,
    'Cache-Control: max-age=0',
    `Connection: ${close ? 'close' : 'Keep-Alive'}`,
    `Date: ${date}`,
    'Pragma: no-cache',
    'Server: pve-api-daemon/3.0'
  ]
  if (gzipOk && body.length > 1024 && !res.truncate) {
    // As pveproxy does (AnyEvent.pm response(): Compress::Zlib::memGzip, which deflates at
    // Z_BEST_COMPRESSION with MAX_MEM_LEVEL), so the bytes on the wire are a real server's.
    body = gzipSync(body, { level: 9, memLevel: 9 })
    head.push('Content-Encoding: gzip')
  }
  head.push(`Content-Length: ${body.length}`)
  if (res.contentType && body.length > 0) head.push(`Content-Type: ${res.contentType}`)
  head.push(`Expires: ${date}`)
  const headBuf = Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1')
  if (res.truncate) {
    const half = body.subarray(0, Math.floor(body.length / 2))
    sock.write(Buffer.concat([headBuf, half]))
    sock.destroySoon()
    return headBuf.length + half.length
  }
  sock.write(body.length > 0 ? Buffer.concat([headBuf, body]) : headBuf)
  if (close) sock.end()
  return headBuf.length + body.length
}
