// Where a node's health report draws its lines, shared by the warnings main writes and the page that marks
// the same figures.

/** Root file system use from which the report warns (Proxmox itself misbehaves when / fills up). */
export const ROOT_FULL_PERCENT = 90
