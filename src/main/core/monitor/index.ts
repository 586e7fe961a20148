/**
 * Cluster monitor: polls each cluster (one /cluster/resources request per cycle), judges changes with
 * confirmation, flapping and mute rules, and publishes frozen snapshots plus events. Electron-free.
 */
export type { MonitorApi, MonitorClock } from './monitor-api'
export { systemClock } from './monitor-api'
export { ClusterMonitor, type ClusterMonitorOptions, type CycleInfo, type CycleKind, type MonitorListener } from './cluster-monitor'
export { MonitorHub, type HubListener } from './monitor-hub'
export { MonitorCore, type CycleOutput, type MonitorSettings, type PollData } from './monitor-core'
export { guestActions, type GuestActionContext, type GuestActionSubject, type GuestActionsResult } from './guest-actions'
export { normaliseGuestState, isGuestErrorStatus } from './guest-state'
export { isEmptyView } from './empty-view'
export { classifyError, type ClassifiedError, type MonitorErrorKind } from './classify-error'
export type { MuteEntry, MuteTarget } from './mutes'
export { formatDuration } from './monitor-events'
export { monitorApiFromClient, type MonitorClientLike } from './client-adapter'
