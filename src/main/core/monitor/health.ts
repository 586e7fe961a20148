// Overall health and the one-line summary, from what the snapshot shows.
import type { ClusterHealth, GuestView, NodeView, SnapshotError, StorageView } from '../../../shared/snapshot'
import { isGuestErrorStatus } from './guest-state'
import { formatDuration } from './monitor-events'

export interface HealthInput {
  readonly now: number
  readonly polled: boolean
  readonly unreachable: boolean
  readonly authFailed: boolean
  readonly emptyView: boolean
  readonly lastError: SnapshotError | null
  readonly quorate: boolean | null
  readonly nodes: readonly NodeView[]
  /** Names of nodes confirmed down (a one-poll blip does not count). */
  readonly confirmedDown: ReadonlySet<string>
  readonly guests: readonly GuestView[]
  readonly storage: readonly StorageView[]
}

export interface HealthResult {
  readonly health: ClusterHealth
  readonly summary: string
}

function problems(h: HealthInput): string[] {
  const out: string[] = []
  for (const n of h.nodes) {
    if (!h.confirmedDown.has(n.name)) continue
    out.push(n.downSince !== null ? `${n.name} down for ${formatDuration(h.now - n.downSince)}` : `${n.name} down`)
  }
  for (const n of h.nodes) if (n.flapping && !h.confirmedDown.has(n.name)) out.push(`${n.name} flapping`)
  if (h.quorate === false) out.push('quorum lost')
  // Indexed (every guest, every poll): unoptimised for-of makes an iterator result per guest.
  for (let i = 0; i < h.guests.length; i++) {
    const g = h.guests[i] as HealthInput['guests'][number]
    if (!g.stale && isGuestErrorStatus(g.status)) out.push(`${g.kind === 'qemu' ? 'VM' : 'CT'} ${g.vmid} ${g.status}`)
  }
  const seen = new Set<string>()
  for (const s of h.storage) {
    if (!s.aboveThreshold || s.usage === null) continue
    const key = s.shared ? s.storage : s.id
    if (seen.has(key)) continue
    seen.add(key)
    out.push(`${s.storage}${s.shared ? '' : ` on ${s.node}`} ${Math.round(s.usage * 100)}% full`)
  }
  return out
}

function join(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' · ')
  return `${items.slice(0, 2).join(' · ')} · +${items.length - 2} more`
}

export function computeHealth(h: HealthInput): HealthResult {
  if (!h.polled && !h.unreachable && !h.authFailed) return { health: 'unknown', summary: 'connecting…' }
  if (h.authFailed) return { health: 'auth', summary: 'token rejected (authentication failed)' }
  if (h.emptyView) return { health: 'auth', summary: 'token sees nothing: give it ACLs (privilege separation)' }
  if (h.unreachable) return { health: 'unreachable', summary: 'cluster unreachable' }
  const up = h.nodes.filter((n) => n.status === 'online').length
  // Counted, not filtered: runs every poll over every guest (an array of thousands per poll was garbage).
  let running = 0
  for (let i = 0; i < h.guests.length; i++) if (h.guests[i]?.state === 'running') running++
  const counts = `${up}/${h.nodes.length} nodes up · ${running} guests running`
  if (h.nodes.length > 0 && h.nodes.every((n) => h.confirmedDown.has(n.name))) return { health: 'down', summary: `all nodes down · ${counts}` }
  const list = problems(h)
  if (list.length > 0) return { health: 'degraded', summary: join(list) }
  if (h.lastError?.kind === 'permission') return { health: 'ok', summary: `${counts} · ${h.lastError.message}` }
  return { health: 'ok', summary: counts }
}
