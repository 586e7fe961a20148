// One path for every notification: monitor events (batched per monitor cycle, then the policy: toggles,
// pause, mutes, de-duplication, coalescing) and the outcomes of the user's own actions (shown even while
// paused, silently then), each sanitised once here. The glue only turns a spec into a native notification.
import type { MonitorEvent } from '../../../shared/snapshot'
import { decideNotifications, type DedupState, emptyDedupState } from './policy'
import { cleanText } from './sanitize'
import type { NotificationSpec, NotifyPrefs } from './types'

/** What the glue shows: plain, sanitised text, capped like every platform's notification. */
export type ShownNotification = NotificationSpec

export interface NotificationServiceDeps {
  readonly onMonitorEvent: (listener: (e: MonitorEvent) => void) => () => void
  /** Preferences, mutes and pause as they are now (read once per batch). */
  readonly prefs: () => NotifyPrefs
  readonly now: () => number
  readonly display: (spec: ShownNotification) => void
  readonly log: (line: string) => void
}

export interface NotificationService {
  /** The outcome of something the user just did (a failed or unknown action): shown even while paused, silently then. */
  userAction(spec: NotificationSpec): void
  dispose(): void
}

const TITLE_CHARS = 120
const BODY_CHARS = 400

function sanitised(spec: NotificationSpec, silent: boolean): ShownNotification {
  return { ...spec, title: cleanText(spec.title, TITLE_CHARS), body: cleanText(spec.body, BODY_CHARS), silent }
}

export function createNotificationService(deps: NotificationServiceDeps): NotificationService {
  let dedup: DedupState = emptyDedupState
  let batch: MonitorEvent[] = []
  let disposed = false

  // Events of one monitor cycle arrive back to back: one microtask later the policy sees them together
  // and can coalesce them ("3 nodes down").
  const flush = (): void => {
    const events = batch
    batch = []
    if (disposed) return
    try {
      const result = decideNotifications(events, deps.prefs(), dedup, deps.now())
      dedup = result.state
      for (const spec of result.notifications) show(sanitised(spec, spec.silent))
    } catch (e) {
      // A queued microtask: an error here would be uncaught in the main process.
      deps.log(`notifications: could not decide (${e instanceof Error ? e.name : 'error'})`)
    }
  }
  /** One failing notification (the platform's) must not lose the others of its batch. */
  function show(spec: ShownNotification): void {
    try {
      deps.display(spec)
    } catch (e) {
      deps.log(`notifications: could not show ${spec.id} (${e instanceof Error ? e.name : 'error'})`)
    }
  }
  const off = deps.onMonitorEvent((e) => {
    if (batch.length === 0) queueMicrotask(flush)
    batch.push(e)
  })

  return {
    userAction(spec): void {
      if (disposed) return
      const until = deps.prefs().pausedUntil
      const paused = until !== null && until > deps.now()
      if (paused) deps.log(`notification shown silently (paused): ${spec.id}`)
      show(sanitised(spec, spec.silent || paused))
    },
    dispose(): void {
      disposed = true
      off()
    }
  }
}
