// What a token may do, from GET /access/permissions (path → privilege → propagate). A privilege on a
// path counts when granted there, or on a parent path with propagation (Proxmox's ACL inheritance).

export type Permissions = Readonly<Record<string, Readonly<Record<string, boolean>>>>

function parents(path: string): string[] {
  const parts = path.split('/').filter(Boolean)
  const out: string[] = []
  for (let i = parts.length - 1; i >= 0; i--) out.push(`/${parts.slice(0, i).join('/')}`)
  return out
}

export function hasPrivilege(perms: Permissions, path: string, privilege: string): boolean {
  const own = Object.prototype.hasOwnProperty.call(perms, path) ? perms[path] : undefined
  if (own !== undefined && Object.prototype.hasOwnProperty.call(own, privilege)) return true
  return parents(path).some((p) => {
    const at = Object.prototype.hasOwnProperty.call(perms, p) ? perms[p] : undefined
    return at !== undefined && at[privilege] === true
  })
}
