// A stored secret is sealed together with what it was entered for, so it can never be sent anywhere else:
// the token secret with the token id, the endpoints (host, port, pinned fingerprint) and the CA; the SSH key
// passphrase with the key file, user, port and node addresses. The binding travels INSIDE the encrypted
// vault value, so nothing that can only edit the settings document (or call IPC) can move it.
//
// Why not a check in each handler: every path to a secret goes through `openBound` + a context
// comparison, so a new handler cannot forget it.

export interface TokenContext {
  readonly tokenId: string
  readonly caPem: string | null
  /** Sorted, fingerprints upper-case: the same endpoints in another order are the same context. */
  readonly endpoints: readonly TokenEndpoint[]
}
export interface TokenEndpoint {
  readonly host: string
  readonly port: number
  readonly fingerprint256: string | null
}

export interface SshContext {
  readonly keyPath: string | null
  readonly user: string
  readonly port: number
  readonly hostOverrides: Readonly<Record<string, string>>
}

export type SecretContext = { readonly kind: 'token'; readonly token: TokenContext } | { readonly kind: 'ssh'; readonly ssh: SshContext }

const PREFIX = 'pvetray-bound:v1:'

export function tokenContext(c: { tokenId: string; caPem: string | null; endpoints: readonly TokenEndpoint[] }): TokenContext {
  const endpoints = c.endpoints
    .map((e) => ({ host: e.host.toLowerCase(), port: e.port, fingerprint256: e.fingerprint256 === null ? null : e.fingerprint256.toUpperCase() }))
    .sort((a, b) =>
      a.host !== b.host ? (a.host < b.host ? -1 : 1) : a.port !== b.port ? a.port - b.port : (a.fingerprint256 ?? '') < (b.fingerprint256 ?? '') ? -1 : 1
    )
  return { tokenId: c.tokenId, caPem: c.caPem === null ? null : c.caPem.trim(), endpoints }
}

export function sshContext(s: { keyPath: string | null; user: string; port: number; hostOverrides: Readonly<Record<string, string>> } | null): SshContext {
  const src = s ?? { keyPath: null, user: 'root', port: 22, hostOverrides: {} }
  const hostOverrides = Object.fromEntries(Object.entries(src.hostOverrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return { keyPath: src.keyPath, user: src.user, port: src.port, hostOverrides }
}

/** The string the vault stores (and encrypts): the secret and its context. */
export function sealBound(secret: string, context: SecretContext): string {
  return PREFIX + JSON.stringify({ secret, context })
}

export type Opened = { readonly secret: string; readonly context: SecretContext } | { readonly secret: string; readonly context: null }

/** A value stored before secrets were bound has no context (`context: null`): the caller binds it once. */
export function openBound(stored: string): Opened | null {
  // A format of a newer version is not ours to read (nor to re-seal as a bare secret).
  if (stored.startsWith('pvetray-bound:') && !stored.startsWith(PREFIX)) return null
  if (!stored.startsWith(PREFIX)) return { secret: stored, context: null }
  try {
    const v = JSON.parse(stored.slice(PREFIX.length)) as { secret?: unknown; context?: unknown }
    if (typeof v.secret !== 'string' || typeof v.context !== 'object' || v.context === null) return null
    return { secret: v.secret, context: v.context as SecretContext }
  } catch {
    return null
  }
}

export function sameContext(a: SecretContext, b: SecretContext): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Onboarding's test of ONE endpoint: allowed with the stored secret only if it is one the secret was saved for. */
export function coversEndpoint(bound: SecretContext, test: { tokenId: string; caPem: string | null; endpoint: TokenEndpoint }): boolean {
  if (bound.kind !== 'token') return false
  const one = tokenContext({ tokenId: test.tokenId, caPem: test.caPem, endpoints: [test.endpoint] })
  const e = one.endpoints[0]
  return (
    bound.token.tokenId === one.tokenId &&
    bound.token.caPem === one.caPem &&
    e !== undefined &&
    bound.token.endpoints.some((b) => b.host === e.host && b.port === e.port && b.fingerprint256 === e.fingerprint256)
  )
}
