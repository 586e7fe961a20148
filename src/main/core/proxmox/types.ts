/**
 * Public types of the Proxmox VE REST client: cluster configuration and the typed, parsed results.
 *
 * Field names follow Proxmox's own (`maxmem`, `ssl_fingerprint`, `cgroup-mode`) so they match the API docs and
 * /work/shared/reference; only the VALUES are normalised: numbers arriving as strings become numbers, 0/1 become
 * booleans, comma/semicolon lists become arrays. Optional fields stay optional: Proxmox omits what it does not know
 * (offline node, guest without RRD data, missing Sys.Audit), and "absent" must not be confused with 0.
 */

/** One pveproxy listener (port 8006 by default) of a cluster node. */
export interface PveEndpoint {
  /** IP address or host name. Nodes are normally addressed by IP. */
  host: string
  /** Default 8006. */
  port: number
  /** Proxmox node name behind this endpoint: node-specific calls prefer the endpoint of that node. */
  node?: string
  /**
   * Pinned SHA-256 of the endpoint's leaf certificate, "AB:CD:..." (upper-case colon hex, the format of
   * X509Certificate.fingerprint256 / `pvenode cert info`). Lower case and missing colons are accepted.
   */
  fingerprint256?: string
}

export interface PveClusterConfig {
  id: string
  name: string
  /** Tried in order; the one that answered last is preferred next time. At least one. */
  endpoints: PveEndpoint[]
  /** `user@realm!tokenname` */
  tokenId: string
  /** Kept out of every log line, error message, String()/inspect()/JSON of the client. */
  tokenSecret: string
  /**
   * Cluster CA (/etc/pve/pve-root-ca.pem) to verify node certificates against; the certificate must also
   * name the endpoint's host or IP (Proxmox node certificates carry both).
   * When both a CA and an endpoint fingerprint are given, BOTH must match.
   */
  caPem?: string
  /** TCP + TLS handshake limit per attempt. Default 10000. */
  connectTimeoutMs?: number
  /**
   * Deadline for the whole answer (headers AND body) once the request is sent: a server that trickles its
   * body still ends here. Default 15000 (> the 3 s 401 delay).
   */
  responseTimeoutMs?: number
  /** A larger response body is cut off with ResponseTooLargeError (never buffered whole). Default 64 MiB. */
  maxResponseBytes?: number
  /** Idle keep-alive connections are closed after this; must stay below pveproxy's 5 s. Default 3000. */
  keepAliveTimeoutMs?: number
  /**
   * TCP connections per endpoint. Default 1: concurrent calls queue on one keep-alive connection (pveproxy answers
   * in milliseconds). Raise it when slow calls (e.g. proxied to a hanging node, up to the response timeout) must not
   * hold up others; undici then tends to open a second connection early even for sequential calls.
   */
  maxConnectionsPerEndpoint?: number
}

export interface PveClientDeps {
  /** One line per request/failover. Never receives the token secret. */
  logger?: (line: string) => void
}

export type PveQemuPowerAction = 'start' | 'stop' | 'shutdown' | 'reboot' | 'suspend' | 'resume'
export type PveLxcPowerAction = 'start' | 'stop' | 'shutdown' | 'reboot'
export type PveResourceType = 'vm' | 'storage' | 'node' | 'sdn'
export type PveRrdCf = 'AVERAGE' | 'MAX'

// The calls' options and results (api-types imports nothing from here, so the two cannot loop).
export type * from './api-types'
