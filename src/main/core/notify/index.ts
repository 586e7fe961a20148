/**
 * Notification policy: monitor events + preferences → notification specs (toggles, pause, mutes,
 * de-dup, coalescing, sanitised text). Pure; the Electron glue shows the specs.
 * To add a kind: add a builder in builders/<kind>.ts and register it in builders/index.ts.
 */
export { builders } from './builders'
export { decideNotifications, type DedupState, defaultNotificationPrefs, emptyDedupState, eventKey, type PolicyOptions, type PolicyResult } from './policy'
export { cleanText } from './sanitize'
export type { KindBuilder, NotificationSpec, NotificationUrgency, NotifyMute, NotifyPrefs } from './types'
