// Turns the specs the core's notification service decided on (core/notify) into native notifications:
// nothing is decided here. Clicking one opens the dashboard where the spec points.
import { Notification } from 'electron'

import type { NavigateTarget } from '../../shared/views'
import type { ShownNotification } from '../core/notify'

export interface Notifier {
  /** Shows a spec the core's notification service decided on (already sanitised, pause applied). */
  show(spec: ShownNotification): void
  dispose(): void
}

// Live Notification objects must stay referenced, or their click handlers are garbage-collected.
const MAX_LIVE = 50

export function createNotifier(deps: {
  readonly onClick: (target: NavigateTarget | null) => void
  readonly iconPath: string | null
  /** Test hook (PVE_TRAY_E2E only): sees every notification that was shown. */
  readonly onShown?: (spec: ShownNotification) => void
}): Notifier {
  const live = new Map<string, Notification>()

  return {
    show(spec): void {
      deps.onShown?.(spec)
      if (!Notification.isSupported()) return
      live.get(spec.id)?.close()
      const n = new Notification({
        title: spec.title,
        body: spec.body,
        silent: spec.silent,
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
