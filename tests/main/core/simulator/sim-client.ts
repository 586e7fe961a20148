import { type Agent, request } from 'node:https'
import { connect, type TLSSocket } from 'node:tls'

import type { SimToken, Simulator } from '../../../../src/main/core/simulator'
import { waitFor as sharedWaitFor } from '../../../helpers/wait-for'

export interface SimResponse {
  status: number
  reason: string
  headers: Record<string, string | string[] | undefined>
  text: string
  json: unknown
  ms: number
}

export function authHeader(t: SimToken): string {
  return `PVEAPIToken=${t.id}=${t.secret}`
}

/** One HTTPS request verified against the simulator's cluster CA (no verification bypass). */
export function call(
  sim: Simulator,
  method: string,
  path: string,
  opts: { token?: SimToken | null; node?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {}
): Promise<SimResponse> {
  const ep = opts.node ? sim.endpoints.find((e) => e.node === opts.node) : sim.endpoints[0]
  if (!ep) throw new Error('no endpoint')
  const headers: Record<string, string> = { ...(opts.headers ?? {}) }
  const token = opts.token === undefined ? sim.tokens.admin : opts.token
  if (token) headers.Authorization = authHeader(token)
  if (opts.body !== undefined) {
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded'
    headers['Content-Length'] = String(Buffer.byteLength(opts.body))
  }
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const req = request(
      { host: ep.host, port: ep.port, method, path: path.startsWith('/api2') ? path : `/api2/json${path}`, headers, ca: sim.caPem, agent: opts.agent ?? false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown
          try {
            json = text ? JSON.parse(text) : undefined
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? '', headers: res.headers, text, json, ms: Date.now() - started })
        })
      }
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

export async function get<T = unknown>(sim: Simulator, path: string, node?: string): Promise<T> {
  const r = await call(sim, 'GET', path, node ? { node } : {})
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.reason}`)
  return (r.json as { data: T }).data
}

/** A raw TLS connection to an endpoint, for checking connection-level behaviour byte by byte. */
export async function rawConnect(sim: Simulator, node?: string): Promise<TLSSocket> {
  const ep = node ? sim.endpoints.find((e) => e.node === node) : sim.endpoints[0]
  if (!ep) throw new Error('no endpoint')
  return new Promise((resolve, reject) => {
    const s = connect({ host: ep.host, port: ep.port, ca: sim.caPem }, () => resolve(s))
    s.on('error', reject)
  })
}

/** Reads one HTTP response (Content-Length framed) from a raw socket. */
export function readResponse(s: TLSSocket): Promise<{ head: string; body: string; closed: () => boolean }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0)
    let ended = false
    s.on('end', () => (ended = true))
    s.on('close', () => (ended = true))
    const onData = (d: Buffer): void => {
      buf = Buffer.concat([buf, d])
      const i = buf.indexOf('\r\n\r\n')
      if (i < 0) return
      const head = buf.subarray(0, i).toString('latin1')
      const len = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? '0')
      if (buf.length < i + 4 + len) return
      s.off('data', onData)
      resolve({ head, body: buf.subarray(i + 4, i + 4 + len).toString('utf8'), closed: () => ended || s.destroyed })
    }
    s.on('data', onData)
    s.once('error', reject)
  })
}

export function rawGet(path: string, token: SimToken, extra = ''): string {
  return `GET /api2/json${path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${authHeader(token)}\r\n${extra}\r\n`
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 5000, stepMs = 20): Promise<void> {
  await sharedWaitFor(cond, { timeoutMs, intervalMs: stepMs })
}

export async function waitTask(sim: Simulator, upid: string): Promise<{ status: string; exitstatus?: string } & Record<string, unknown>> {
  const node = upid.split(':')[1] ?? ''
  const path = `/nodes/${node}/tasks/${encodeURIComponent(upid)}/status`
  let st: { status: string; exitstatus?: string } & Record<string, unknown> = { status: 'running' }
  await waitFor(async () => {
    st = await get(sim, path, node)
    return st.status === 'stopped'
  }, 10_000)
  return st
}
