/**
 * Proxmox VE REST client (API tokens, pinned TLS or cluster CA, keep-alive pools, endpoint failover).
 * Electron-free; used by the monitor and the IPC handlers.
 */
export { PveApi } from './api'
export type { PvePublicConfig } from './client'
export { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_KEEPALIVE_TIMEOUT_MS,DEFAULT_RESPONSE_TIMEOUT_MS, PveClient, redactConfig } from './client'
export * from './errors'
export type { PveGuestAddress, PveGuestInterface } from './guest-interfaces'
export * from './outcome-errors'
export { NODE_NAME_RE } from './params'
export type { FetchCertificateOptions,PveCertificateInfo } from './tls-probe'
export { fetchCertificate } from './tls-probe'
export { normalizeFingerprint } from './tls-trust'
export type * from './types'
export { parseUpid, tryParseUpid, UPID_RE } from './upid'
export { taskOutcome } from './wait-for-task'
