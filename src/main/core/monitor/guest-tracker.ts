// Guest judgement. guest-state: any change of state (timeline). guest-down: an alert-enabled guest
// that was running is stopped/unknown, confirmed by a second poll, and nothing explains it: no user
// action of ours, no lock (backup, migrate, hibernate) and no stop/shutdown/backup/migrate task on
// that vmid started within the window. guest-up only follows a guest-down. Guests whose node is
// offline are not judged: the node's event covers them.
import type { GuestKind, GuestState } from '../../../shared/snapshot'
import { guestLabel } from './monitor-events'
import type { NodeJudgeContext } from './node-tracker'
import type { ParsedTask } from './parse-tasks'
import { taskVmid } from './parse-tasks'

export interface JudgedGuest {
  readonly vmid: number
  readonly kind: GuestKind
  readonly name: string
  readonly node: string
  readonly state: GuestState
  readonly lock: string | null
  readonly stale: boolean
  readonly alerts: boolean
}

/** Task types that explain a running guest going down. */
const EXPLAINING_TASKS = new Set([
  'qmstop',
  'qmshutdown',
  'qmreboot',
  'qmsuspend',
  'qmpause',
  'qmigrate',
  'qmdestroy',
  'qmrestore',
  'qmrollback',
  'qmclone',
  'vzstop',
  'vzshutdown',
  'vzreboot',
  'vzsuspend',
  'vzmigrate',
  'vzdestroy',
  'vzrestore',
  'vzrollback',
  'vzdump',
  'hamigrate',
  'harelocate',
  'hastop'
])
const EXPLAINING_LOCKS = new Set(['backup', 'migrate', 'suspending', 'suspended', 'rollback', 'snapshot', 'snapshot-delete', 'clone', 'create', 'destroyed'])

interface GuestTrack {
  state: GuestState
  up: boolean
  announcedDown: boolean
  pending: { up: boolean; since: number } | null
}

export interface GuestJudgeContext extends NodeJudgeContext {
  /** Cluster tasks fetched for this poll, or null when none were fetched. */
  readonly tasks: readonly ParsedTask[] | null
  /** vmid → epoch ms of the user's own latest action on it. */
  readonly userActions: ReadonlyMap<number, number>
  readonly explainWindowMs: number
}

export interface GuestJudgeResult {
  /** A change awaits confirmation. */
  readonly pending: boolean
  /** The confirming poll should also fetch cluster tasks (to look for an explanation). */
  readonly wantTasks: boolean
}

const isDownState = (s: GuestState): boolean => s === 'stopped' || s === 'unknown'

const SETTLED: GuestJudgeResult = Object.freeze({ pending: false, wantTasks: false })

function sameList(a: readonly JudgedGuest[] | null, b: readonly JudgedGuest[]): boolean {
  if (a === b) return true
  if (a === null || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export class GuestTracker {
  private readonly tracks = new Map<number, GuestTrack & { seen: number }>()
  private generation = 0
  /** The list judged last, and whether any guest in it awaits confirmation. */
  private last: readonly JudgedGuest[] | null = null
  private unsettled = true

  observe(guests: readonly JudgedGuest[], ctx: GuestJudgeContext): GuestJudgeResult {
    // The same judged guests (kept per guest while unchanged, see judged-guests.ts) with nothing awaiting
    // confirmation: every guest's state is the one seen and its up/down already adopted, so judging them again
    // raises nothing and changes nothing. Skipped: at 5,000 guests it was a map lookup and a mute check each per poll.
    const same = sameList(this.last, guests)
    this.last = guests
    if (same && !this.unsettled && !ctx.baseline) return SETTLED
    let pending = false
    let wantTasks = false
    let unsettled = false
    const gen = ++this.generation
    // Indexed (every guest, every poll): unoptimised for-of makes an iterator result per guest.
    for (let i = 0; i < guests.length; i++) {
      const g = guests[i] as (typeof guests)[number]
      const t = this.tracks.get(g.vmid)
      if (!t) {
        this.tracks.set(g.vmid, { state: g.state, up: g.state === 'running', announcedDown: false, pending: null, seen: gen })
        continue
      }
      t.seen = gen
      const r = this.observeOne(g, t, ctx)
      if (r === 'pending') pending = true
      if (r === 'pending-tasks') pending = wantTasks = true
      if (t.pending !== null) unsettled = true
    }
    this.unsettled = unsettled
    // Deleted guests are forgotten; migrated ones keep their vmid and so their track.
    if (this.tracks.size > guests.length) for (const [vmid, t] of this.tracks) if (t.seen !== gen) this.tracks.delete(vmid)
    return { pending, wantTasks }
  }

  private observeOne(g: JudgedGuest, t: GuestTrack, ctx: GuestJudgeContext): 'none' | 'pending' | 'pending-tasks' {
    const prev = t.state
    t.state = g.state
    if (g.stale || ctx.baseline) {
      t.pending = null
      t.up = g.state === 'running'
      if (t.up) t.announcedDown = false
      return 'none'
    }
    const muted = ctx.mutes.guest(g.vmid, ctx.now) !== null
    if (prev !== g.state && prev !== 'unknown' && !muted) {
      ctx.events.push(
        ctx.factory.make({
          kind: 'guest-state',
          at: ctx.now,
          node: g.node,
          guest: g,
          message: `${guestLabel(g)} on ${g.node}: ${prev} → ${g.state}.`
        })
      )
    }
    const up = g.state === 'running'
    const down = isDownState(g.state)
    if (!up && !down) {
      t.pending = null
      return 'none'
    }
    if (up === t.up) {
      t.pending = null
      return 'none'
    }
    if (up) return this.judgeUp(g, t, ctx, muted)
    return this.judgeDown(g, t, ctx, muted)
  }

  private judgeUp(g: JudgedGuest, t: GuestTrack, ctx: GuestJudgeContext, muted: boolean): 'none' | 'pending' {
    const cleared = ctx.mutes.guestUp(g.vmid)
    if (cleared) ctx.clearedMutes.push(cleared)
    if (!t.announcedDown) {
      t.up = true
      t.pending = null
      return 'none'
    }
    if (t.pending?.up !== true) {
      t.pending = { up: true, since: ctx.now }
      return 'pending'
    }
    t.up = true
    t.pending = null
    t.announcedDown = false
    if (!muted && g.alerts) {
      ctx.events.push(ctx.factory.make({ kind: 'guest-up', at: ctx.now, node: g.node, guest: g, message: `${guestLabel(g)} is running again on ${g.node}.` }))
    }
    return 'none'
  }

  private judgeDown(g: JudgedGuest, t: GuestTrack, ctx: GuestJudgeContext, muted: boolean): 'none' | 'pending' | 'pending-tasks' {
    if (!g.alerts || muted || this.explained(g, ctx)) {
      t.up = false
      t.pending = null
      return 'none'
    }
    if (t.pending?.up !== false) {
      t.pending = { up: false, since: ctx.now }
      return 'pending-tasks'
    }
    // Without the task list we cannot rule out a stop by someone else: look once more.
    if (ctx.tasks === null) return 'pending-tasks'
    t.up = false
    t.pending = null
    t.announcedDown = true
    ctx.events.push(
      ctx.factory.make({
        kind: 'guest-down',
        at: ctx.now,
        node: g.node,
        guest: g,
        message: `${guestLabel(g)} on ${g.node} was running and is now ${g.state}, with no stop, shutdown or backup task explaining it.`
      })
    )
    return 'none'
  }

  private explained(g: JudgedGuest, ctx: GuestJudgeContext): boolean {
    const since = ctx.now - ctx.explainWindowMs
    const mine = ctx.userActions.get(g.vmid)
    if (mine !== undefined && mine >= since) return true
    if (g.lock !== null && EXPLAINING_LOCKS.has(g.lock)) return true
    if (ctx.tasks === null) return false
    return ctx.tasks.some((task) => taskVmid(task) === g.vmid && EXPLAINING_TASKS.has(task.type) && task.starttime * 1000 >= since)
  }
}
