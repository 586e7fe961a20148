// One cluster's poll loop: schedules regular polls, the quick confirming re-probe and back-off,
// never runs two polls at once, and hands each result to the MonitorCore. One request per regular
// cycle (/cluster/resources); /cluster/status and /cluster/tasks only every `statusEvery` cycles,
// after node changes, and (tasks) when a guest-down needs an explanation checked.
import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import { type ClassifiedError, classifyError } from './classify-error'
import type { FiguresShown } from './figures-shown'
import type { MonitorApi, MonitorClock } from './monitor-api'
import { systemClock } from './monitor-api'
import { type CycleOutput, MonitorCore, type MonitorSettings } from './monitor-core'
import type { MuteEntry } from './mutes'

export type CycleKind = 'regular' | 'confirm' | 'refresh'

export interface CycleInfo {
  readonly kind: CycleKind
  readonly fetchedStatus: boolean
  readonly fetchedTasks: boolean
}

export type MonitorListener = (snapshot: ClusterSnapshot, events: readonly MonitorEvent[], info: CycleInfo) => void

export interface ClusterMonitorOptions extends MonitorSettings {
  readonly api: MonitorApi
  readonly clock?: MonitorClock
  /** Delay of the re-probe that confirms a change. Default 2 s. */
  readonly confirmDelayMs?: number
  /** /cluster/status and /cluster/tasks every n-th regular cycle. Default 6. */
  readonly statusEvery?: number
  /** `until-up` mutes that lapsed (settings should forget them). */
  readonly onMuteCleared?: (entry: MuteEntry) => void
  /**
   * A whole poll (all its calls, failover included) must end within this, else it is abandoned and reported
   * as a timeout: a stuck pveproxy can never leave the last "all OK" on screen. Default 25 s.
   */
  readonly pollDeadlineMs?: number
}

const DEFAULT_POLL_DEADLINE_MS = 25_000

export class ClusterMonitor {
  private readonly api: MonitorApi
  private readonly clock: MonitorClock
  private readonly core: MonitorCore
  private readonly confirmDelayMs: number
  private readonly statusEvery: number
  private readonly onMuteCleared: ((entry: MuteEntry) => void) | undefined
  private readonly pollDeadlineMs: number
  private readonly listeners = new Set<MonitorListener>()
  private intervalMs: number
  private timer: unknown = null
  private inFlight: Promise<void> | null = null
  private abort: AbortController | null = null
  private rerun = false
  private running = false
  private suspended = false
  private cyclesSinceStatus = Infinity
  private statusWanted = true
  private tasksWanted = false
  private last: ClusterSnapshot

  constructor(o: ClusterMonitorOptions) {
    this.api = o.api
    this.clock = o.clock ?? systemClock
    this.confirmDelayMs = o.confirmDelayMs ?? 2000
    this.statusEvery = Math.max(1, o.statusEvery ?? 6)
    this.intervalMs = o.intervalMs ?? 10_000
    this.onMuteCleared = o.onMuteCleared
    this.pollDeadlineMs = o.pollDeadlineMs ?? DEFAULT_POLL_DEADLINE_MS
    this.core = new MonitorCore(o, this.clock.now())
    this.last = this.core.initialSnapshot(this.clock.now())
  }

  get clusterId(): string {
    return this.core.state.cfg.clusterId
  }

  snapshot(): ClusterSnapshot {
    return this.last
  }

  /** Recent events, oldest first (bounded ring). */
  events(): readonly MonitorEvent[] {
    return this.core.state.ring.list()
  }

  subscribe(fn: MonitorListener): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  start(): void {
    if (this.running) return
    this.running = true
    void this.cycle('regular')
  }

  stop(): void {
    this.running = false
    this.clearTimer()
    this.abort?.abort()
  }

  /** Poll now (on demand, after every action). Resolves once a poll that started after this call is judged. */
  async refreshNow(): Promise<void> {
    if (!this.running || this.suspended) return
    if (this.inFlight) {
      this.rerun = true
      await this.inFlight
      if (this.inFlight !== undefined) await this.inFlight
      return
    }
    await this.cycle('refresh')
  }

  /** The machine is going to sleep: stop polling, drop what is in flight. */
  suspend(): void {
    this.suspended = true
    this.clearTimer()
    this.abort?.abort()
  }

  /** Back from sleep: poll at once; that result is a baseline, and failures within the grace are not judged. */
  resume(): void {
    if (!this.suspended) return
    this.suspended = false
    this.core.resumed(this.clock.now())
    if (!this.running) return
    this.statusWanted = true
    if (this.inFlight) this.rerun = true
    else void this.cycle('regular')
  }

  noteUserAction(guestId: string, upid: string | null): void {
    const vmid = Number(guestId.slice(guestId.indexOf('/') + 1))
    if (Number.isInteger(vmid) && vmid > 0) this.core.state.noteUserAction(vmid, upid, this.clock.now())
  }

  noteUserActionDone(upid: string): void {
    this.core.state.noteUserActionDone(upid)
    // The next poll reads the task list too: a failed action the user started belongs in the timeline at once.
    this.statusWanted = true
  }

  clearBusy(vmid: number): void {
    this.core.state.clearBusy(vmid)
  }

  /** The node's own word on a guest's status (after an action the user started): shown at once. */
  noteGuestStatus(vmid: number, status: string): void {
    this.republish(this.core.noteGuestStatus(vmid, status, this.clock.now()))
  }

  /** See MonitorCore.setGuestFigures: the newly shown figures are the last poll's, published at once, or read now. */
  setGuestFigures(shown: FiguresShown): void {
    const next = this.core.setGuestFigures(shown, this.clock.now())
    if (next === 'poll') void this.refreshNow()
    else if (next !== null) this.republish(next)
  }

  /** A snapshot of the last poll seen anew (no poll ran, no event, nothing to do next). */
  private republish(snapshot: ClusterSnapshot): void {
    const out = { snapshot, events: [], confirm: false, wantTasks: false, wantStatus: false, backoffMs: null, clearedMutes: [] }
    this.publish(out, { kind: 'refresh', fetchedStatus: false, fetchedTasks: false })
  }

  setMutes(entries: readonly MuteEntry[]): void {
    this.core.state.mutes.set(entries)
  }

  setGuestAlerts(enabled: Iterable<number>, disabled?: Iterable<number>): void {
    this.core.state.setAlerts(enabled, disabled)
  }

  setStorageThreshold(fraction: number): void {
    this.core.setStorageThreshold(fraction)
  }

  setIntervalMs(ms: number): void {
    this.intervalMs = Math.max(1, ms)
    this.core.state.cfg.intervalMs = this.intervalMs
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(ms: number, kind: CycleKind): void {
    this.clearTimer()
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      void this.cycle(kind)
    }, ms)
  }

  private cycle(kind: CycleKind): Promise<void> {
    if (this.inFlight) {
      this.rerun = true
      return this.inFlight
    }
    this.clearTimer()
    const p = this.poll(kind).finally(() => {
      this.inFlight = null
      if (!this.running || this.suspended) return
      if (this.rerun) {
        this.rerun = false
        void this.cycle('refresh')
      }
    })
    this.inFlight = p
    return p
  }

  private async poll(kind: CycleKind): Promise<void> {
    const abort = new AbortController()
    this.abort = abort
    let overran = false
    const deadline = this.clock.setTimeout(() => {
      overran = true
      abort.abort()
    }, this.pollDeadlineMs)
    const fetchStatus = kind !== 'confirm' && (this.statusWanted || this.cyclesSinceStatus + 1 >= this.statusEvery)
    const fetchTasks = fetchStatus || (kind === 'confirm' && this.tasksWanted)
    let out: CycleOutput
    try {
      const figures = this.core.figureReads.reading(this.clock.now(), 2 * this.intervalMs + this.pollDeadlineMs)
      const guestFigures = figures !== 'skip'
      const resources = await this.api.clusterResources(abort.signal, { figures })
      const status = fetchStatus ? await this.optional(() => this.api.clusterStatus(abort.signal)) : null
      const tasks = fetchTasks ? await this.optional(() => this.api.clusterTasks(abort.signal)) : null
      if (overran) out = this.overrun()
      else if (abort.signal.aborted) return this.core.figureReads.lost()
      else {
        out = this.core.observeSuccess(
          {
            resources,
            guestFigures,
            status: status?.ok ?? null,
            statusError: status?.err ?? null,
            tasks: tasks?.ok ?? null,
            tasksFailed: tasks?.err != null,
            endpoint: this.api.lastEndpoint
          },
          this.clock.now()
        )
        // Figures asked for while this poll read none: the next poll reads them now, not an interval later.
        if (!guestFigures && this.core.figureReads.reads) this.rerun = true
        if (fetchStatus) {
          this.cyclesSinceStatus = 0
          this.statusWanted = false
        } else if (kind !== 'confirm') this.cyclesSinceStatus++
      }
    } catch (e) {
      if (overran) out = this.overrun()
      else {
        const err = classifyError(e)
        if (abort.signal.aborted || err.kind === 'aborted') return this.core.figureReads.lost()
        out = this.core.observeFailure(err, this.clock.now())
      }
    } finally {
      this.clock.clearTimeout(deadline)
    }
    this.publish(out, { kind, fetchedStatus: fetchStatus, fetchedTasks: fetchTasks })
    if (!this.running || this.suspended) return
    this.tasksWanted = out.wantTasks
    if (out.wantStatus) this.statusWanted = true
    if (out.confirm) this.schedule(this.confirmDelayMs, 'confirm')
    else this.schedule(out.backoffMs ?? this.intervalMs, 'regular')
  }

  /** The poll ran past its deadline: abandoned, and said as a timeout. */
  private overrun(): CycleOutput {
    const s = Math.round(this.pollDeadlineMs / 1000)
    const message = `The cluster did not answer a whole poll within ${s} s (an overloaded node or a stuck pveproxy): what is shown is from the last poll that worked.`
    return this.core.observeFailure({ kind: 'timeout', message, privilege: null, status: null }, this.clock.now())
  }

  private async optional(fn: () => Promise<readonly unknown[]>): Promise<{ ok: readonly unknown[] | null; err: ClassifiedError | null }> {
    try {
      return { ok: await fn(), err: null }
    } catch (e) {
      const err = classifyError(e)
      if (err.kind === 'aborted') throw e
      return { ok: null, err }
    }
  }

  private publish(out: CycleOutput, info: CycleInfo): void {
    this.last = out.snapshot
    for (const m of out.clearedMutes) this.onMuteCleared?.(m)
    for (const fn of this.listeners) {
      try {
        fn(out.snapshot, out.events, info)
      } catch {
        // A failing subscriber must not stop the monitor.
      }
    }
  }
}
