/**
 * Cluster monitor: polls each cluster (one /cluster/resources request per cycle), judges changes with
 * confirmation, flapping and mute rules, and publishes frozen snapshots plus events. Electron-free.
 */

export { monitorApiFromClient } from './client-adapter'
export { ClusterMonitor, type ClusterMonitorOptions, type CycleInfo } from './cluster-monitor'
export { systemClock } from './monitor-api'
export { MonitorCore } from './monitor-core'
export { MonitorHub } from './monitor-hub'
export type { MuteEntry } from './mutes'
