// The notification policy: a pure function from monitor events + the user's preferences (+ what
// was recently sent) to notification specs. Order: the user's own actions out (`byUser`) → per-kind
// toggle (and a cluster's backup-failure opt-out) → pause → mutes → de-dup (same event key within the window → one) → coalescing (same
// cluster and kind in one batch → one notification) → text sanitised and capped.
import type { MonitorEvent, MonitorEventKind } from '../../../shared/snapshot'
import type { NotificationPrefs } from '../../../shared/views'
import { builders } from './builders'
import { BODY_MAX, cleanText, TITLE_MAX } from './sanitize'
import type { NotificationSpec, NotifyMute, NotifyPrefs } from './types'

export interface DedupState {
  /** event key → epoch ms it was last notified */
  readonly sent: ReadonlyMap<string, number>
}

export const emptyDedupState: DedupState = { sent: new Map() }

export interface PolicyOptions {
  /** Same key within this window → notified once. Default 15 min. */
  readonly dedupWindowMs?: number
}

export interface PolicyResult {
  readonly notifications: readonly NotificationSpec[]
  readonly state: DedupState
}

/** Everything on except the chatty per-guest state changes (the timeline shows those). */
export function defaultNotificationPrefs(): NotificationPrefs {
  const enabled = Object.fromEntries(Object.keys(builders).map((k) => [k, k !== 'guest-state'])) as Record<MonitorEventKind, boolean>
  return { enabled, pausedUntil: null }
}

/** What makes two events "the same" for de-duplication. */
export function eventKey(e: MonitorEvent): string {
  // Ceph WARN → ERR and an HA resource going from error to fence are news, not repeats: the state is in the key.
  const detail =
    e.kind === 'task-failed' || e.kind === 'backup-failed'
      ? `|${e.message}|${e.detail ?? ''}`
      : e.kind === 'ceph-degraded' || e.kind === 'ha-problem'
        ? `|${e.detail ?? ''}`
        : ''
  return `${e.kind}|${e.clusterId}|${e.node ?? ''}|${e.guest?.vmid ?? ''}|${e.storage ?? ''}${detail}`
}

function muteLive(m: NotifyMute, now: number): boolean {
  return m.mode !== 'hour' || (m.until !== null && m.until > now)
}

function isMuted(e: MonitorEvent, mutes: readonly NotifyMute[], now: number): boolean {
  return mutes.some(
    (m) =>
      m.clusterId === e.clusterId &&
      muteLive(m, now) &&
      ((m.node !== undefined && m.node === e.node && e.guest === null) || (m.vmid !== undefined && m.vmid === e.guest?.vmid))
  )
}

export function decideNotifications(
  events: readonly MonitorEvent[],
  prefs: NotifyPrefs,
  state: DedupState,
  now: number,
  opts: PolicyOptions = {}
): PolicyResult {
  const windowMs = opts.dedupWindowMs ?? 15 * 60_000
  const sent = new Map<string, number>()
  for (const [k, at] of state.sent) if (now - at < windowMs) sent.set(k, at)
  if (prefs.pausedUntil !== null && prefs.pausedUntil > now) return { notifications: [], state: { sent } }

  const groups = new Map<string, MonitorEvent[]>()
  for (const e of events) {
    // The user's own action: its outcome was already notified from task:progress (one notice per UPID).
    if (e.byUser === true) continue
    if (!prefs.enabled[e.kind]) continue
    // Backup failures are opted out per cluster (its settings); the timeline still shows them.
    if (e.kind === 'backup-failed' && prefs.backupAlertsOff?.includes(e.clusterId) === true) continue
    if (isMuted(e, prefs.mutes ?? [], now)) continue
    const key = eventKey(e)
    if (sent.has(key)) continue
    sent.set(key, now)
    const b = builders[e.kind]
    const groupKey = b.coalesce ? `${e.clusterId}|${e.kind}` : `${e.clusterId}|${e.kind}|${e.id}`
    const list = groups.get(groupKey)
    if (list) list.push(e)
    else groups.set(groupKey, [e])
  }

  const notifications: NotificationSpec[] = []
  for (const list of groups.values()) {
    const [first, ...rest] = list
    if (!first) continue
    const b = builders[first.kind]
    const text = b.build([first, ...rest])
    notifications.push(
      Object.freeze({
        id: `${first.kind}:${first.clusterId}:${list.map((e) => e.id).join('+')}`.slice(0, 200),
        title: cleanText(text.title, TITLE_MAX),
        body: cleanText(text.body, BODY_MAX),
        urgency: b.urgency,
        silent: b.urgency === 'low',
        clickTarget: Object.freeze({ ...text.clickTarget })
      })
    )
  }
  return { notifications, state: { sent } }
}
