/** The header that carries the bridge's per-run token on every API request (the shim sends it, the handler checks it). */
export const TOKEN_HEADER = 'x-pve-tray-token'
