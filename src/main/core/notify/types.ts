// What the notification policy produces: plain specs the Electron glue turns into Notifications.
import type { MonitorEvent, MonitorEventKind, MuteMode } from '../../../shared/snapshot'
import type { NavigateTarget, NotificationPrefs } from '../../../shared/views'

export type NotificationUrgency = 'low' | 'normal' | 'critical'

export interface NotificationSpec {
  readonly id: string
  /** Plain text, sanitised (no control/bidi characters, no markup, capped). */
  readonly title: string
  readonly body: string
  readonly urgency: NotificationUrgency
  readonly silent: boolean
  /** Where a click opens the dashboard; null: its overview. */
  readonly clickTarget: NavigateTarget | null
}

export interface NotifyMute {
  readonly clusterId: string
  readonly node?: string
  readonly vmid?: number
  readonly mode: MuteMode
  /** Epoch ms for `hour`. */
  readonly until: number | null
}

export interface NotifyPrefs extends NotificationPrefs {
  readonly mutes?: readonly NotifyMute[]
  /** Clusters whose settings turn backup-failure notifications off. */
  readonly backupAlertsOff?: readonly string[]
}

/** Text of one notification before sanitising/capping (the policy does that once, for all kinds). */
export interface BuiltText {
  readonly title: string
  readonly body: string
  readonly clickTarget: NavigateTarget
}

/** One builder per event kind. `events` is one group: same cluster, same kind (several when coalesced). */
export interface KindBuilder {
  readonly kind: MonitorEventKind
  readonly urgency: NotificationUrgency
  /** Several events of this kind in one batch become one notification ("2 nodes down"). */
  readonly coalesce: boolean
  build(events: readonly [MonitorEvent, ...MonitorEvent[]]): BuiltText
}
