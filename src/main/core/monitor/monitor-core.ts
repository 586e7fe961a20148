// The monitor's judgement, free of I/O and timers: each poll result goes in, a frozen snapshot
// and the events since the previous one come out, plus what the scheduler should do next
// (confirming re-probe, fetch tasks, back off). Deterministic for a given clock value.
import type { ClusterSnapshot, GuestView, MonitorEvent, NodeView, SnapshotError, StorageView } from '../../../shared/snapshot'
import { buildNodeView, buildStorageView } from './build-views'
import type { ClassifiedError } from './classify-error'
import { isReachabilityError } from './classify-error'
import { QuorumTracker, StorageTracker, TaskTracker } from './condition-trackers'
import type { CycleOutput, PollData } from './cycle-types'
import { EMPTY_VIEW_MESSAGE, isEmptyView } from './empty-view'
import { FigureReads } from './figure-reads'
import type { FiguresShown } from './figures-shown'
import { FreshStatuses } from './fresh-status'
import { GuestTracker } from './guest-tracker'
import { GuestViewCache } from './guest-view-cache'
import { JudgedGuests } from './judged-guests'
import { CoreState, type MonitorSettings } from './monitor-core-state'
import { EventFactory } from './monitor-events'
import type { MuteEntry } from './mutes'
import { NodeTracker } from './node-tracker'
import type { ParsedGuest, ParsedResources } from './parse-resources'
import { guestRef, isParsed, parseResources } from './parse-resources'
import { parseClusterStatus } from './parse-status'
import { parseTasks } from './parse-tasks'
import { assembleSnapshot } from './snapshot-assembly'

export type { MonitorSettings } from './monitor-core-state'

export type { CycleOutput, PollData }

export class MonitorCore {
  private readonly s: CoreState
  private readonly factory: EventFactory
  private readonly nodes: NodeTracker
  private readonly guests = new GuestTracker()
  private readonly storage: StorageTracker
  private readonly quorum = new QuorumTracker()
  private readonly tasks = new TaskTracker()

  constructor(settings: MonitorSettings, now: number) {
    this.s = new CoreState(settings, now)
    this.factory = new EventFactory(settings.clusterId, settings.clusterName)
    this.nodes = new NodeTracker({ flapWindowMs: this.s.cfg.flapWindowMs, flapTransitions: this.s.cfg.flapTransitions })
    this.storage = new StorageTracker(this.s.cfg.storageThreshold, this.s.cfg.storageHysteresis)
  }

  get state(): CoreState {
    return this.s
  }

  setStorageThreshold(fraction: number): void {
    this.s.cfg.storageThreshold = fraction
    this.storage.threshold = fraction
  }

  /** After sleep/resume: the next result is a baseline, and failures within the grace are not judged. */
  resumed(now: number): void {
    this.s.needBaseline = true
    this.s.failingSince = null
    this.s.graceUntil = now + this.s.cfg.graceMs
    this.nodes.dropPending()
    this.figureReads.lost()
  }

  initialSnapshot(now: number): ClusterSnapshot {
    return this.snapshot(now, false, null)
  }

  /** The node's own word on a guest's status after an action the user started: shown at once (see fresh-status.ts). */
  noteGuestStatus(vmid: number, status: string, now: number): ClusterSnapshot {
    this.fresh.note(vmid, status, now)
    if (this.s.lastParsed !== null) this.s.lastParsed = this.fresh.apply(this.s.lastParsed, now, false)
    return this.snapshot(now, this.lastView.stale, this.lastView.error)
  }

  private readonly fresh = new FreshStatuses()
  private readonly views = new GuestViewCache()
  private readonly judged = new JudgedGuests()
  /** When polls read guests' figures and when those may be shown (a dropped poll: `lost()`). */
  readonly figureReads = new FigureReads()

  /**
   * Which guests' moving figures the snapshots show (see figures-shown.ts). While any are, every poll reads all of
   * them (into each guest's GuestFigures, in place), so showing others is at once: the last poll's snapshot with the
   * new choice. 'poll' when the last poll read none (until one has, none is shown: "—", never old ones); null
   * when nothing changed or no poll has been seen yet.
   */
  setGuestFigures(shown: FiguresShown, now: number): ClusterSnapshot | 'poll' | null {
    const s = this.s
    const change = this.figureReads.set(shown, s.failingSince === null && s.authFailures === 0)
    if (s.lastParsed === null || change === 'same') return null
    return change === 'poll' ? 'poll' : this.snapshot(now, this.lastView.stale, this.lastView.error)
  }
  private lastView: { stale: boolean; error: SnapshotError | null } = { stale: false, error: null }

  observeSuccess(p: PollData, now: number): CycleOutput {
    const events: MonitorEvent[] = []
    const clearedMutes: MuteEntry[] = []
    const s = this.s
    s.pruneUserActions(now)
    const parsed = this.fresh.apply(isParsed(p.resources) ? p.resources : parseResources(p.resources), now, true)
    this.figureReads.taken(p.guestFigures ?? true, now)
    const tasks = p.tasks ? parseTasks(p.tasks) : null
    if (tasks) s.noteTasks(tasks)
    let baseline = s.needBaseline
    if (s.announcedUnreachable) {
      baseline = true
      events.push(this.reachableEvent(parsed, now))
    }
    if (s.authFailures > 0) baseline = true
    s.reachable(now)
    s.endpoint = p.endpoint
    s.fetchedAt = now
    this.applyStatus(p, now, events)
    s.emptyView = isEmptyView(parsed)
    let confirm = false
    let wantTasks = false
    let wantStatus = false
    if (!s.emptyView) {
      const ctx = { now, baseline, events, factory: this.factory, mutes: s.mutes, clearedMutes }
      const before = this.nodeSignature(s.lastParsed)
      confirm = this.nodes.observe(
        parsed.nodes.map((n) => ({ name: n.name, up: n.status !== 'offline' })),
        ctx
      )
      wantStatus = before !== this.nodeSignature(parsed)
      const offline = new Set(parsed.nodes.filter((n) => n.status === 'offline').map((n) => n.name))
      const judged = this.judged.list({ guests: parsed.guests, offline, alertsEpoch: s.alertsEpoch, alertsFor: (g) => s.alertsFor(g) })
      const gr = this.guests.observe(judged, {
        ...ctx,
        tasks: tasks ?? (p.tasksFailed ? [] : null),
        userActions: s.userActions,
        explainWindowMs: s.cfg.explainWindowMs
      })
      confirm ||= gr.pending
      wantTasks = gr.wantTasks
      this.storage.observe(parsed.storage, { now, events, factory: this.factory })
      if (tasks) this.tasks.observe(tasks, s.userUpids, s.mutes, (vmid) => guestRef(parsed, vmid), { now, events, factory: this.factory })
    }
    s.needBaseline = false
    s.lastParsed = parsed
    return this.output(now, events, { confirm, wantTasks, wantStatus, backoffMs: null, clearedMutes, stale: false, error: this.successError() })
  }

  observeFailure(err: ClassifiedError, now: number): CycleOutput {
    const events: MonitorEvent[] = []
    const s = this.s
    this.figureReads.lost()
    let confirm = false
    let backoffMs: number | null = null
    if (err.kind === 'auth') {
      s.authFailures++
      if (!s.authAnnounced) {
        s.authAnnounced = true
        events.push(this.factory.make({ kind: 'auth-failed', at: now, message: err.message }))
      }
      // No growing back-off: a token fixed on the server (ACL, expiry) must look fixed within one poll. A
      // rejected token costs Proxmox one request per interval (pveproxy delays the answer itself).
      backoffMs = Math.min(s.cfg.authBackoffMaxMs, s.cfg.intervalMs)
      s.needBaseline = true
    } else if (isReachabilityError(err.kind)) {
      this.nodes.dropPending()
      if (s.failingSince === null) {
        s.failingSince = now
        confirm = !s.announcedUnreachable
      } else if (!s.announcedUnreachable && now >= s.graceUntil) {
        s.announcedUnreachable = true
        events.push(this.factory.make({ kind: 'cluster-unreachable', at: now, message: `${s.cfg.clusterName} cannot be reached: ${err.message}` }))
      } else if (!s.announcedUnreachable) {
        confirm = true
      }
    }
    s.lastFailure = err
    return this.output(now, events, {
      confirm,
      wantTasks: false,
      wantStatus: false,
      backoffMs,
      clearedMutes: [],
      stale: true,
      error: { kind: err.kind, message: err.message }
    })
  }

  private successError(): SnapshotError | null {
    const s = this.s
    if (s.emptyView) return { kind: 'permission', message: EMPTY_VIEW_MESSAGE }
    const se = s.statusError
    return se ? { kind: se.kind, message: se.kind === 'permission' ? `${se.message} (quorum and node addresses unavailable)` : se.message } : null
  }

  private applyStatus(p: PollData, now: number, events: MonitorEvent[]): void {
    if (p.status) {
      const st = parseClusterStatus(p.status)
      this.s.nodeIps = st.nodeIps
      this.s.statusError = null
      this.quorum.observe(st.quorate, { now, events, factory: this.factory })
    } else if (p.statusError?.kind === 'permission') {
      this.s.statusError = p.statusError
    }
  }

  private reachableEvent(parsed: ParsedResources, now: number): MonitorEvent {
    const down = parsed.nodes.filter((n) => n.status === 'offline').map((n) => n.name)
    const s = this.s
    const away = s.failingSince !== null ? ` after ${Math.round((now - s.failingSince) / 60_000)} min` : ''
    const tail = down.length > 0 ? ` ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down.` : ''
    return this.factory.make({ kind: 'cluster-reachable', at: now, message: `${s.cfg.clusterName} is reachable again${away}.${tail}` })
  }

  private nodeSignature(p: ParsedResources | null): string {
    return p ? p.nodes.map((n) => `${n.name}:${this.nodes.isDown(n.name) ? 0 : 1}`).join(',') : ''
  }

  private output(
    now: number,
    events: MonitorEvent[],
    o: {
      confirm: boolean
      wantTasks: boolean
      wantStatus: boolean
      backoffMs: number | null
      clearedMutes: MuteEntry[]
      stale: boolean
      error: SnapshotError | null
    }
  ): CycleOutput {
    this.lastView = { stale: o.stale, error: o.error }
    const snapshot = this.snapshot(now, o.stale, o.error)
    const frozen = Object.freeze(events.slice())
    this.s.ring.push(frozen)
    return Object.freeze({
      snapshot,
      events: frozen,
      confirm: o.confirm,
      wantTasks: o.wantTasks,
      wantStatus: o.wantStatus,
      backoffMs: o.backoffMs,
      clearedMutes: Object.freeze(o.clearedMutes)
    })
  }

  private snapshot(now: number, stale: boolean, lastError: SnapshotError | null): ClusterSnapshot {
    const s = this.s
    const p = s.lastParsed
    const offline = new Set(p ? p.nodes.filter((n) => n.status === 'offline').map((n) => n.name) : [])
    const nodes: NodeView[] = p
      ? p.nodes.map((n) =>
          buildNodeView(n, {
            ip: s.nodeIps.get(n.name) ?? null,
            downSince: this.nodes.isDown(n.name) ? this.nodes.downSince(n.name) : null,
            flapping: this.nodes.isFlapping(n.name),
            muted: s.mutes.node(n.name, now)
          })
        )
      : []
    const gctx = {
      figures: this.figureReads.shown,
      mode: s.cfg.mode,
      canPowerMgmt: s.cfg.canPowerMgmt,
      // A fresh object when not given: never the same, so every guest is asked.
      powerEpoch: s.cfg.powerEpoch === null ? {} : s.cfg.powerEpoch(),
      offlineNodes: offline,
      alertsFor: (g: ParsedGuest) => s.alertsFor(g),
      muteFor: (vmid: number) => s.mutes.guest(vmid, now),
      busy: s.busyVmids(now)
    }
    const quiet = !s.mutes.anyGuestMuted && gctx.busy.size === 0
    const guests: GuestView[] = p ? this.views.views({ guests: p.guests, offlineKey: [...offline].join('\n'), alertsEpoch: s.alertsEpoch, quiet }, gctx) : []
    const storage: StorageView[] = p ? p.storage.map((st) => buildStorageView(st, s.cfg.storageThreshold)) : []
    const confirmedDown = new Set(nodes.filter((n) => this.nodes.isDown(n.name)).map((n) => n.name))
    return assembleSnapshot({
      cfg: s.cfg,
      now,
      unreachable: s.announcedUnreachable,
      authFailed: s.authFailures > 0,
      confirmedDown,
      quorate: this.quorum.quorate,
      nodes,
      guests,
      storage,
      endpoint: s.endpoint,
      fetchedAt: s.fetchedAt,
      emptyView: s.emptyView,
      stale,
      polled: p !== null,
      lastError
    })
  }
}
