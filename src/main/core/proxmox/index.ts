/**
 * Proxmox VE REST client (API tokens, pinned TLS or cluster CA, keep-alive pools, endpoint failover).
 * Electron-free; used by the monitor and the IPC handlers.
 */

export { PveClient, redactConfig } from './client'
export * from './errors'
export * from './outcome-errors'
export * from './tls-errors'
export { fetchCertificate } from './tls-probe'
export type * from './types'
export { parseUpid } from './upid'
export { taskOutcome } from './wait-for-task'
