// Reads OpenSSH known_hosts so hosts the user already trusts need no question. Supports plain and
// comma-separated patterns, `[host]:port`, hashed `|1|salt|hash` entries and `*`/`?` wildcards. `@revoked`
// lines are honoured (such a key is refused, whatever else vouches for it); `@cert-authority` lines are
// skipped (no certificate trust is derived from them).
import { createHmac } from 'node:crypto'
import { readFile } from 'node:fs/promises'

import type { HostKeyPin } from './host-key'
import { fingerprintOf, keyTypeOf } from './host-key'

/** The name OpenSSH writes for a host: bare on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  // OpenSSH writes (and hashes) host names in lower case.
  const h = host.toLowerCase()
  return port === 22 ? h : `[${h}]:${port}`
}

function wildcardMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i'
  )
  return re.test(name)
}

function hashedMatch(field: string, name: string): boolean {
  const parts = field.split('|')
  // ['', '1', salt, hash]
  if (parts.length !== 4 || parts[1] !== '1' || !parts[2] || !parts[3]) return false
  const salt = Buffer.from(parts[2], 'base64')
  const digest = createHmac('sha1', salt).update(name).digest('base64')
  return digest === parts[3]
}

function hostFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|')) return hashedMatch(field, name)
  let matched = false
  for (const pattern of field.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcardMatch(pattern.slice(1), name)) return false
      continue
    }
    if (wildcardMatch(pattern, name)) matched = true
  }
  return matched
}

/** Pure: the keys `text` (a known_hosts file) trusts for host:port, and those it marks `@revoked`. */
export function knownHostEntries(text: string, host: string, port: number): { trusted: HostKeyPin[]; revoked: HostKeyPin[] } {
  const name = knownHostsName(host, port)
  const trusted: HostKeyPin[] = []
  const revoked: HostKeyPin[] = []
  for (const raw of text.split('\n')) {
    let line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    let marker: string | null = null
    if (line.startsWith('@')) {
      marker = line.split(/\s+/, 1)[0] ?? ''
      line = line.slice(marker.length).trim()
      if (marker !== '@revoked') continue
    }
    const [hosts, keyType, keyData] = line.split(/\s+/)
    if (!hosts || !keyType || !keyData || !hostFieldMatches(hosts, name)) continue
    const blob = Buffer.from(keyData, 'base64')
    // A corrupt line must not become a pin: the blob has to name the same type as the line.
    if (keyTypeOf(blob) !== keyType) continue
    ;(marker === '@revoked' ? revoked : trusted).push({ keyType, fingerprint: fingerprintOf(blob) })
  }
  // A key both trusted and revoked is revoked.
  return { trusted: trusted.filter((k) => !revoked.some((r) => r.fingerprint === k.fingerprint)), revoked }
}

export type KnownHostsLookup = (host: string, port: number) => Promise<{ trusted: HostKeyPin[]; revoked: HostKeyPin[] }>

/** Reads the file on each call (it may change while the app runs); a missing file means no entries. */
export function knownHostsLookup(path: string): KnownHostsLookup {
  return async (host, port) => {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch {
      return { trusted: [], revoked: [] }
    }
    return knownHostEntries(text, host, port)
  }
}
