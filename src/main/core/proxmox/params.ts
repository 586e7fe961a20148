/** Validation of values that go into request paths, and encoding of query strings / form bodies. */
import { InvalidArgumentError } from './errors'
import type { PveGuestKind } from './types'

/** pve-node format (a host name label): letters, digits, inner hyphens. */
export const NODE_NAME_RE = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/

export function assertNodeName(node: string): string {
  if (typeof node !== 'string' || !NODE_NAME_RE.test(node)) {
    throw new InvalidArgumentError('node', `"${String(node).slice(0, 80)}" is not a valid Proxmox node name (letters, digits and inner hyphens).`)
  }
  return node
}

/** pve-vmid: integer 100 .. 999999999 */
export function assertVmid(vmid: number): number {
  if (!Number.isSafeInteger(vmid) || vmid < 100 || vmid > 999_999_999) {
    throw new InvalidArgumentError('vmid', `${String(vmid)} is not a valid VM/CT id (a whole number from 100 to 999999999).`)
  }
  return vmid
}

export function assertGuestKind(kind: string): PveGuestKind {
  if (kind !== 'qemu' && kind !== 'lxc') throw new InvalidArgumentError('kind', `"${kind}" is not a guest kind (qemu or lxc).`)
  return kind
}

/** Builds an API path from literal parts and untrusted segments: every segment is percent-encoded. */
export function apiPath(strings: TemplateStringsArray, ...segments: Array<string | number>): string {
  let out = strings[0] ?? ''
  segments.forEach((seg, i) => {
    out += encodeURIComponent(String(seg)) + (strings[i + 1] ?? '')
  })
  return out
}

export type PveParamValue = string | number | boolean | undefined | null
export type PveParams = Record<string, PveParamValue>

/** Proxmox accepts booleans only as 0/1; undefined/null parameters are left out. */
export function encodeParams(params: PveParams | undefined): string {
  if (params === undefined) return ''
  const sp = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue
    sp.append(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value))
  }
  return sp.toString()
}

/** The node a request path addresses (`/nodes/<node>/...`), if any. */
export function nodeFromPath(path: string): string | undefined {
  const m = /^\/nodes\/([^/?]+)/.exec(path)
  if (m?.[1] === undefined) return undefined
  try {
    return decodeURIComponent(m[1])
  } catch {
    return m[1]
  }
}
