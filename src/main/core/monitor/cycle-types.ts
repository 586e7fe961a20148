// What goes into one monitor cycle (a poll's data) and what comes out (snapshot, events, what to do next).
import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import type { ClassifiedError } from './classify-error'
import type { MuteEntry } from './mutes'
import type { ParsedResources } from './parse-resources'

export interface PollData {
  /** The items as Proxmox sent them, or already read by the client with parseResourceItem (the app's path). */
  readonly resources: readonly unknown[] | ParsedResources
  /** Fetched this cycle, else null. */
  readonly status: readonly unknown[] | null
  readonly statusError: ClassifiedError | null
  readonly tasks: readonly unknown[] | null
  /** The resources were read with guests' moving figures (see FigureReads); default true. */
  readonly guestFigures?: boolean
  /** The task fetch was attempted and failed: judge without task information. */
  readonly tasksFailed?: boolean
  readonly endpoint: string | null
}

export interface CycleOutput {
  readonly snapshot: ClusterSnapshot
  readonly events: readonly MonitorEvent[]
  /** A change awaits a confirming re-probe. */
  readonly confirm: boolean
  /** The confirming poll should fetch cluster tasks too. */
  readonly wantTasks: boolean
  /** Node membership/state changed: refresh /cluster/status next cycle. */
  readonly wantStatus: boolean
  /** Extra delay before the next regular poll (auth failures back off); null = the normal interval. */
  readonly backoffMs: number | null
  /** `until-up` mutes that lapsed because the item is up again (settings should forget them). */
  readonly clearedMutes: readonly MuteEntry[]
}
