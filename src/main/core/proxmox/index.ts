/**
 * Proxmox VE REST client (API tokens, pinned TLS or cluster CA, keep-alive pools, endpoint failover).
 * Electron-free; used by the monitor and the IPC handlers.
 */
export { PveClient, redactConfig, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_RESPONSE_TIMEOUT_MS, DEFAULT_KEEPALIVE_TIMEOUT_MS } from './client'
export type { PvePublicConfig } from './client'
export { PveApi } from './api'
export type { PveGuestAddress, PveGuestInterface } from './guest-interfaces'
export * from './errors'
export * from './outcome-errors'
export type * from './types'
export { fetchCertificate } from './tls-probe'
export type { PveCertificateInfo, FetchCertificateOptions } from './tls-probe'
export { normalizeFingerprint } from './tls-trust'
export { parseUpid, tryParseUpid, UPID_RE } from './upid'
export { taskOutcome } from './wait-for-task'
export { NODE_NAME_RE } from './params'
