import { randomUUID } from 'node:crypto'

import { expandPrivs } from './privileges'
import type { SimAcl, SimToken, SimTokenId, SimTokenSpec } from './types'

interface TokenRecord {
  readonly id: SimTokenId
  readonly user: string
  readonly secret: string
  readonly privsep: boolean
  readonly expire: number
  readonly acls: ReadonlyArray<{ path: string; privs: string[]; propagate: boolean }>
}

export type PrivMap = Record<string, 0 | 1>

const TOKEN_ID_RE = /^([^\s:/]+@[A-Za-z][A-Za-z0-9.\-_]+)!([A-Za-z][A-Za-z0-9.\-_]+)$/

/** Token store and permission evaluation (pve-access-control RPCEnvironment permissions, simplified to one user per token). */
export class AccessControl {
  private readonly tokens = new Map<string, TokenRecord>()

  constructor(
    private readonly poolOf: (vmid: number) => string | undefined,
    private readonly poolMembers: () => Map<string, number[]>
  ) {}

  add(spec: SimTokenSpec): SimToken {
    const m = TOKEN_ID_RE.exec(spec.id)
    if (!m) throw new Error(`invalid token id '${spec.id}'`)
    const secret = spec.secret ?? randomUUID()
    this.tokens.set(spec.id, {
      id: spec.id,
      user: m[1] ?? '',
      secret,
      privsep: spec.privsep ?? true,
      expire: spec.expire ?? 0,
      acls: spec.acls.map((a: SimAcl) => ({ path: normalizePath(a.path), privs: expandPrivs(a.privs), propagate: a.propagate ?? true }))
    })
    return { id: spec.id, secret }
  }

  private readonly revoked = new Map<string, TokenRecord>()

  revoke(id: string): void {
    const rec = this.tokens.get(id)
    if (rec !== undefined) this.revoked.set(id, rec)
    this.tokens.delete(id)
  }

  /** The token is valid again, with its old secret (as when an admin re-creates an ACL or lifts an expiry). */
  restore(id: string): void {
    const rec = this.revoked.get(id)
    if (rec === undefined) return
    this.revoked.delete(id)
    this.tokens.set(id, rec)
  }

  /** verify_token: every failure collapses to one message (detail only in the server log). */
  verify(value: string, nowSec: number): { ok: true; id: SimTokenId } | { ok: false } {
    const m = /^(.*)=(.*)$/s.exec(value)
    if (!m) return { ok: false }
    const rec = this.tokens.get(m[1] ?? '')
    if (!rec || !TOKEN_ID_RE.test(rec.id)) return { ok: false }
    if (rec.expire !== 0 && rec.expire < nowSec) return { ok: false }
    if (!timingSafeEqualStr(rec.secret, m[2] ?? '')) return { ok: false }
    return { ok: true, id: rec.id }
  }

  /** Effective privileges at a path: deeper ACLs override shallower ones; /vms/<id> also inherits its pool's ACLs. */
  permissions(tokenId: string, path: string): PrivMap {
    const rec = this.tokens.get(tokenId)
    if (!rec) return {}
    const p = normalizePath(path)
    const out: PrivMap = { ...this.walk(rec, p) }
    const vm = /^\/vms\/(\d+)$/.exec(p)
    const pool = vm ? this.poolOf(Number(vm[1])) : undefined
    if (pool) for (const [k, v] of Object.entries(this.walk(rec, `/pool/${pool}`))) out[k] = Math.max(out[k] ?? 0, v) as 0 | 1
    return out
  }

  has(tokenId: string, path: string, privs: readonly string[], any = false): boolean {
    const perms = this.permissions(tokenId, path)
    return any ? privs.some((p) => p in perms) : privs.every((p) => p in perms)
  }

  /** get_effective_permissions: default top-level paths, every ACL path, pool members; paths without privileges dropped. */
  effective(tokenId: string): Record<string, PrivMap> {
    const rec = this.tokens.get(tokenId)
    if (!rec) return {}
    const paths = new Set(['/', '/access', '/access/groups', '/nodes', '/pool', '/sdn', '/storage', '/vms'])
    for (const a of rec.acls) paths.add(a.path)
    for (const members of this.poolMembers().values()) for (const vmid of members) paths.add(`/vms/${vmid}`)
    const res: Record<string, PrivMap> = {}
    for (const p of paths) {
      const perms = this.permissions(tokenId, p)
      if (Object.keys(perms).length > 0) res[p] = perms
    }
    return res
  }

  private walk(rec: TokenRecord, path: string): PrivMap {
    // privsep=0 tokens have their user's ACLs; the simulator models both as the token's own list.
    const parts = path === '/' ? [''] : path.split('/')
    let current: PrivMap = {}
    for (let i = 0; i < parts.length; i++) {
      const prefix = i === 0 ? '/' : parts.slice(0, i + 1).join('/')
      const exact = prefix === path
      const here = rec.acls.filter((a) => a.path === prefix && (a.propagate || exact))
      if (here.length === 0) continue
      const next: PrivMap = {}
      for (const a of here) for (const priv of a.privs) next[priv] = Math.max(next[priv] ?? 0, a.propagate ? 1 : 0) as 0 | 1
      current = next
    }
    return current
  }
}

function normalizePath(p: string): string {
  const s = ('/' + p).replace(/\/+/g, '/')
  return s.length > 1 ? s.replace(/\/$/, '') : s
}

function timingSafeEqualStr(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let d = 0
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return d === 0
}
