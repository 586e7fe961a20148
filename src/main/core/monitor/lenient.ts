// Lenient readers for Proxmox JSON: numbers may arrive as numeric strings, booleans as 0/1 or
// "0"/"1", optional fields are omitted. Each reader treats its input as untrusted and never throws.

import { NODE_NAME_RE } from '../proxmox/params'

export type RawRecord = Readonly<Record<string, unknown>>

export function isRecord(v: unknown): v is RawRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v)
    return Number.isFinite(n) ? n : null
  }
  return null
}

export function bool(v: unknown): boolean {
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v !== 0
  if (typeof v === 'string') return v === '1' || v.toLowerCase() === 'true'
  return false
}

/** Like `bool` but keeps "absent" apart from false. */
export function optBool(v: unknown): boolean | null {
  return v === undefined || v === null ? null : bool(v)
}

/** A node name as Proxmox allows it (a host name label); anything else is not a node we can address. */
export function nodeName(v: unknown): string | null {
  return typeof v === 'string' && NODE_NAME_RE.test(v) ? v : null
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return null
}

/** A list as a raw string (split on `sep`) or already split by the client. */
export function strList(v: unknown, sep: RegExp): readonly string[] {
  if (Array.isArray(v)) return v.filter((t): t is string => typeof t === 'string' && t !== '')
  const s = str(v)
  if (!s) return []
  return s.split(sep).filter((t) => t !== '')
}

const NO_TAGS: readonly string[] = Object.freeze([])
// Tag strings repeat across guests and polls: split each distinct one once (bounded).
const tagCache = new Map<string, readonly string[]>()
const TAG_CACHE_MAX = 2000

/** Proxmox splits tag lists on `;`, `,` and whitespace. Returns a frozen, possibly shared array. */
export function tagList(v: unknown): readonly string[] {
  if (Array.isArray(v)) return Object.freeze(strList(v, /,/).slice())
  const s = str(v)
  if (!s) return NO_TAGS
  const hit = tagCache.get(s)
  if (hit) return hit
  const list = Object.freeze(s.split(/[;,\s]+/).filter((t) => t !== ''))
  if (tagCache.size >= TAG_CACHE_MAX) tagCache.clear()
  tagCache.set(s, list)
  return list
}
