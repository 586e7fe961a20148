// The TLS refusals: a pinned certificate that changed, and a certificate nothing configured vouches for.
// Both are raised before anything is sent (see tls-trust.ts), and both say what to compare and where.
import { PveError, type PveRequestContext, where } from './errors'

export class TlsFingerprintMismatchError extends PveError {
  readonly kind = 'tls-mismatch'
  readonly expected: string
  readonly presented: string
  constructor(expected: string, presented: string, ctx: PveRequestContext) {
    super(
      `${where({ host: ctx.host, port: ctx.port })} presented a certificate with SHA-256 fingerprint ${presented}, but ${expected} was pinned. ` +
        "Nothing was sent. If the certificate was renewed on purpose, confirm the new fingerprint (shown in the node's web UI under System → Certificates) and update the pin; otherwise someone may be intercepting the connection.",
      ctx
    )
    this.expected = expected
    this.presented = presented
  }
}

export class TlsUntrustedError extends PveError {
  readonly kind = 'tls-untrusted'
  readonly reason: 'no-trust-configured' | 'ca-verification-failed' | 'name-mismatch'
  constructor(reason: 'no-trust-configured' | 'ca-verification-failed' | 'name-mismatch', detail: string, ctx: PveRequestContext & { cause?: unknown }) {
    const at = where({ host: ctx.host, port: ctx.port })
    const msg =
      reason === 'no-trust-configured'
        ? `${at}: no certificate fingerprint or cluster CA is configured, so the connection is refused. Fetch the certificate, confirm its SHA-256 fingerprint matches the one shown in the node's web UI (System → Certificates), then pin it.`
        : reason === 'name-mismatch'
          ? `${at}: the certificate is signed by the cluster CA but issued for other names or addresses than ${ctx.host}. Nothing was sent. Use the node's name or an address its certificate lists (Proxmox node certificates carry the node's name and IPs), or pin the node's fingerprint instead.`
          : `${at}: the certificate is not signed by the configured cluster CA (${detail}). Nothing was sent. Check that the CA is /etc/pve/pve-root-ca.pem of this cluster, or pin the node's fingerprint instead.`
    super(msg, ctx)
    this.reason = reason
  }
}
