// Request routing for the bridge: static renderer files, the shim, POST /api/invoke and the SSE
// event stream. Every /api request needs the run's token; every request needs our own Host.
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'

import { rendererEventChannelNames } from '../../shared/ipc/channels'
import type { AppCore } from '../core'
import { CSP, hostAllowed, originAllowed, tokenMatches } from './security'
import { readStatic } from './static-files'
import { TOKEN_HEADER } from './token-header'

const MAX_BODY = 1024 * 1024
const KEEPALIVE_MS = 15_000

export interface HandlerDeps {
  readonly core: AppCore
  readonly token: string
  readonly port: () => number
  readonly rendererDir: string
  /** Open event streams, so close() can end them. */
  readonly streams: Set<ServerResponse>
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const b = chunk as Buffer
    size += b.length
    if (size > MAX_BODY) return null
    chunks.push(b)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function invoke(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const tokenHeader = req.headers[TOKEN_HEADER]
  if (!tokenMatches(deps.token, Array.isArray(tokenHeader) ? tokenHeader[0] : tokenHeader)) return send(res, 403, 'Forbidden')
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only')
  const text = await readBody(req)
  if (text === null) return send(res, 413, 'Too large')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return send(res, 400, 'Invalid JSON')
  }
  const { channel, input } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { channel?: unknown; input?: unknown }
  // The same dispatcher the Electron glue uses: contract validation, handler, error mapping.
  const result = await deps.core.dispatch(typeof channel === 'string' ? channel : '', input, { url: 'browser-bridge' })
  send(res, 200, JSON.stringify(result), 'application/json')
}

function events(deps: HandlerDeps, url: URL, req: IncomingMessage, res: ServerResponse): void {
  if (!tokenMatches(deps.token, url.searchParams.get('token'))) return send(res, 403, 'Forbidden')
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' })
  res.write(': connected\n\n')
  const offs = rendererEventChannelNames.map((name) =>
    deps.core.on(name, (payload: unknown) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`))
  )
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
  deps.streams.add(res)
  const done = (): void => {
    clearInterval(keepalive)
    for (const off of offs) off()
    deps.streams.delete(res)
  }
  req.on('close', done)
  res.on('close', done)
}

export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  // Built beside this bundle (vite.config.ts builds shim/bridge-shim.ts for the browser); read once.
  const shim = readFileSync(join(import.meta.dirname, 'bridge-shim.js'), 'utf8')
  return (req, res) => {
    const port = deps.port()
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'Forbidden host')
    if (!originAllowed(req.headers.origin, port)) return send(res, 403, 'Forbidden origin')
    res.setHeader('content-security-policy', CSP)
    res.setHeader('referrer-policy', 'no-referrer')
    res.setHeader('x-frame-options', 'DENY')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const work = async (): Promise<void> => {
      if (url.pathname === '/api/invoke') return req.method === 'POST' ? invoke(deps, req, res) : send(res, 405, 'POST only')
      if (url.pathname === '/api/events') return req.method === 'GET' ? events(deps, url, req, res) : send(res, 405, 'GET only')
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only')
      if (url.pathname === '/bridge-shim.js') return send(res, 200, shim, 'text/javascript; charset=utf-8')
      const file = await readStatic(deps.rendererDir, url.pathname)
      if (file === null) return send(res, 404, 'Not found')
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' })
      res.end(req.method === 'HEAD' ? undefined : file.body)
    }
    work().catch(() => {
      if (!res.headersSent) send(res, 500, 'Bridge error')
      else res.end()
    })
  }
}
