// The simulator's fault injection (faults.ts): what tests can break, and how requests are matched and recorded.
import type { PVE_SERVICES } from '../ssh/node-health'

/** Services whose state the simulated nodes report over SSH (systemctl is-active). */
/** The services the app's health check asks about (one list: ssh/node-health.ts). */
export type SimService = (typeof PVE_SERVICES)[number]

/** Matches a request: RegExp is tested against `"<METHOD> <pathname>"` (e.g. "GET /api2/json/cluster/resources"). */
export type SimRequestMatch = RegExp | ((req: { method: string; path: string }) => boolean) | { method?: string; path?: string | RegExp }

export interface SimRequestRecord {
  readonly method: string
  /** pathname as sent, e.g. /api2/json/cluster/resources */
  readonly path: string
  readonly query: string
  /** node whose listener received it */
  readonly endpoint: string
  readonly time: number
  status?: number
}

export interface SimFaultHandle {
  remove(): void
}

export interface SimFaults {
  /** 'refuse': listener closed (ECONNREFUSED); 'hang': accepts and never answers. Open sockets are cut either way. */
  nodeDown(node: string, mode?: 'refuse' | 'hang'): Promise<void>
  nodeUp(node: string): Promise<void>
  slow(ms: number, match?: SimRequestMatch): SimFaultHandle
  /** answer 5xx (status 500..599) with the usual error envelope */
  serverError(status: number, match?: SimRequestMatch, message?: string): SimFaultHandle
  malformedJson(match?: SimRequestMatch): SimFaultHandle
  /** sends a Content-Length for the full body, writes half of it and closes */
  truncatedJson(match?: SimRequestMatch): SimFaultHandle
  /** new key and certificate (new fingerprint) on the same port; all nodes when node is omitted */
  rotateCertificate(node?: string): Promise<void>
  revokeToken(id: string): void
  /** undoes revokeToken: the same id and secret work again */
  restoreToken(id: string): void
  /** reads the request fully, then destroys the socket without answering */
  dropAfterRequest(match: SimRequestMatch): SimFaultHandle
  loseQuorum(): void
  regainQuorum(): void
  /** A reinstalled node: a new SSH host key on the same port (needs the ssh option). */
  rotateSshHostKey(node: string): void
  /** Stops a service on a node; stopping pveproxy also closes the node's API listener (ECONNREFUSED). */
  stopService(node: string, service: SimService): Promise<void>
  startService(node: string, service: SimService): Promise<void>
  /** removes all faults (not node-down states: use nodeUp) */
  clear(): void
}
