/**
 * TLS trust for one endpoint, as an undici connector: the certificate is checked when the handshake completes and
 * BEFORE the connector hands the socket to undici, so no request byte (and no token) is written to an untrusted peer.
 *
 * Modes:
 *  - pinned fingerprint: chain verification is off and replaced by our SHA-256 comparison of the leaf certificate;
 *  - cluster CA: chain verification against that CA only, AND the certificate must name the host or IP the
 *    endpoint uses (Proxmox's node certificates carry the node's name and addresses): a certificate the CA
 *    issued for another node or service is refused;
 *  - both: both must hold. Neither: every connection is refused with advice to confirm the fingerprint.
 */
import { checkServerIdentity, type TLSSocket } from 'node:tls'

import { buildConnector } from 'undici'

import { NetworkError, PveError, TimeoutError } from './errors'
import { TlsFingerprintMismatchError, TlsUntrustedError } from './tls-errors'
import type { PveEndpoint } from './types'

/** Marks errors raised before a connection existed: safe to send the request elsewhere, whatever its method. */
export const CONNECT_PHASE = Symbol('pve.connectPhase')

export interface ConnectPhaseError extends PveError {
  [CONNECT_PHASE]: true
}

export function isConnectPhaseError(err: unknown): err is ConnectPhaseError {
  return err instanceof PveError && (err as Partial<ConnectPhaseError>)[CONNECT_PHASE] === true
}

function markConnectPhase(err: PveError): PveError {
  Object.defineProperty(err, CONNECT_PHASE, { value: true, enumerable: false })
  return err
}

/** "ab:cd…", "ABCD…" → "AB:CD:…"; throws on anything that is not 32 bytes of hex. */
export function normalizeFingerprint(fp: string): string {
  const hex = fp.replace(/[:\s]/g, '').toUpperCase()
  if (!/^[0-9A-F]{64}$/.test(hex)) throw new Error('A SHA-256 fingerprint is 64 hex digits, optionally separated by colons.')
  return hex.match(/../g)!.join(':')
}

const TLS_VERIFY_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** Turns whatever failed while connecting into a PveError marked as connect-phase. */
export function connectError(err: unknown, ep: PveEndpoint, connectTimeoutMs: number): PveError {
  if (err instanceof PveError) return markConnectPhase(err)
  const ctx = { host: ep.host, port: ep.port, cause: err }
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'ECONNFAILED'
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return markConnectPhase(new TimeoutError('connect', connectTimeoutMs, ctx))
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return markConnectPhase(new TlsUntrustedError('name-mismatch', code, ctx))
  if (TLS_VERIFY_CODES.has(code)) return markConnectPhase(new TlsUntrustedError('ca-verification-failed', code, ctx))
  return markConnectPhase(new NetworkError(code, false, ctx))
}

export interface TrustOptions {
  caPem?: string
  connectTimeoutMs: number
}

export type Connector = buildConnector.connector

export function createTrustedConnector(ep: PveEndpoint, opts: TrustOptions): Connector {
  const pin = ep.fingerprint256 === undefined ? undefined : normalizeFingerprint(ep.fingerprint256)
  const base = { timeout: opts.connectTimeoutMs, keepAlive: true }
  let inner: Connector | undefined
  if (opts.caPem !== undefined) {
    inner = buildConnector({
      ...base,
      ca: opts.caPem,
      rejectUnauthorized: true,
      // Node's own check (DNS names and IP addresses in subjectAltName), stated so it is never relaxed by accident.
      checkServerIdentity,
      ...(pin === undefined ? {} : { maxCachedSessions: 0 })
    })
  } else if (pin !== undefined) {
    // Resumed sessions are off so every connection presents (and we check) the certificate.
    inner = buildConnector({ ...base, maxCachedSessions: 0, rejectUnauthorized: false }) // pinned
  }

  return (options, callback) => {
    if (inner === undefined) {
      queueMicrotask(() => callback(markConnectPhase(new TlsUntrustedError('no-trust-configured', '', { host: ep.host, port: ep.port })), null))
      return
    }
    // Return the connecting socket so undici can cancel the attempt.
    return inner(options, (err, socket) => {
      if (err !== null) {
        callback(connectError(err, ep, opts.connectTimeoutMs), null)
        return
      }
      if (pin !== undefined) {
        const presented = (socket as TLSSocket).getPeerCertificate?.()?.fingerprint256
        if (presented !== pin) {
          socket.destroy()
          callback(markConnectPhase(new TlsFingerprintMismatchError(pin, presented ?? '(none)', { host: ep.host, port: ep.port })), null)
          return
        }
      }
      callback(null, socket)
    })
  }
}
