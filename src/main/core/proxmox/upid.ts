import { InvalidArgumentError } from './errors'
import type { PveUpid } from './types'

/** pve-common PVE/UPID.pm decode: node, pid (8 hex), pstart (8-9 hex), starttime (8 hex), type, id (may be empty), user. */
export const UPID_RE = /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/

/** Parses a UPID; null when it is not one. */
export function tryParseUpid(value: string): PveUpid | null {
  const m = UPID_RE.exec(value)
  if (m === null) return null
  const [, node, , pid, pstart, starttime, type, id, user] = m
  if (
    node === undefined ||
    pid === undefined ||
    pstart === undefined ||
    starttime === undefined ||
    type === undefined ||
    id === undefined ||
    user === undefined
  )
    return null
  return {
    upid: value,
    node,
    pid: Number.parseInt(pid, 16),
    pstart: Number.parseInt(pstart, 16),
    starttime: Number.parseInt(starttime, 16),
    type,
    id,
    user
  }
}

/** Parses a UPID or throws InvalidArgumentError (never sends a malformed UPID to a server). */
export function parseUpid(value: string): PveUpid {
  const parsed = tryParseUpid(value)
  if (parsed === null)
    throw new InvalidArgumentError('upid', `"${value.slice(0, 120)}" is not a Proxmox task id (UPID:node:pid:pstart:starttime:type:id:user:).`)
  return parsed
}
