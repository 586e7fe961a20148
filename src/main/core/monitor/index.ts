/**
 * Cluster monitor: polls each cluster (one /cluster/resources request per cycle), judges changes with
 * confirmation, flapping and mute rules, and publishes frozen snapshots plus events. Electron-free.
 */
export { type ClassifiedError, classifyError, type MonitorErrorKind } from './classify-error'
export { monitorApiFromClient, type MonitorClientLike } from './client-adapter'
export { ClusterMonitor, type ClusterMonitorOptions, type CycleInfo, type CycleKind, type MonitorListener } from './cluster-monitor'
export { isEmptyView } from './empty-view'
export { type GuestActionContext, guestActions, type GuestActionsResult,type GuestActionSubject } from './guest-actions'
export { isGuestErrorStatus,normaliseGuestState } from './guest-state'
export type { MonitorApi, MonitorClock } from './monitor-api'
export { systemClock } from './monitor-api'
export { type CycleOutput, MonitorCore, type MonitorSettings, type PollData } from './monitor-core'
export { formatDuration } from './monitor-events'
export { type HubListener,MonitorHub } from './monitor-hub'
export type { MuteEntry, MuteTarget } from './mutes'
