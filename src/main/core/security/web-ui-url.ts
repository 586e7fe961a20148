// The only URLs the app ever opens in the user's browser: a configured cluster endpoint's own web UI,
// `https://<host>:<port>/`, optionally at one guest (the web UI's state hash) or that guest's noVNC
// console (the query the web UI itself opens). Built here from settings and the snapshot, and checked
// again by the guarded opener, so no renderer- or server-supplied URL can reach `shell.openExternal`.
import { NODE_NAME_RE } from '../proxmox/params'

export interface WebUiEndpoint {
  readonly host: string
  readonly port: number
}

/** Where in the web UI: its start page, a guest selected in the tree, or a guest's console window. */
export type WebUiTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'guest'; readonly guestKind: 'qemu' | 'lxc'; readonly vmid: number }
  | { readonly kind: 'console'; readonly guestKind: 'qemu' | 'lxc'; readonly vmid: number; readonly node: string }

const ROOT: WebUiTarget = { kind: 'root' }
const VMID_MIN = 100
const VMID_MAX = 999_999_999

/**
 * pve-manager's StateProvider hash (`v1:` then view, rid, ltab and seven empty tabs): view 0 = server view,
 * rid = the resource id URI-encoded after `=`, ltab 4 = tasks (its default). Opening it selects the guest.
 */
function guestHash(guestKind: 'qemu' | 'lxc', vmid: number): string {
  return `#v1:0:=${guestKind}%2F${vmid}:4:::::::`
}

/** The web UI's own console link (pve-manager Utils.openVNCViewer): `?console=kvm|lxc&novnc=1&vmid=..&node=..`. */
function consoleQuery(guestKind: 'qemu' | 'lxc', vmid: number, node: string): string {
  return `?${new URLSearchParams({ console: guestKind === 'qemu' ? 'kvm' : 'lxc', novnc: '1', vmid: String(vmid), node }).toString()}`
}

function validTarget(t: WebUiTarget): boolean {
  if (t.kind === 'root') return true
  if (!Number.isInteger(t.vmid) || t.vmid < VMID_MIN || t.vmid > VMID_MAX) return false
  return t.kind === 'guest' || NODE_NAME_RE.test(t.node)
}

/** `https://pve.example:8006/` (IPv6 literals bracketed), with the target's query or hash. */
export function webUiUrl(e: WebUiEndpoint, target: WebUiTarget = ROOT): string {
  if (!validTarget(target)) throw new Error('Not a guest the web UI can open.')
  const host = e.host.includes(':') && !e.host.startsWith('[') ? `[${e.host}]` : e.host
  const tail =
    target.kind === 'guest'
      ? guestHash(target.guestKind, target.vmid)
      : target.kind === 'console'
        ? consoleQuery(target.guestKind, target.vmid, target.node)
        : ''
  return new URL(`https://${host}:${e.port}/${tail}`).href
}

/** The target a URL's query and hash name, or null when they are anything else. */
function targetOf(u: URL): WebUiTarget | null {
  if (u.search === '' && u.hash === '') return ROOT
  if (u.search === '') {
    const m = /^#v1:0:=(qemu|lxc)%2F(\d{3,9}):4:::::::$/.exec(u.hash)
    return m === null ? null : { kind: 'guest', guestKind: m[1] === 'qemu' ? 'qemu' : 'lxc', vmid: Number(m[2]) }
  }
  if (u.hash !== '') return null
  const p = u.searchParams
  const kind = p.get('console')
  const vmid = Number(p.get('vmid'))
  const node = p.get('node')
  if ((kind !== 'kvm' && kind !== 'lxc') || node === null) return null
  return { kind: 'console', guestKind: kind === 'kvm' ? 'qemu' : 'lxc', vmid, node }
}

/**
 * True only for a URL `webUiUrl` builds for one of the configured endpoints: the target is read back
 * from the URL, the URL built again from it, and the two must be identical (no extra parameter, no
 * other path, no credentials).
 */
export function isAllowedWebUiUrl(url: string, endpoints: readonly WebUiEndpoint[]): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.pathname !== '/') return false
  const target = targetOf(u)
  if (target === null || !validTarget(target)) return false
  return endpoints.some((e) => {
    try {
      return webUiUrl(e, target) === u.href
    } catch {
      return false
    }
  })
}
