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

/** What the power rule needs to know of a guest. */
export interface PowerTarget {
  readonly vmid: number
  /** The resource pool the guest belongs to, if any. */
  readonly pool: string | null
}

/**
 * May this token start, stop… this guest: VM.PowerMgmt on /vms/<vmid> (or a parent) or on the guest's pool
 * (/pool/<pool>), as Proxmox itself checks. The ONE rule: the snapshot's buttons and the click that main
 * acts on both use it, so a button is never greyed out for an action main would carry out.
 */
export function canPowerGuest(perms: Permissions, g: PowerTarget): boolean {
  return hasPrivilege(perms, `/vms/${g.vmid}`, 'VM.PowerMgmt') || (g.pool !== null && hasPrivilege(perms, `/pool/${g.pool}`, 'VM.PowerMgmt'))
}

/** The privilege the rule asks for, in the words of a refusal. */
export function missingPowerPrivilege(g: PowerTarget): string {
  return `VM.PowerMgmt on /vms/${g.vmid}${g.pool === null ? '' : ` or /pool/${g.pool}`}`
}
