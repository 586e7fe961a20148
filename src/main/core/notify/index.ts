/**
 * Notification policy: monitor events + preferences → notification specs (toggles, pause, mutes,
 * de-dup, coalescing, sanitised text). Pure; the Electron glue shows the specs.
 * To add a kind: add a builder in builders/<kind>.ts and register it in builders/index.ts.
 */
export { decideNotifications, defaultNotificationPrefs, emptyDedupState, eventKey, type DedupState, type PolicyOptions, type PolicyResult } from './policy'
export { cleanText } from './sanitize'
export { builders } from './builders'
export type { KindBuilder, NotificationSpec, NotificationUrgency, NotifyMute, NotifyPrefs } from './types'
