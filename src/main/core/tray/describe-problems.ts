// What is wrong, in words a person reads at a glance ("pve-b down for 4 min"). Computed from the
// snapshot and the current time, so durations stay true between polls.
import { haCephProblems } from '../../../shared/ha-ceph'
import type { ClusterSnapshot, GuestView } from '../../../shared/snapshot'
import { plainText } from './label-text'

const MINUTE = 60_000

/** "less than a minute", "4 min", "2 h 5 min", "3 days". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return 'less than a minute'
  const minutes = Math.floor(ms / MINUTE)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
  const days = Math.floor(hours / 24)
  return days === 1 ? '1 day' : `${days} days`
}

const NAME_MAX = 32

/** Problems of one cluster, most severe first. `prefix` names the cluster when several are watched. */
export function describeClusterProblems(c: ClusterSnapshot, now: number, prefix: boolean): string[] {
  const name = plainText(c.clusterName, NAME_MAX)
  const p = (text: string): string => (prefix ? `${name}: ${text}` : text)
  const out: string[] = []

  if (c.health === 'auth') {
    out.push(p(c.lastError ? plainText(c.lastError.message, 100) : 'the API token was refused'))
  } else if (c.health === 'unreachable') {
    const since = c.fetchedAt === null ? '' : ` for ${formatDuration(now - c.fetchedAt)}`
    out.push(`${name} unreachable${since}`)
  } else if (c.lastError && c.lastError.kind === 'permission') {
    out.push(p(plainText(c.lastError.message, 100)))
  }
  if (c.emptyView) out.push(p('the token sees no nodes or guests (it needs an ACL)'))

  // One line for the whole cluster when nothing is known now, not one "not reporting" per node.
  const unknownNow = c.nodes.find((n) => n.staleReason !== null)
  if (unknownNow !== undefined && c.health !== 'unreachable' && c.health !== 'auth') {
    const ago = unknownNow.lastSeen === null ? '' : `, last seen ${formatDuration(now - unknownNow.lastSeen)} ago`
    out.push(p(`state unknown: ${unknownNow.staleReason ?? 'no answer'}${ago}`))
  }
  for (const n of c.nodes) {
    const node = plainText(n.name, NAME_MAX)
    if (n.staleReason !== null) continue
    if (n.status === 'offline') {
      out.push(p(n.downSince === null ? `${node} down` : `${node} down for ${formatDuration(now - n.downSince)}`))
    } else if (n.status === 'unknown') {
      out.push(p(`${node} not reporting`))
    }
    if (n.flapping) out.push(p(`${node} keeps going down and up`))
  }
  if (c.quorate === false) out.push(p('cluster has lost quorum'))

  // Indexed (every guest, every poll): unoptimised for-of makes an iterator result per guest.
  for (let i = 0; i < c.guests.length; i++) {
    const g = c.guests[i] as GuestView
    if (g.state === 'other' && !g.template) {
      out.push(p(`${plainText(g.name, NAME_MAX)} (${g.vmid}) ${plainText(g.status, 24)}`))
    }
  }
  for (const s of c.storage) {
    if (s.aboveThreshold && s.usage !== null) {
      out.push(p(`storage ${plainText(s.storage, NAME_MAX)} on ${plainText(s.node, NAME_MAX)} ${Math.round(s.usage * 100)}% full`))
    }
  }
  for (const text of haCephProblems(c.ha, c.ceph)) out.push(p(plainText(text, 100)))
  if (c.stale && unknownNow === undefined && c.health !== 'unreachable' && c.fetchedAt !== null) {
    out.push(p(`figures from ${formatDuration(now - c.fetchedAt)} ago (last poll failed)`))
  }
  return out
}

export interface Counts {
  readonly nodesUp: number
  readonly nodes: number
  readonly guestsRunning: number
}

export function countUp(clusters: readonly ClusterSnapshot[]): Counts {
  let nodesUp = 0
  let nodes = 0
  let guestsRunning = 0
  for (const c of clusters) {
    nodes += c.nodes.length
    for (const n of c.nodes) if (n.status === 'online') nodesUp++
    for (let i = 0; i < c.guests.length; i++) {
      const g = c.guests[i] as GuestView
      if (g.state === 'running' && !g.template) guestsRunning++
    }
  }
  return { nodesUp, nodes, guestsRunning }
}

/** "3/4 nodes up · 27 guests running". */
export function countsLine(counts: Counts): string {
  const guests = counts.guestsRunning === 1 ? '1 guest running' : `${counts.guestsRunning} guests running`
  return `${counts.nodesUp}/${counts.nodes} nodes up · ${guests}`
}
