import type { AccessControl } from './acl'
import type { BackupBook } from './backup-book'
import type { ClusterState } from './cluster-state'
import type { ParamValue } from './param-check'
import type { TaskRegistry } from './tasks'
import type { SimTokenId } from './types'
import type { SimUpkeep } from './upkeep-state'

/** An error a handler dies with: status (default 500), message (reason phrase = first line), optional param errors. */
export class PveError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>
  ) {
    super(message)
  }
}

export const die = (message: string, status = 500): never => {
  throw new PveError(status, message)
}

export const paramError = (errors: Record<string, string>): never => {
  throw new PveError(400, 'Parameter verification failed.', errors)
}

export interface ResolvedOptions {
  authDelayMs: number
  idleTimeoutMs: number
  maxRequestsPerConnection: number
  offlineAfterMs: number
  rrdGraceMs: number
  taskDurationMs: number
  statsIntervalMs: number
  proxyTimeoutMs: number
  errorBodies: 'message' | 'legacy'
  seed: number
}

export interface SimContext {
  readonly state: ClusterState
  readonly tasks: TaskRegistry
  readonly acl: AccessControl
  readonly opts: ResolvedOptions
  readonly fingerprintOf: (node: string) => string
  readonly now: () => number
  readonly backups: BackupBook
  /** Updates, certificates, replication, subscription per node (upkeep.ts). */
  readonly upkeep: SimUpkeep
}

export interface CallContext {
  readonly sim: SimContext
  /** the node executing the handler (after proxying) */
  readonly local: string
  readonly tokenId: SimTokenId
  readonly params: Readonly<Record<string, ParamValue>>
}

export interface HandlerResult {
  data: unknown
  total?: number
}

export type ApiHandler = (c: CallContext) => HandlerResult

export function str(c: CallContext, k: string): string {
  const v = c.params[k]
  return v === undefined ? '' : String(v)
}
