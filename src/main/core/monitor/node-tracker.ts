// Node up/down judgement: a change is believed only when a second poll (the confirming re-probe)
// shows it again, so a one-poll blip raises nothing. Confirmed transitions are counted; a node
// with too many in the window is reported ONCE as flapping and stays quiet until it settles.
// node-up is only said after a node-down was said (no "up" storms after a baseline).
import type { MonitorEvent } from '../../../shared/snapshot'
import type { EventFactory } from './monitor-events'
import { formatDuration } from './monitor-events'
import type { MuteBook, MuteEntry } from './mutes'

export interface NodeJudgeConfig {
  readonly flapWindowMs: number
  readonly flapTransitions: number
}

interface NodeTrack {
  up: boolean
  announcedDown: boolean
  downSince: number | null
  pending: { up: boolean; since: number } | null
  transitions: number[]
  flapping: boolean
}

export interface NodeJudgeContext {
  readonly now: number
  /** Adopt what is seen without judging (first poll, after resume, after unreachable/auth). */
  readonly baseline: boolean
  readonly events: MonitorEvent[]
  readonly factory: EventFactory
  readonly mutes: MuteBook
  readonly clearedMutes: MuteEntry[]
}

export class NodeTracker {
  private readonly tracks = new Map<string, NodeTrack>()
  private readonly cfg: NodeJudgeConfig

  constructor(cfg: NodeJudgeConfig) {
    this.cfg = cfg
  }

  /** Judges one poll. Returns true while a change awaits confirmation. */
  observe(nodes: ReadonlyArray<{ name: string; up: boolean }>, ctx: NodeJudgeContext): boolean {
    let pending = false
    const seen = new Set<string>()
    for (const n of nodes) {
      seen.add(n.name)
      if (this.observeOne(n.name, n.up, ctx)) pending = true
    }
    // Nodes removed from the cluster are forgotten (no event: removal is a deliberate admin act).
    for (const name of this.tracks.keys()) if (!seen.has(name)) this.tracks.delete(name)
    return pending
  }

  private observeOne(name: string, up: boolean, ctx: NodeJudgeContext): boolean {
    const t = this.tracks.get(name)
    if (!t) {
      this.tracks.set(name, { up, announcedDown: false, downSince: up ? null : ctx.now, pending: null, transitions: [], flapping: false })
      return false
    }
    this.settleFlapping(name, t, ctx)
    if (ctx.baseline) {
      t.pending = null
      if (up) {
        t.announcedDown = false
        t.downSince = null
      } else if (t.downSince === null) t.downSince = ctx.now
      t.up = up
      return false
    }
    if (up === t.up) {
      t.pending = null
      return false
    }
    if (t.pending === null || t.pending.up !== up) {
      t.pending = { up, since: ctx.now }
      return true
    }
    this.confirm(name, t, t.pending.since, ctx)
    return false
  }

  private confirm(name: string, t: NodeTrack, since: number, ctx: NodeJudgeContext): void {
    const up = !t.up
    t.up = up
    t.pending = null
    t.downSince = up ? null : since
    const cleared = up ? ctx.mutes.nodeUp(name) : null
    if (cleared) ctx.clearedMutes.push(cleared)
    t.transitions.push(ctx.now)
    t.transitions = t.transitions.filter((at) => ctx.now - at <= this.cfg.flapWindowMs)
    const muted = ctx.mutes.node(name, ctx.now) !== null
    if (t.flapping) return
    if (t.transitions.length >= this.cfg.flapTransitions) {
      t.flapping = true
      if (!muted) {
        // The user was told something is wrong: its settling (up) will be said too.
        t.announcedDown = true
        const win = formatDuration(this.cfg.flapWindowMs)
        ctx.events.push(
          ctx.factory.make({
            kind: 'node-flapping',
            at: ctx.now,
            node: name,
            message: `${name} is flapping: ${t.transitions.length} up/down changes in ${win}. Further changes are not reported until it settles.`
          })
        )
      }
      return
    }
    if (!up) {
      if (muted) return
      t.announcedDown = true
      ctx.events.push(ctx.factory.make({ kind: 'node-down', at: ctx.now, node: name, message: `${name} is down (offline in the cluster).` }))
    } else if (t.announcedDown) {
      t.announcedDown = false
      if (muted) return
      const after = formatDuration(ctx.now - since)
      ctx.events.push(ctx.factory.make({ kind: 'node-up', at: ctx.now, node: name, message: `${name} is up again.`, detail: `seen back ${after} ago` }))
    }
  }

  /** A flapping node that stayed quiet for the whole window has settled: say where it ended up. */
  private settleFlapping(name: string, t: NodeTrack, ctx: NodeJudgeContext): void {
    if (!t.flapping) return
    const last = t.transitions[t.transitions.length - 1] ?? 0
    if (ctx.now - last < this.cfg.flapWindowMs) return
    t.flapping = false
    t.transitions = []
    if (ctx.baseline || ctx.mutes.node(name, ctx.now) !== null) return
    if (!t.up) {
      t.announcedDown = true
      ctx.events.push(ctx.factory.make({ kind: 'node-down', at: ctx.now, node: name, message: `${name} stopped flapping and is down.` }))
    } else if (t.announcedDown) {
      t.announcedDown = false
      ctx.events.push(ctx.factory.make({ kind: 'node-up', at: ctx.now, node: name, message: `${name} stopped flapping and is up.` }))
    }
  }

  /** Pending confirmations are void once the cluster itself cannot be reached. */
  dropPending(): void {
    for (const t of this.tracks.values()) t.pending = null
  }

  isDown(name: string): boolean {
    return this.tracks.get(name)?.up === false
  }

  downSince(name: string): number | null {
    return this.tracks.get(name)?.downSince ?? null
  }

  isFlapping(name: string): boolean {
    return this.tracks.get(name)?.flapping ?? false
  }
}
