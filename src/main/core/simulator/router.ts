import { setTimeout as sleep } from 'node:timers/promises'

import apiSubset from './api-subset.json'
import { authenticate } from './auth'
import { backupHandlers } from './backups'
import { type ApiHandler, type CallContext, PveError, type SimContext } from './context'
import type { FaultBook } from './faults'
import { guestNetworkHandlers } from './guest-network'
import { clusterHandlers } from './handlers-cluster'
import { guestHandlers } from './handlers-guest'
import { haCephHandlers } from './handlers-ha-ceph'
import { nodeHandlers } from './handlers-node'
import { taskHandlers } from './handlers-tasks'
import type { HandlerResult, HttpRequest, HttpResponse } from './http-server'
import { type ParamSchema, type ParamValue, verifyParams } from './param-check'
import { upkeepHandlers } from './upkeep'

interface ApiMethodInfo {
  parameters: ParamSchema
  permissions: { user?: string; check?: unknown[] }
  allowtoken: number
  proxyto?: string
}

interface Route {
  method: string
  segments: string[]
  info: ApiMethodInfo
  handler: ApiHandler
}

const JSON_TYPE = 'application/json;charset=UTF-8'
const NO_AUTH = new Set(['GET /access/domains', 'GET /access/ticket', 'POST /access/ticket', 'POST /access/vncticket'])

const HANDLERS: Record<string, ApiHandler> = {
  ...clusterHandlers,
  ...nodeHandlers,
  ...taskHandlers,
  ...guestHandlers,
  ...guestNetworkHandlers,
  ...haCephHandlers,
  ...backupHandlers,
  ...upkeepHandlers
}
const ROUTES: Route[] = Object.entries(apiSubset as unknown as Record<string, ApiMethodInfo>).map(([key, info]) => {
  const [method = '', path = ''] = key.split(' ')
  const handler = HANDLERS[key]
  if (!handler) throw new Error(`simulator: no handler for ${key}`)
  return { method, segments: path.split('/').filter(Boolean), info, handler }
})

function findRoute(method: string, rel: string): { route: Route; uri: Record<string, string> } | undefined {
  const segs = rel.split('/').filter(Boolean)
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== segs.length) continue
    const uri: Record<string, string> = {}
    const ok = route.segments.every((s, i) => {
      const v = segs[i] ?? ''
      if (s.startsWith('{')) {
        uri[s.slice(1, -1)] = decodeURIComponent(v)
        return true
      }
      return s === v
    })
    if (ok) return { route, uri }
  }
  return undefined
}

export interface Dispatcher {
  handle(local: string, req: HttpRequest): Promise<HandlerResult>
}

/** Request pipeline in pveproxy's order: auth, find handler, permissions, proxy, parameter check, handler. */
export function createDispatcher(sim: SimContext, faults: FaultBook): Dispatcher {
  const errorResponse = (e: PveError): HttpResponse => {
    const msg = e.message.endsWith('\n') ? e.message : `${e.message}\n`
    const reason = /^(.*)$/m.exec(msg)?.[1] ?? ''
    const body: Record<string, unknown> = { data: null }
    if (sim.opts.errorBodies === 'message') body.message = msg
    if (e.errors) body.errors = e.errors
    return { status: e.status, reason, contentType: JSON_TYPE, body: JSON.stringify(body) }
  }
  const bare = (status: number, reason: string): HttpResponse => ({ status, reason })

  async function run(local: string, req: HttpRequest, started: number): Promise<HandlerResult> {
    const m = /^\/api2\/([^/]*)(\/.*)?$/.exec(req.path)
    if (!m) return { status: 500, reason: `no such file '${req.path}'`, contentType: 'text/plain', body: `no such file '${req.path}'` }
    const rel = m[2] ?? ''
    if (m[1] === '' || rel === '') return bare(501, 'no such uri')
    if (m[1] !== 'json') return bare(501, `no formatter for uri ${rel}, ${m[1]}`)

    const noAuth = NO_AUTH.has(`${req.method} ${rel}`)
    const auth = noAuth ? undefined : authenticate(req.headers, sim.acl, Math.floor(sim.now() / 1000))
    if (auth && !auth.ok) {
      await sleep(Math.max(0, started + sim.opts.authDelayMs - Date.now()))
      return bare(401, auth.reason)
    }
    const found = findRoute(req.method, rel)
    if (!found || !auth?.ok) throw new PveError(501, `Method '${req.method} ${rel}' not implemented`)
    const { route, uri } = found

    const params = collectParams(req, uri)
    if (params.node === 'localhost') params.node = local
    const c: CallContext = { sim, local, tokenId: auth.tokenId, params }
    checkPermissions(c, route.info.permissions)

    let target = local
    if (route.info.proxyto === 'node' && typeof params.node === 'string' && params.node !== local) {
      const node = sim.state.nodes.get(params.node)
      if (!node) throw new PveError(500, `hostname lookup '${params.node}' failed - failed to get address info for: ${params.node}: Name or service not known`)
      if (!node.up && node.downMode === 'hang') {
        await sleep(sim.opts.proxyTimeoutMs)
        return bare(596, 'Connection timed out')
      }
      if (!node.up) return bare(595, 'Connection refused')
      target = params.node
    }
    const errors = verifyParams(route.info.parameters, params)
    if (Object.keys(errors).length > 0) throw new PveError(400, 'Parameter verification failed.', errors)

    const res = route.handler({ ...c, local: target })
    const body: Record<string, unknown> = { data: res.data ?? null }
    if (res.total !== undefined) body.total = res.total
    return { status: 200, reason: 'OK', contentType: JSON_TYPE, body: JSON.stringify(body) }
  }

  return {
    async handle(local, req) {
      const started = Date.now()
      const rec = faults.record({ method: req.method, path: req.path, query: req.query, endpoint: local, time: started })
      const node = sim.state.nodes.get(local)
      if (node && !node.up) return 'hang'
      if (faults.find('drop', req.method, req.path)) return 'drop'
      const slow = faults.find('slow', req.method, req.path)
      if (slow) await sleep(slow.ms)
      const fail = faults.find('serverError', req.method, req.path)
      let res: HandlerResult
      if (fail) {
        res = errorResponse(new PveError(fail.status, fail.message))
      } else {
        try {
          res = await run(local, req, started)
        } catch (e) {
          res = errorResponse(e instanceof PveError ? e : new PveError(500, e instanceof Error ? e.message : String(e)))
        }
      }
      if (typeof res === 'object') {
        rec.status = res.status
        if (res.status === 200 && faults.find('malformedJson', req.method, req.path)) res.body = '{"data":[{"id":"node/pve-a",'
        if (res.status === 200 && faults.find('truncatedJson', req.method, req.path)) res.truncate = true
      }
      return res
    }
  }
}

function collectParams(req: HttpRequest, uri: Record<string, string>): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {}
  const ct = req.headers.get('content-type') ?? ''
  if (req.body.length > 0) {
    if (/application\/json/i.test(ct)) {
      let parsed: unknown
      try {
        parsed = JSON.parse(req.body.toString('utf8'))
      } catch {
        throw new PveError(400, 'Bad Request')
      }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params[k] = v
      }
    } else {
      for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params[k] = v
    }
  }
  // query-string parameters override body parameters
  for (const [k, v] of new URLSearchParams(req.query)) params[k] = v
  delete params._dc
  for (const [k, v] of Object.entries(uri)) {
    if (params[k] !== undefined && String(params[k]) !== v) {
      throw new PveError(400, 'Parameter verification failed.', { [k]: 'duplicate parameter (already defined in URI) with conflicting values!' })
    }
    params[k] = v
  }
  return params
}

function checkPermissions(c: CallContext, perm: ApiMethodInfo['permissions']): void {
  const check = perm.check
  if (!check || check[0] !== 'perm') return
  const path = String(check[1]).replace(/\{(\w+)\}/g, (_, k: string) => String(c.params[k] ?? ''))
  const privs = (check[2] as string[]) ?? []
  const any = check[3] === 'any'
  if (any) {
    if (!c.sim.acl.has(c.tokenId, path, privs, true)) throw new PveError(403, `Permission check failed (${path}, ${privs.join('|')})`)
    return
  }
  for (const p of privs) if (!c.sim.acl.has(c.tokenId, path, [p])) throw new PveError(403, `Permission check failed (${path}, ${p})`)
}
