// Bulk power actions (dashboard only, never the tray): what the renderer may ask for, and what main answers.
// Each guest of a bulk run is an ordinary power action with its own actionId, reported through
// `task:progress` like a single one (its TaskProgress carries the run's batchId).
import type { GuestKind, PowerAction } from './snapshot'

/** The actions offered in bulk. Suspend/resume stay per guest. */
export const BULK_ACTIONS = ['start', 'shutdown', 'reboot', 'stop'] as const satisfies readonly PowerAction[]
export type BulkAction = (typeof BULK_ACTIONS)[number]

/** At most this many guests in one run (a hostile renderer must not queue thousands of requests). */
export const BULK_MAX_GUESTS = 500

/** Never more than this many power tasks of one run in flight per node (request sent → task ended). */
export const BULK_PER_NODE = 2

export interface BulkGuestRef {
  readonly clusterId: string
  readonly node: string
  readonly kind: GuestKind
  readonly vmid: number
}

export interface BulkQueued extends BulkGuestRef {
  /** The actionId its task:progress events carry. */
  readonly actionId: string
}

export interface BulkSkipped extends BulkGuestRef {
  /** 'refused' | 'permission' | 'not-found' | …: the same codes the single action throws. */
  readonly code: string
  /** Why nothing is sent for it, in words (the single action's refusal text). */
  readonly reason: string
}

export interface BulkActionResult {
  readonly batchId: string
  readonly action: BulkAction
  /** In the order they will be sent (per node, at most BULK_PER_NODE at a time). */
  readonly queued: readonly BulkQueued[]
  readonly skipped: readonly BulkSkipped[]
  readonly perNode: number
}

export interface BulkCancelResult {
  /** The actionIds that had not been sent yet and never will be (no task:progress for them). */
  readonly cancelled: readonly string[]
}
