// The published snapshot from what one cycle read, its health judged by health.ts. After a failed poll nothing
// seen before may be shown as current: nodes and guests become 'unknown' with the reason (their last figures
// stay, to be shown greyed), quorum is unknown, and an "ok" headline becomes "unknown": a stuck, unreachable
// or impostor server never leaves green "online" on screen.
import type { ClusterSnapshot, GuestView, NodeView, SnapshotError, StorageView } from '../../../shared/snapshot'
import { computeHealth } from './health'
import type { CoreConfig } from './monitor-core-state'
import { staleReasonOf, unknownGuest, unknownNode } from './unknown-view'

const NO_MISMATCHES: readonly never[] = Object.freeze([])

export interface SnapshotParts {
  readonly cfg: Pick<CoreConfig, 'clusterId' | 'clusterName' | 'mode' | 'demo'>
  readonly now: number
  /** The monitor announced the cluster unreachable. */
  readonly unreachable: boolean
  readonly authFailed: boolean
  readonly confirmedDown: ReadonlySet<string>
  readonly quorate: boolean | null
  /** Frozen in place (no copy: this runs every poll, over every guest). */
  readonly nodes: NodeView[]
  readonly guests: GuestView[]
  readonly storage: StorageView[]
  readonly endpoint: string | null
  readonly fetchedAt: number | null
  readonly emptyView: boolean
  readonly stale: boolean
  /** Resources were ever read (else there is nothing to mark unknown). */
  readonly polled: boolean
  readonly lastError: SnapshotError | null
}

export function assembleSnapshot(o: SnapshotParts): ClusterSnapshot {
  const judged = computeHealth({
    now: o.now,
    polled: o.polled,
    unreachable: o.unreachable,
    authFailed: o.authFailed,
    emptyView: o.emptyView,
    lastError: o.lastError,
    quorate: o.quorate,
    nodes: o.nodes,
    confirmedDown: o.confirmedDown,
    guests: o.guests,
    storage: o.storage
  })
  const unknownNow = o.stale && o.polled
  const reason = unknownNow ? staleReasonOf(o.lastError) : null
  const { health, summary } =
    unknownNow && (judged.health === 'ok' || judged.health === 'degraded') ? { health: 'unknown' as const, summary: `no answer: ${reason}` } : judged
  return Object.freeze({
    clusterId: o.cfg.clusterId,
    clusterName: o.cfg.clusterName,
    mode: o.cfg.mode,
    demo: o.cfg.demo,
    health,
    summary,
    quorate: unknownNow ? null : o.quorate,
    nodes: Object.freeze(reason === null ? o.nodes : o.nodes.map((n) => unknownNode(n, reason, o.fetchedAt))),
    guests: Object.freeze(reason === null ? o.guests : o.guests.map((g) => unknownGuest(g, reason))),
    storage: Object.freeze(o.storage),
    endpoint: o.endpoint,
    fetchedAt: o.fetchedAt,
    stale: o.stale,
    lastError: o.lastError,
    emptyView: o.emptyView,
    // Filled in by the app's certificate watch (it checks endpoints, not the monitor).
    certificateMismatches: NO_MISMATCHES,
    // Filled in by the app's HA/Ceph watch (read at the slow cadence, not by the poll).
    ha: null,
    ceph: null
  })
}
