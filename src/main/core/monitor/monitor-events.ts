// Builds MonitorEvents with their plain-language message. Guest names go in verbatim (they are
// untrusted): consumers render text only, and the notification layer sanitises before display.
import type { EventSeverity, GuestKind, MonitorEvent, MonitorEventKind } from '../../../shared/snapshot'

export interface EventGuestRef {
  readonly vmid: number
  readonly kind: GuestKind
  readonly name: string
}

export interface EventInput {
  readonly kind: MonitorEventKind
  readonly at: number
  readonly node?: string | null
  readonly guest?: EventGuestRef | null
  readonly storage?: string | null
  readonly message: string
  readonly detail?: string | null
  readonly severity?: EventSeverity
  readonly byUser?: boolean
}

/** `detail` of the auth-failed event of a cluster whose stored token secret cannot be read. */
export const SECRET_UNREADABLE_DETAIL = 'secret-unreadable'

const DEFAULT_SEVERITY: Readonly<Record<MonitorEventKind, EventSeverity>> = {
  'node-down': 'critical',
  'node-up': 'info',
  'node-flapping': 'warning',
  'guest-state': 'info',
  'guest-down': 'critical',
  'guest-up': 'info',
  'quorum-lost': 'critical',
  'quorum-regained': 'info',
  'storage-high': 'warning',
  'task-failed': 'warning',
  'cluster-unreachable': 'critical',
  'cluster-reachable': 'info',
  'auth-failed': 'critical',
  'certificate-changed': 'critical',
  'ha-problem': 'critical',
  'ha-recovered': 'info',
  'ceph-degraded': 'warning',
  'ceph-ok': 'info',
  'backup-failed': 'warning',
  'certificate-expiring': 'warning',
  'replication-failed': 'warning'
}

export class EventFactory {
  private seq = 0
  private readonly clusterId: string
  private readonly clusterName: string

  constructor(clusterId: string, clusterName: string) {
    this.clusterId = clusterId
    this.clusterName = clusterName
  }

  make(e: EventInput): MonitorEvent {
    this.seq++
    return Object.freeze({
      id: `${this.clusterId}:${e.at}:${this.seq}`,
      at: e.at,
      kind: e.kind,
      severity: e.severity ?? DEFAULT_SEVERITY[e.kind],
      clusterId: this.clusterId,
      clusterName: this.clusterName,
      node: e.node ?? null,
      guest: e.guest ? Object.freeze({ vmid: e.guest.vmid, kind: e.guest.kind, name: e.guest.name }) : null,
      storage: e.storage ?? null,
      message: e.message,
      detail: e.detail ?? null,
      ...(e.byUser === true ? { byUser: true } : {})
    })
  }
}

export function guestLabel(g: EventGuestRef): string {
  return `${g.kind === 'qemu' ? 'VM' : 'CT'} ${g.vmid} (${g.name})`
}

/** "35 s", "4 min", "2 h 5 min", "3 d 4 h" */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const min = Math.floor(s / 60)
  if (min < 60) return `${min} min`
  const h = Math.floor(min / 60)
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`
  const d = Math.floor(h / 24)
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`
}

/** Bounded ring of recent events for the dashboard's timeline (oldest dropped first). */
export class EventRing {
  private readonly items: MonitorEvent[] = []
  private readonly capacity: number

  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity)
  }

  push(events: readonly MonitorEvent[]): void {
    for (const e of events) this.items.push(e)
    const excess = this.items.length - this.capacity
    if (excess > 0) this.items.splice(0, excess)
  }

  list(): readonly MonitorEvent[] {
    return this.items.slice()
  }
}
