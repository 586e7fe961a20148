// The monitor core's mutable bookkeeping besides the trackers: settings, reachability, the user's
// own actions, alert preferences and the event ring.
import type { ClusterMode } from '../../../shared/snapshot'
import type { PowerTarget } from '../clusters/privileges'
import type { ClassifiedError } from './classify-error'
import { EventRing } from './monitor-events'
import { MuteBook } from './mutes'
import type { ParsedGuest, ParsedResources } from './parse-resources'
import type { ParsedTask } from './parse-tasks'
import { taskVmid } from './parse-tasks'

export interface MonitorSettings {
  readonly clusterId: string
  readonly clusterName: string
  readonly mode?: ClusterMode
  readonly demo?: boolean
  /** Regular poll interval. Default 10 s. */
  readonly intervalMs?: number
  /** Storage-high threshold as a fraction. Default 0.9. */
  readonly storageThreshold?: number
  /** Storage must drop this far below the threshold before it can alert again. Default 0.03. */
  readonly storageHysteresis?: number
  /** Flapping: this many confirmed transitions within the window. Defaults 3 in 10 min. */
  readonly flapTransitions?: number
  readonly flapWindowMs?: number
  /** A stop task started this long before a guest went down explains it. Default 10 min. */
  readonly explainWindowMs?: number
  /** After start and resume, failures this long are not judged (network coming up). Default 15 s. */
  readonly graceMs?: number
  /** Upper bound of the back-off after auth failures. Default 5 min. */
  readonly authBackoffMaxMs?: number
  /** A user action counts as busy at most this long without being marked done. Default 10 min. */
  readonly busyMaxMs?: number
  readonly ringSize?: number
  readonly canPowerMgmt?: (g: PowerTarget) => boolean | null
  /**
   * What canPowerMgmt judges by (the permissions read), the same value (===) while its answers for a guest (its
   * vmid and pool) stay the same: such a guest is then not asked again at each snapshot. Without it, every guest
   * is asked at every snapshot.
   */
  readonly powerEpoch?: () => unknown
}

export interface CoreConfig {
  clusterId: string
  clusterName: string
  mode: ClusterMode
  demo: boolean
  intervalMs: number
  storageThreshold: number
  storageHysteresis: number
  flapTransitions: number
  flapWindowMs: number
  explainWindowMs: number
  graceMs: number
  authBackoffMaxMs: number
  busyMaxMs: number
  canPowerMgmt: (g: PowerTarget) => boolean | null
  powerEpoch: (() => unknown) | null
}

const UPID_CAP = 500

export class CoreState {
  readonly cfg: CoreConfig
  readonly mutes = new MuteBook()
  readonly ring: EventRing
  readonly userActions = new Map<number, number>()
  readonly userUpids = new Set<string>()
  private readonly busy = new Map<number, { upid: string | null; at: number }>()
  private alertOverrides = new Map<number, boolean>()

  needBaseline = true
  graceUntil: number
  failingSince: number | null = null
  announcedUnreachable = false
  authFailures = 0
  authAnnounced = false
  emptyView = false
  lastFailure: ClassifiedError | null = null
  statusError: ClassifiedError | null = null
  endpoint: string | null = null
  fetchedAt: number | null = null
  nodeIps: ReadonlyMap<string, string> = new Map()
  lastParsed: ParsedResources | null = null

  constructor(s: MonitorSettings, now: number) {
    this.cfg = {
      clusterId: s.clusterId,
      clusterName: s.clusterName,
      mode: s.mode ?? 'control',
      demo: s.demo ?? false,
      intervalMs: s.intervalMs ?? 10_000,
      storageThreshold: s.storageThreshold ?? 0.9,
      storageHysteresis: s.storageHysteresis ?? 0.03,
      flapTransitions: s.flapTransitions ?? 3,
      flapWindowMs: s.flapWindowMs ?? 600_000,
      explainWindowMs: s.explainWindowMs ?? 600_000,
      graceMs: s.graceMs ?? 15_000,
      authBackoffMaxMs: s.authBackoffMaxMs ?? 300_000,
      busyMaxMs: s.busyMaxMs ?? 600_000,
      canPowerMgmt: s.canPowerMgmt ?? (() => null),
      powerEpoch: s.powerEpoch ?? (s.canPowerMgmt === undefined ? () => null : null)
    }
    this.ring = new EventRing(s.ringSize ?? 200)
    this.graceUntil = now + this.cfg.graceMs
  }

  /** A successful poll: reachability and auth problems are over. */
  reachable(_now: number): void {
    this.failingSince = null
    this.announcedUnreachable = false
    this.authFailures = 0
    this.authAnnounced = false
    this.lastFailure = null
  }

  /** Explicit per-guest choice wins; otherwise HA-managed guests alert by default. */
  alertsFor(g: ParsedGuest): boolean {
    const o = this.alertOverrides.get(g.vmid)
    if (o !== undefined) return o
    return g.hastate !== null && g.hastate !== 'ignored'
  }

  /** The alert choices: a new value whenever one changes (alertsFor's answer for a record depends on nothing else). */
  get alertsEpoch(): unknown {
    return this.alertOverrides
  }

  setAlerts(enabled: Iterable<number>, disabled: Iterable<number> = []): void {
    const m = new Map<number, boolean>()
    for (const v of disabled) m.set(v, false)
    for (const v of enabled) m.set(v, true)
    this.alertOverrides = m
  }

  noteUserAction(vmid: number, upid: string | null, now: number): void {
    this.userActions.set(vmid, now)
    this.busy.set(vmid, { upid, at: now })
    if (upid) {
      this.userUpids.add(upid)
      if (this.userUpids.size > UPID_CAP) {
        const first = this.userUpids.values().next().value
        if (first !== undefined) this.userUpids.delete(first)
      }
    }
  }

  noteUserActionDone(upid: string): void {
    for (const [vmid, b] of this.busy) if (b.upid === upid) this.busy.delete(vmid)
  }

  /** An action without a task (its request got no answer, and none was found) is over for this guest. */
  clearBusy(vmid: number): void {
    this.busy.delete(vmid)
  }

  /** Tasks that ended in the cluster list end the matching busy marks. */
  noteTasks(tasks: readonly ParsedTask[]): void {
    if (this.busy.size === 0) return
    for (const t of tasks) {
      const vmid = taskVmid(t)
      if (vmid === null || t.endtime === null) continue
      if (this.busy.get(vmid)?.upid === t.upid) this.busy.delete(vmid)
    }
  }

  busyVmids(now: number): ReadonlySet<number> {
    const out = new Set<number>()
    for (const [vmid, b] of this.busy) {
      if (now - b.at > this.cfg.busyMaxMs) this.busy.delete(vmid)
      else out.add(vmid)
    }
    return out
  }

  pruneUserActions(now: number): void {
    for (const [vmid, at] of this.userActions) if (now - at > this.cfg.explainWindowMs) this.userActions.delete(vmid)
  }
}
