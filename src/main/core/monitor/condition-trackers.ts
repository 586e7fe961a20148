// Conditions rather than transitions: storage above the threshold (with hysteresis), quorum, and
// failed tasks (a failed vzdump as backup-failed). Each is said once when it starts; none repeats per poll.
import type { MonitorEvent } from '../../../shared/snapshot'
import type { EventFactory, EventGuestRef } from './monitor-events'
import type { MuteBook } from './mutes'
import type { ParsedStorage } from './parse-resources'
import type { ParsedTask } from './parse-tasks'
import { taskFailed, taskVmid } from './parse-tasks'
import { taskFailedMessage } from './task-words'

export interface ConditionContext {
  readonly now: number
  readonly events: MonitorEvent[]
  readonly factory: EventFactory
}

export function storageUsage(s: ParsedStorage): number | null {
  return s.used !== null && s.total !== null && s.total > 0 ? s.used / s.total : null
}

/** A shared storage is one store seen from every node: judge it once. */
const storageKey = (s: ParsedStorage): string => (s.shared ? s.storage : s.id)

export class StorageTracker {
  private readonly high = new Set<string>()
  threshold: number
  hysteresis: number

  constructor(threshold: number, hysteresis: number) {
    this.threshold = threshold
    this.hysteresis = hysteresis
  }

  observe(storage: readonly ParsedStorage[], ctx: ConditionContext): void {
    const done = new Set<string>()
    for (const s of storage) {
      const key = storageKey(s)
      const usage = storageUsage(s)
      if (done.has(key) || usage === null) continue
      done.add(key)
      if (usage >= this.threshold && !this.high.has(key)) {
        this.high.add(key)
        const pct = Math.round(usage * 100)
        const where = s.shared ? 'shared' : `on ${s.node}`
        ctx.events.push(
          ctx.factory.make({
            kind: 'storage-high',
            at: ctx.now,
            node: s.shared ? null : s.node,
            storage: s.storage,
            message: `Storage ${s.storage} (${where}) is ${pct}% full (threshold ${Math.round(this.threshold * 100)}%).`
          })
        )
      } else if (usage < this.threshold - this.hysteresis) {
        this.high.delete(key)
      }
    }
  }
}

export class QuorumTracker {
  private announcedLost = false
  quorate: boolean | null = null

  observe(quorate: boolean | null, ctx: ConditionContext): void {
    this.quorate = quorate
    if (quorate === false && !this.announcedLost) {
      this.announcedLost = true
      ctx.events.push(
        ctx.factory.make({
          kind: 'quorum-lost',
          at: ctx.now,
          message: 'The cluster lost quorum: guests cannot be started or changed until enough nodes are back.'
        })
      )
    } else if (quorate === true && this.announcedLost) {
      this.announcedLost = false
      ctx.events.push(ctx.factory.make({ kind: 'quorum-regained', at: ctx.now, message: 'The cluster is quorate again.' }))
    }
  }
}

const SEEN_CAP = 5000

/** Reports tasks that ended with a failure since the previous fetch; the first fetch is a baseline. */
export class TaskTracker {
  private seen = new Set<string>()
  private baselined = false

  observe(
    tasks: readonly ParsedTask[],
    userUpids: ReadonlySet<string>,
    mutes: MuteBook,
    guestRef: (vmid: number) => EventGuestRef | null,
    ctx: ConditionContext
  ): void {
    const first = !this.baselined
    this.baselined = true
    for (const t of tasks) {
      if (t.endtime === null && t.status === null) continue
      if (this.seen.has(t.upid)) continue
      this.seen.add(t.upid)
      if (first || !taskFailed(t.status)) continue
      const vmid = taskVmid(t)
      if (mutes.node(t.node, ctx.now) || (vmid !== null && mutes.guest(vmid, ctx.now))) continue
      const guest = vmid !== null ? guestRef(vmid) : null
      // The user's own action already reported its failure through task:progress (and the tray's
      // notice): it stays in the timeline, marked, so the policy does not notify a second time.
      const byUser = userUpids.has(t.upid)
      ctx.events.push(
        ctx.factory.make({
          // A failed backup is its own kind (its own notification, opted out per cluster), never also a task-failed.
          kind: t.type === 'vzdump' ? 'backup-failed' : 'task-failed',
          at: ctx.now,
          node: t.node,
          guest,
          message: taskFailedMessage(t, vmid, guest, byUser),
          detail: t.status,
          byUser
        })
      )
    }
    if (this.seen.size > SEEN_CAP) this.seen = new Set(tasks.map((t) => t.upid))
  }
}
