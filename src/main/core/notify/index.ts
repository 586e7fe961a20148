/**
 * Notifications, one path: the service (notification-service.ts) batches monitor events per cycle, runs the
 * policy (toggles, pause, mutes, de-dup, coalescing), takes the user's own action outcomes, sanitises every
 * spec once and hands it to the glue, which only shows it. To add a kind: add a builder in
 * builders/<kind>.ts and register it in builders/index.ts.
 */

export { createNotificationService, type NotificationService, type ShownNotification } from './notification-service'
export { decideNotifications, defaultNotificationPrefs, emptyDedupState } from './policy'
export type { NotificationSpec, NotifyMute, NotifyPrefs } from './types'
