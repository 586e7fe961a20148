/**
 * Notification policy: monitor events + preferences → notification specs (toggles, pause, mutes,
 * de-dup, coalescing, sanitised text). Pure; the Electron glue shows the specs.
 * To add a kind: add a builder in builders/<kind>.ts and register it in builders/index.ts.
 */

export { decideNotifications, type DedupState, defaultNotificationPrefs, emptyDedupState } from './policy'
export type { NotifyMute, NotifyPrefs } from './types'
