/**
 * PveClient: one cluster's REST client. Owns one keep-alive undici Pool per endpoint (close() destroys them).
 * The token secret lives only in a closure that builds the Authorization header: it is not a property of the
 * client, and String(), util.inspect() and JSON.stringify() of the client show the token id only.
 */
import { inspect } from 'node:util'

import type { Dispatcher } from 'undici'

import { PveApi } from './api'
import { InvalidArgumentError } from './errors'
import { Requester } from './requester'
import { normalizeFingerprint } from './tls-trust'
import { Transport } from './transport'
import type { PveClientDeps, PveClusterConfig, PveEndpoint } from './types'

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000
export const DEFAULT_RESPONSE_TIMEOUT_MS = 15_000
/** Below pveproxy's 5 s idle close, with margin for undici's coarse timers and network latency. */
export const DEFAULT_KEEPALIVE_TIMEOUT_MS = 3_000

const TOKEN_ID_RE = /^[^\s@!:=;]+@[^\s@!:=;]+![A-Za-z][A-Za-z0-9._-]*$/
/** Printable ASCII without ';' (pveproxy ends the token value at the first ';'). */
const SECRET_RE = /^[\x21-\x3a\x3c-\x7e]+$/

/** What the client exposes of its config: everything but the secret. */
export type PvePublicConfig = Readonly<Omit<PveClusterConfig, 'tokenSecret' | 'endpoints'>> & { readonly endpoints: readonly PveEndpoint[] }

function checkEndpoints(endpoints: readonly PveEndpoint[]): PveEndpoint[] {
  // Checked for callers that bypass the types; the check's narrowing (to any[]) stays off the typed list.
  const list = endpoints
  if (!Array.isArray(endpoints) || endpoints.length === 0)
    throw new InvalidArgumentError('endpoints', 'Add at least one Proxmox node address (host and port 8006).')
  return list.map((ep, i) => {
    if (typeof ep.host !== 'string' || ep.host.trim() === '' || /[\s/@]/.test(ep.host)) {
      throw new InvalidArgumentError(`endpoints[${i}].host`, `"${String(ep.host)}" is not a host name or IP address.`)
    }
    const port = ep.port ?? 8006
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError(`endpoints[${i}].port`, `${String(port)} is not a TCP port.`)
    let fingerprint256: string | undefined
    if (ep.fingerprint256 !== undefined && ep.fingerprint256 !== '') {
      try {
        fingerprint256 = normalizeFingerprint(ep.fingerprint256)
      } catch (err) {
        throw new InvalidArgumentError(`endpoints[${i}].fingerprint256`, (err as Error).message)
      }
    }
    return Object.freeze({ host: ep.host.trim(), port, node: ep.node, fingerprint256 })
  })
}

export class PveClient extends PveApi {
  readonly config: PvePublicConfig
  readonly #transport: Transport

  constructor(config: PveClusterConfig, deps: PveClientDeps = {}) {
    const endpoints = checkEndpoints(config.endpoints)
    if (typeof config.tokenId !== 'string' || !TOKEN_ID_RE.test(config.tokenId)) {
      throw new InvalidArgumentError('tokenId', 'The API token ID must look like user@realm!tokenname (e.g. monitor@pve!tray).')
    }
    if (typeof config.tokenSecret !== 'string' || !SECRET_RE.test(config.tokenSecret)) {
      throw new InvalidArgumentError('tokenSecret', 'The API token secret is empty or contains spaces or invalid characters: paste it again.')
    }
    const secret = config.tokenSecret
    const header = `PVEAPIToken=${config.tokenId}=${secret}`
    const responseTimeoutMs = config.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS
    const transport = new Transport({
      caPem: config.caPem,
      connectTimeoutMs: config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      responseTimeoutMs,
      keepAliveTimeoutMs: config.keepAliveTimeoutMs ?? DEFAULT_KEEPALIVE_TIMEOUT_MS,
      maxConnectionsPerEndpoint: Math.max(1, Math.floor(config.maxConnectionsPerEndpoint ?? 1)),
      authorization: () => header,
      redact: (text) => text.split(secret).join('[redacted]'),
      ...(config.maxResponseBytes === undefined ? {} : { maxResponseBytes: config.maxResponseBytes })
    })
    super(new Requester(endpoints, transport, { responseTimeoutMs, logger: deps.logger }))
    this.#transport = transport
    this.config = Object.freeze({
      id: config.id,
      name: config.name,
      endpoints: Object.freeze(endpoints),
      tokenId: config.tokenId,
      caPem: config.caPem,
      connectTimeoutMs: config.connectTimeoutMs,
      responseTimeoutMs: config.responseTimeoutMs,
      maxResponseBytes: config.maxResponseBytes,
      keepAliveTimeoutMs: config.keepAliveTimeoutMs,
      maxConnectionsPerEndpoint: config.maxConnectionsPerEndpoint
    })
  }

  /** Open TCP connections per endpoint (each endpoint has one pool; idle ones close after keepAliveTimeoutMs). */
  /** An endpoint's keep-alive pool (no credentials in it): lets the bench compare raw undici on the client's own connection. */
  dispatcherFor(ep: PveEndpoint): Dispatcher {
    return this.#transport.dispatcherFor(ep)
  }

  connectionStats(): Array<{ host: string; port: number; connected: number }> {
    return this.#transport.stats()
  }

  /** Destroys the connection pools; calls in flight reject, later calls fail with ClientClosedError. */
  close(): Promise<void> {
    return this.#transport.close()
  }

  override toString(): string {
    return `PveClient(${this.config.name}, ${this.config.tokenId}, ${this.config.endpoints.map((e) => `${e.host}:${e.port}`).join(' ')})`
  }

  toJSON(): { id: string; name: string; tokenId: string; endpoints: readonly PveEndpoint[] } {
    return { id: this.config.id, name: this.config.name, tokenId: this.config.tokenId, endpoints: this.config.endpoints }
  }

  [inspect.custom](): string {
    return this.toString()
  }
}

/** A copy of a config safe to log or show (the secret replaced). */
export function redactConfig(config: PveClusterConfig): Omit<PveClusterConfig, 'tokenSecret'> & { tokenSecret: '[redacted]' } {
  return { ...config, tokenSecret: '[redacted]' }
}
