// Reads HA status and Ceph health per cluster at the monitor's slow cadence: on the cycles that fetch
// /cluster/status (every 6th), never per regular poll; HA only when the cluster has HA resources (guests with
// an `hastate` in /cluster/resources), and at once when one of those states changed; Ceph only when the cluster
// has Ceph storage (rbd/cephfs), and where Proxmox says Ceph is not installed (external Ceph) it shows nothing.
// A missing privilege is said once and not asked again for a while (never an error storm). What was not read,
// or is no longer current (the cluster stopped answering), is "not known", never OK. The views go onto the
// snapshot (`decorate`), the events into the timeline and the notifications (`onChange`).
import { type CephView, haCephProblems, type HaView } from '../../../shared/ha-ceph'
import type { ClusterSnapshot, GuestView, MonitorEvent } from '../../../shared/snapshot'
import { hasPrivilege, type Permissions } from '../clusters/privileges'
import { field } from '../errors/error-kind'
import { CephTracker, meansNoCeph, parseCephStatus } from '../monitor/ceph-status'
import { classifyError } from '../monitor/classify-error'
import { HaTracker, parseHaStatus } from '../monitor/ha-status'
import { EventFactory } from '../monitor/monitor-events'

export interface HaCephApi {
  haStatus(): Promise<unknown>
  cephStatus(): Promise<unknown>
}

export interface HaCephWatchOptions {
  readonly now: () => number
  readonly onChange: (clusterId: string, events: readonly MonitorEvent[]) => void
  readonly track?: (work: Promise<unknown>) => void
}

/** After a refusal (403), ask again only after this (a grant made meanwhile shows then). */
const DENIED_RETRY_MS = 10 * 60_000
/** Where Proxmox said Ceph is not installed, ask again after this. */
const ABSENT_RETRY_MS = 60 * 60_000
/** A view that is not known (a failed read) is read again at most this often, also between slow cycles. */
const UNKNOWN_RETRY_MS = 30_000
const RING = 100

export const HA_PRIVILEGE_REASON = 'Reading HA status needs Sys.Audit on / (see the privilege report in the cluster settings).'
export const CEPH_PRIVILEGE_REASON = 'Reading Ceph health needs Sys.Audit or Datastore.Audit on / (see the privilege report in the cluster settings).'

interface Part<V> {
  view: V | null
  attemptAt: number
  deniedUntil: number
}

interface Entry {
  readonly name: string
  readonly api: HaCephApi
  readonly permissions: () => Permissions | null
  readonly factory: EventFactory
  readonly haTracker: HaTracker
  readonly cephTracker: CephTracker
  ha: Part<HaView>
  ceph: Part<CephView>
  cephAbsentUntil: number
  /** vmid → hastate of the HA guests when HA was last read (a change reads HA at once). */
  haStates: ReadonlyMap<number, string>
  running: boolean
  memo: { base: ClusterSnapshot; ha: HaView | null; ceph: CephView | null; out: ClusterSnapshot } | null
}

export interface CycleHint {
  /** This cycle read /cluster/status: the slow cadence. */
  readonly fetchedStatus: boolean
}

/**
 * Runs after every poll, so it allocates nothing: how many guests are HA-managed (0 = no HA configured), and
 * whether any HA state differs from `known` (or a guest joined or left HA).
 */
function haGuests(snap: ClusterSnapshot, known: ReadonlyMap<number, string>): { count: number; changed: boolean } {
  let count = 0
  let changed = false
  const guests = snap.guests
  // Indexed, as in every per-poll loop over all guests: run once a poll, this code is rarely optimised, and
  // unoptimised for-of makes an iterator result per guest.
  for (let i = 0; i < guests.length; i++) {
    const g = guests[i] as GuestView
    if (g.hastate === null) continue
    count++
    if (!changed && known.get(g.vmid) !== g.hastate) changed = true
  }
  return { count, changed: changed || count !== known.size }
}

function haStatesOf(snap: ClusterSnapshot): ReadonlyMap<number, string> {
  const m = new Map<number, string>()
  const guests = snap.guests
  for (let i = 0; i < guests.length; i++) {
    const g = guests[i] as GuestView
    if (g.hastate !== null) m.set(g.vmid, g.hastate)
  }
  return m
}

const hasCephStorage = (snap: ClusterSnapshot): boolean => snap.storage.some((s) => s.plugintype === 'rbd' || s.plugintype === 'cephfs')

function notKnown<V extends { known: boolean; reason: string | null }>(v: V, reason: string): V {
  return v.known === false && v.reason === reason ? v : Object.freeze({ ...v, known: false, reason })
}

const emptyHa = (reason: string): HaView => Object.freeze({ known: false, reason, manager: null, quorate: null, resources: [], checkedAt: null })
const emptyCeph = (reason: string): CephView => Object.freeze({ known: false, reason, health: null, checks: [], checkedAt: null })

/**
 * The snapshot with its HA and Ceph views. A cluster otherwise OK with an HA resource in error/fence or Ceph not
 * HEALTH_OK is degraded (tray icon and headline), the problem first in its summary; other healths say more already.
 */
function withHaCeph(snap: ClusterSnapshot, ha: HaView | null, ceph: CephView | null): ClusterSnapshot {
  const problems = snap.health === 'ok' ? haCephProblems(ha, ceph) : []
  if (problems.length === 0) return Object.freeze({ ...snap, ha, ceph })
  return Object.freeze({ ...snap, ha, ceph, health: 'degraded' as const, summary: `${problems.join(' · ')} · ${snap.summary}` })
}

export class HaCephWatch {
  private readonly entries = new Map<string, Entry>()
  private readonly ring: MonitorEvent[] = []

  constructor(private readonly o: HaCephWatchOptions) {}

  watch(clusterId: string, name: string, api: HaCephApi, permissions: () => Permissions | null): void {
    this.entries.set(clusterId, {
      name,
      api,
      permissions,
      factory: new EventFactory(clusterId, name),
      haTracker: new HaTracker(),
      cephTracker: new CephTracker(),
      ha: { view: null, attemptAt: -Infinity, deniedUntil: -Infinity },
      ceph: { view: null, attemptAt: -Infinity, deniedUntil: -Infinity },
      cephAbsentUntil: -Infinity,
      haStates: new Map(),
      running: false,
      memo: null
    })
  }

  unwatch(clusterId: string): void {
    this.entries.delete(clusterId)
  }

  stop(): void {
    this.entries.clear()
  }

  events(): readonly MonitorEvent[] {
    return this.ring
  }

  /** The snapshot with this cluster's HA and Ceph views (the same object while nothing changed). */
  decorate(snap: ClusterSnapshot): ClusterSnapshot {
    const e = this.entries.get(snap.clusterId)
    if (e === undefined || (e.ha.view === null && e.ceph.view === null)) return snap
    const m = e.memo
    if (m !== null && m.base === snap && m.ha === e.ha.view && m.ceph === e.ceph.view) return m.out
    const out = withHaCeph(snap, e.ha.view, e.ceph.view)
    e.memo = { base: snap, ha: e.ha.view, ceph: e.ceph.view, out }
    return out
  }

  /** After each monitor cycle (called before the cycle is published, so a "not known" shows with it). */
  observe(clusterId: string, snap: ClusterSnapshot, hint: CycleHint): void {
    const e = this.entries.get(clusterId)
    if (e === undefined) return
    if (snap.stale) {
      // Not answering: nothing read before is current.
      const why = `Not known now: ${snap.lastError?.message ?? 'the cluster is not answering'}`
      if (e.ha.view !== null) e.ha.view = notKnown(e.ha.view, why)
      if (e.ceph.view !== null) e.ceph.view = notKnown(e.ceph.view, why)
      return
    }
    if (snap.fetchedAt === null) return
    const now = this.o.now()
    const perms = e.permissions()
    const managed = haGuests(snap, e.haStates)
    let readHa = false
    // Views are replaced only when they change: an unchanged snapshot stays the same object (no delta pushed).
    if (managed.count === 0) {
      if (e.ha.view !== null) {
        e.ha.view = null
        e.haStates = new Map()
        e.haTracker.observe([], { now, events: [], factory: e.factory, guestRef: () => null })
      }
    } else if (perms !== null && !hasPrivilege(perms, '/', 'Sys.Audit')) {
      if (e.ha.view?.reason !== HA_PRIVILEGE_REASON) e.ha.view = emptyHa(HA_PRIVILEGE_REASON)
    } else if (now >= e.ha.deniedUntil) {
      const retry = e.ha.view?.known === false && now - e.ha.attemptAt >= UNKNOWN_RETRY_MS
      readHa = hint.fetchedStatus || managed.changed || e.ha.view === null || retry
    }
    let readCeph = false
    if (!hasCephStorage(snap) || now < e.cephAbsentUntil) e.ceph.view = null
    else if (perms !== null && !hasPrivilege(perms, '/', 'Sys.Audit') && !hasPrivilege(perms, '/', 'Datastore.Audit')) {
      if (e.ceph.view?.reason !== CEPH_PRIVILEGE_REASON) e.ceph.view = emptyCeph(CEPH_PRIVILEGE_REASON)
    } else if (now >= e.ceph.deniedUntil) {
      const retry = e.ceph.view?.known === false && now - e.ceph.attemptAt >= UNKNOWN_RETRY_MS
      readCeph = hint.fetchedStatus || e.ceph.view === null || retry
    }
    if ((!readHa && !readCeph) || e.running) return
    e.running = true
    const work = this.read(clusterId, e, snap, readHa, readCeph).finally(() => {
      e.running = false
    })
    this.o.track?.(work)
  }

  private async read(clusterId: string, e: Entry, snap: ClusterSnapshot, ha: boolean, ceph: boolean): Promise<void> {
    const events: MonitorEvent[] = []
    // Asked only for an event (rare): the index of the guests is built on the first one, then shared (a failover
    // can put many resources in error at once; a search of every guest per event would be their product).
    let byVmid: ReadonlyMap<number, ClusterSnapshot['guests'][number]> | null = null
    const guestRef = (vmid: number): { vmid: number; kind: 'qemu' | 'lxc'; name: string } | null => {
      byVmid ??= new Map(snap.guests.map((x) => [x.vmid, x]))
      const g = byVmid.get(vmid)
      return g ? { vmid, kind: g.kind, name: g.name } : null
    }
    if (ha) {
      e.ha.attemptAt = this.o.now()
      e.haStates = haStatesOf(snap)
      try {
        const p = parseHaStatus(await e.api.haStatus())
        const now = this.o.now()
        e.haTracker.observe(p.resources, { now, events, factory: e.factory, guestRef })
        e.ha.view = Object.freeze({ known: true, reason: null, manager: p.manager, quorate: p.quorate, resources: Object.freeze(p.resources), checkedAt: now })
      } catch (err) {
        const c = classifyError(err)
        if (c.kind === 'permission') {
          e.ha.deniedUntil = this.o.now() + DENIED_RETRY_MS
          e.ha.view = emptyHa(HA_PRIVILEGE_REASON)
        } else
          e.ha.view = notKnown(
            e.ha.view ?? emptyHa(''),
            `HA status could not be read: ${c.kind === 'malformed' || !(err instanceof Error) ? c.message : errText(err, c.message)}`
          )
      }
    }
    if (ceph) {
      e.ceph.attemptAt = this.o.now()
      try {
        const p = parseCephStatus(await e.api.cephStatus())
        const now = this.o.now()
        e.cephTracker.observe(p, { now, events, factory: e.factory })
        e.ceph.view = Object.freeze({ known: true, reason: null, health: p.health, checks: Object.freeze(p.checks), checkedAt: now })
      } catch (err) {
        const c = classifyError(err)
        if (c.kind === 'permission') {
          e.ceph.deniedUntil = this.o.now() + DENIED_RETRY_MS
          e.ceph.view = emptyCeph(CEPH_PRIVILEGE_REASON)
        } else if (c.kind === 'http' && meansNoCeph(errText(err, ''))) {
          // Ceph storage without Ceph on the nodes (an external cluster): nothing of ours to show.
          e.cephAbsentUntil = this.o.now() + ABSENT_RETRY_MS
          e.ceph.view = null
        } else e.ceph.view = notKnown(e.ceph.view ?? emptyCeph(''), `Ceph health could not be read: ${errText(err, c.message)}`)
      }
    }
    if (this.entries.get(clusterId) !== e) return
    const ids = events.map((ev) => Object.freeze({ ...ev, id: `${ev.id}:ha-ceph` }))
    this.ring.push(...ids)
    if (this.ring.length > RING) this.ring.splice(0, this.ring.length - RING)
    this.o.onChange(clusterId, ids)
  }
}

/** Proxmox's own reason phrase where there is one (a 500's text says what is wrong), else our words. */
function errText(err: unknown, fallback: string): string {
  const r = field(err, 'reasonPhrase')
  return typeof r === 'string' && r.trim() !== '' ? r.trim().slice(0, 200) : fallback
}
