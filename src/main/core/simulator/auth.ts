import type { AccessControl } from './acl'
import type { SimTokenId } from './types'

export type AuthResult = { ok: true; tokenId: SimTokenId } | { ok: false; reason: string }

/** pve-http-server Formatter.pm extract_auth_value + pve-manager HTTPServer.pm auth_handler for API tokens. */
export function authenticate(headers: ReadonlyMap<string, string>, acl: AccessControl, nowSec: number): AuthResult {
  const cookie = headers.get('cookie') ?? ''
  const auth = headers.get('authorization') ?? ''
  // a ticket (cookie or header) takes precedence; the simulator issues none, so any ticket is invalid
  if (/(?:^|;\s*)PVEAuthCookie=[^;]+/.test(cookie) || /(?:^|\s)PVEAuthCookie(?:=| )[^;]+/.test(auth)) {
    return { ok: false, reason: 'authentication failure' }
  }
  const m = /(?:^|\s)PVEAPIToken(?:=| )([^;]*)/.exec(auth)
  let value = m?.[1] ?? ''
  try {
    value = decodeURIComponent(value)
  } catch {
    // uri_unescape leaves malformed escapes alone
  }
  if (value === '') return { ok: false, reason: 'No ticket' }
  const v = acl.verify(value, nowSec)
  return v.ok ? { ok: true, tokenId: v.id } : { ok: false, reason: 'Authentication failed!' }
}
