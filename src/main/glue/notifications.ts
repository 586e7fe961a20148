// Turns notification specs (from the core's notification policy, or a failed action) into native
// notifications. Clicking one opens the dashboard where the spec points.
import { Notification } from 'electron'

import type { MonitorEvent } from '../../shared/snapshot'
import type { NavigateTarget } from '../../shared/views'
import type { AppCore } from '../core'
import { decideNotifications, type DedupState, emptyDedupState } from '../core/notify'
import { plainText } from '../core/tray/label-text'
import { notifyPrefsFrom } from '../core/tray/notification-inputs'

/** The notification policy's output shape (src/main/core/notify), and the tray's task-failure notice. */
export interface NotificationSpec {
  readonly id: string
  readonly title: string
  readonly body: string
  readonly urgency: 'low' | 'normal' | 'critical'
  readonly silent: boolean
  readonly clickTarget: NavigateTarget | null
}

export interface Notifier {
  /** `userAction`: the result of something the user just did; still shown (silently) while paused. */
  show(spec: NotificationSpec, opts?: { readonly userAction?: boolean }): void
  dispose(): void
}

// Live Notification objects must stay referenced, or their click handlers are garbage-collected.
const MAX_LIVE = 50

export function createNotifier(deps: {
  readonly onClick: (target: NavigateTarget | null) => void
  readonly isPaused: () => boolean
  readonly iconPath: string | null
  readonly log: (line: string) => void
  /** Test hook (PVE_TRAY_E2E only): sees every notification that was shown. */
  readonly onShown?: (spec: NotificationSpec) => void
}): Notifier {
  const live = new Map<string, Notification>()

  return {
    show(spec, opts = {}): void {
      const paused = deps.isPaused()
      if (paused && !opts.userAction) {
        deps.log(`notification suppressed (paused): ${spec.id}`)
        return
      }
      deps.onShown?.(spec)
      if (!Notification.isSupported()) return
      live.get(spec.id)?.close()
      const n = new Notification({
        title: plainText(spec.title, 120),
        body: plainText(spec.body, 400),
        silent: spec.silent || paused,
        // Linux only (libnotify): "critical" stays on screen until dismissed — node down.
        urgency: spec.urgency,
        ...(deps.iconPath ? { icon: deps.iconPath } : {})
      })
      n.on('click', () => deps.onClick(spec.clickTarget))
      n.on('close', () => {
        if (live.get(spec.id) === n) live.delete(spec.id)
      })
      live.set(spec.id, n)
      if (live.size > MAX_LIVE) {
        const oldest = live.keys().next().value
        if (oldest !== undefined) live.delete(oldest)
      }
      n.show()
    },
    dispose(): void {
      for (const n of live.values()) n.close()
      live.clear()
    }
  }
}

/**
 * Monitor events → the notification policy → native notifications. Events of one monitor cycle
 * arrive back to back: they are batched (one microtask) so the policy can coalesce them.
 */
export function wireMonitorNotifications(core: AppCore, notifier: Notifier, now: () => number = Date.now): () => void {
  let dedup: DedupState = emptyDedupState
  let batch: MonitorEvent[] = []
  const flush = (): void => {
    const events = batch
    batch = []
    const result = decideNotifications(events, notifyPrefsFrom(core.settings(), core.getState()), dedup, now())
    dedup = result.state
    for (const spec of result.notifications) notifier.show(spec)
  }
  return core.onMonitorEvent((e) => {
    if (batch.length === 0) queueMicrotask(flush)
    batch.push(e)
  })
}
