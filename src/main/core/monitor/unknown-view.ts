// After a failed poll nothing seen before may be shown as current: nodes and guests become 'unknown' with
// the reason in words (their last figures stay, for the screen to grey), and no action is offered.
import type { GuestView, NodeView, SnapshotError } from '../../../shared/snapshot'

/** What the last poll's failure means for what is on screen, in words. */
export function staleReasonOf(e: SnapshotError | null): string {
  switch (e?.kind) {
    case 'auth':
      return 'the API token was rejected'
    case 'tls':
      return 'the certificate does not match the trusted one'
    case 'timeout':
      return 'the cluster did not answer in time'
    case 'malformed':
    case 'http':
      return 'the cluster answered with an error'
    default:
      return 'the cluster is not answering'
  }
}

export function unknownNode(n: NodeView, reason: string, lastSeen: number | null): NodeView {
  return Object.freeze({ ...n, status: 'unknown' as const, staleReason: reason, lastSeen })
}

export function unknownGuest(g: GuestView, reason: string): GuestView {
  if (g.staleReason !== null && g.state === 'unknown') return g
  return Object.freeze({
    ...g,
    state: 'unknown' as const,
    stale: true,
    staleReason: reason,
    actions: Object.freeze([]),
    actionsDisabledReason: `Its state is unknown: ${reason}.`,
    busy: false
  })
}
