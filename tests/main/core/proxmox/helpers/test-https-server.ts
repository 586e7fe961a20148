/**
 * A tiny purpose-built HTTPS server for the cases the simulator cannot produce: a server that accepts a POST and
 * drops the connection, exact request counting, scripted status lines / bodies. Real TLS on 127.0.0.1.
 */
import { X509Certificate } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

import { generate } from 'selfsigned'

export interface RecordedRequest {
  method: string
  url: string
  authorization: string | undefined
  acceptEncoding: string | undefined
  contentType: string | undefined
  body: string
}

/** What the handler wants: write a response itself, or 'drop' (destroy the socket without answering) / 'hang'. */
export type TestHandler = (req: RecordedRequest, res: ServerResponse) => void | 'drop' | 'hang' | Promise<void | 'drop' | 'hang'>

export interface TestServer {
  host: '127.0.0.1'
  port: number
  fingerprint256: string
  certPem: string
  requests: RecordedRequest[]
  connections(): number
  close(): Promise<void>
}

let certCache: Promise<{ cert: string; key: string; fingerprint256: string }> | undefined

export function testCertificate(): Promise<{ cert: string; key: string; fingerprint256: string }> {
  certCache ??= generate([{ name: 'commonName', value: 'test-node' }], { keySize: 2048, algorithm: 'sha256' }).then((p) => ({
    cert: p.cert,
    key: p.private,
    fingerprint256: new X509Certificate(p.cert).fingerprint256
  }))
  return certCache
}

/** Sends a Proxmox-style JSON answer: reason phrase = first line of the message, `Connection: close` for >= 400. */
export function pveJson(res: ServerResponse, status: number, body: unknown, reason?: string): void {
  const text = JSON.stringify(body)
  res.writeHead(status, reason ?? (status === 200 ? 'OK' : 'Error'), {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...(status >= 400 ? { connection: 'close' } : {})
  })
  res.end(text)
}

/**
 * idleCloseMs: like pveproxy, close a connection idle that long after a response WITHOUT announcing it (no
 * Keep-Alive header, unlike node's own keepAliveTimeout); maxRequestsPerSocket: the last answer carries
 * Connection: close (pveproxy: 100).
 */
export async function startTestServer(handler: TestHandler, opts: { idleCloseMs?: number; maxRequestsPerSocket?: number } = {}): Promise<TestServer> {
  const { cert, key, fingerprint256 } = await testCertificate()
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  let connections = 0
  const idle = new Map<Socket, NodeJS.Timeout>()
  const armIdle = (sock: Socket): void => {
    clearTimeout(idle.get(sock))
    if (opts.idleCloseMs !== undefined)
      idle.set(
        sock,
        setTimeout(() => sock.destroy(), opts.idleCloseMs)
      )
  }
  const server = https.createServer({ cert, key, keepAliveTimeout: 0 }, (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    clearTimeout(idle.get(req.socket))
    res.on('finish', () => armIdle(req.socket))
    req.on('end', () => {
      const rec: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        acceptEncoding: req.headers['accept-encoding'],
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(rec)
      void Promise.resolve(handler(rec, res)).then((out) => {
        if (out === 'drop') req.socket.destroy()
      })
    })
  })
  server.maxRequestsPerSocket = opts.maxRequestsPerSocket ?? 0
  server.on('secureConnection', (s: Socket) => {
    connections++
    sockets.add(s)
    armIdle(s)
    s.on('close', () => {
      sockets.delete(s)
      clearTimeout(idle.get(s))
      idle.delete(s)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    fingerprint256,
    certPem: cert,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

/** A port with nothing listening (ECONNREFUSED): bind, read the port, close. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net')
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address() as AddressInfo
  await new Promise<void>((r) => srv.close(() => r()))
  return port
}

/** Accepts TCP connections and never speaks (no TLS handshake): a connect-phase hang. */
export async function silentTcpServer(): Promise<{ port: number; close(): Promise<void> }> {
  const { createServer } = await import('node:net')
  const sockets = new Set<Socket>()
  const srv = createServer((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  return {
    port: (srv.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        srv.close(() => r())
      })
  }
}
