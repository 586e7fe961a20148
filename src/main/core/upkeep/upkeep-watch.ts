// Reads every watched cluster's node upkeep on its own schedule, never in the poll: updates, certificates and
// the subscription every few hours, replication jobs every 10 minutes, each node only while it is online; and
// at once when the user asks ("Check again"). A timer that only compares timestamps wakes every 15 s; the
// reads are what cost, and they happen only when due. Same style as app/certificate-watch (unref'd timer,
// stop()), but about what the nodes report of themselves, not about the TLS pins.
import type { MonitorEvent } from '../../../shared/snapshot'
import type { ClusterUpkeep, NodeUpkeep } from '../../../shared/upkeep'
import type { ClusterRegistry } from '../clusters/types'
import { EventFactory, EventRing } from '../monitor/monitor-events'
import { notKnown, readCertificate, readReplication, readSubscription, readUpdates } from './read-facts'
import { certificateEvents, type EventMaker, replicationEvents, type UpkeepMemory } from './upkeep-events'

export interface UpkeepWatchOptions {
  readonly registry: Pick<ClusterRegistry, 'all' | 'snapshot'>
  readonly now: () => number
  readonly log: (line: string) => void
  /** New events (certificate stages, failing replication): to the timeline and the notifications. */
  readonly onEvents: (clusterId: string, events: readonly MonitorEvent[]) => void
  /** Updates, certificates, subscription. Default 3 h. */
  readonly slowEveryMs?: number
  /** Replication jobs. Default 10 min. */
  readonly replicationEveryMs?: number
  /** How often due work is looked for (the first look after this too). Default 15 s, the first look after 3 s. */
  readonly tickMs?: number
}

interface NodeEntry {
  view: NodeUpkeep
  slowAt: number
  replicationAt: number
}

interface ClusterEntry {
  readonly nodes: Map<string, NodeEntry>
  readonly events: EventRing
  readonly maker: EventMaker
  running: Promise<void> | null
  /** "Check again" in progress, per node ('' = all): a second ask joins it (a renderer cannot pile up reads). */
  readonly checks: Map<string, Promise<void>>
}

const nothingYet = (node: string, why = 'not known yet: not read so far'): NodeUpkeep => {
  const not = notKnown(why, null)
  return { node, updates: not, certificate: not, replication: not, subscription: not }
}

export class UpkeepWatch {
  private readonly clusters = new Map<string, ClusterEntry>()
  /** The whole run: a cluster restarted by a settings change must not tell the same stage again. */
  private readonly memory: UpkeepMemory = { certificateStages: new Set(), failingJobs: new Set() }
  private timer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(private readonly o: UpkeepWatchOptions) {}

  start(): void {
    if (this.timer !== null || this.stopped) return
    this.schedule(this.o.tickMs ?? 3000)
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  /** What is known of each node of the cluster now (nodes the snapshot lists, in its order). */
  view(clusterId: string): ClusterUpkeep {
    const c = this.clusters.get(clusterId)
    const nodes = this.o.registry.snapshot(clusterId)?.nodes ?? []
    return {
      clusterId,
      checking: c?.running != null,
      nodes: nodes.map(
        (n) =>
          c?.nodes.get(n.name)?.view ?? nothingYet(n.name, n.status === 'online' && n.staleReason === null ? undefined : 'not known: the node is not answering')
      )
    }
  }

  events(): readonly MonitorEvent[] {
    return [...this.clusters.values()].flatMap((c) => c.events.list())
  }

  /** Every read of the cluster's online nodes (or one node) now, whatever is due; resolves when done. */
  checkNow(clusterId: string, node?: string): Promise<void> {
    const c = this.entry(clusterId)
    if (c === null) return Promise.resolve()
    const key = node ?? ''
    const joined = c.checks.get(key)
    if (joined !== undefined) return joined
    const p = (async () => {
      // One round at a time per cluster: a scheduled one finishes first.
      while (c.running !== null) await c.running
      await this.round(clusterId, c, { force: true, ...(node === undefined ? {} : { node }) })
    })().finally(() => c.checks.delete(key))
    c.checks.set(key, p)
    return p
  }

  /** One look for due work in every cluster now (the timer's). */
  private async tick(): Promise<void> {
    const ids = new Set(this.o.registry.all().map((rc) => rc.id))
    for (const id of [...this.clusters.keys()]) if (!ids.has(id)) this.clusters.delete(id)
    await Promise.all(
      [...ids].map((id) => {
        const c = this.entry(id)
        return c === null || c.running !== null ? Promise.resolve() : this.round(id, c, { force: false })
      })
    )
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null
      void this.tick().finally(() => {
        if (!this.stopped) this.schedule(this.o.tickMs ?? 15_000)
      })
    }, ms)
    // A check must never keep the process alive.
    this.timer.unref()
  }

  private entry(clusterId: string): ClusterEntry | null {
    const rc = this.o.registry.all().find((r) => r.id === clusterId)
    if (rc === undefined) return null
    let c = this.clusters.get(clusterId)
    if (c === undefined) {
      const f = new EventFactory(clusterId, rc.name)
      // The upkeep's own ids: the monitor's factory numbers its events the same way.
      const maker: EventMaker = {
        make: (input) => {
          const e = f.make(input)
          return Object.freeze({ ...e, id: `${e.id}:upkeep` })
        }
      }
      c = { nodes: new Map(), events: new EventRing(100), maker, running: null, checks: new Map() }
      this.clusters.set(clusterId, c)
    }
    return c
  }

  private round(clusterId: string, c: ClusterEntry, o: { force: boolean; node?: string }): Promise<void> {
    const p = this.readDue(clusterId, c, o).finally(() => {
      if (c.running === p) c.running = null
    })
    c.running = p
    return p
  }

  private async readDue(clusterId: string, c: ClusterEntry, o: { force: boolean; node?: string }): Promise<void> {
    const rc = this.o.registry.all().find((r) => r.id === clusterId)
    const snap = this.o.registry.snapshot(clusterId)
    if (rc === undefined || snap === null) return
    const slowEvery = this.o.slowEveryMs ?? 3 * 3_600_000
    const replicationEvery = this.o.replicationEveryMs ?? 600_000
    const fresh: MonitorEvent[] = []
    // One node after another: a handful of GETs per node, never a burst across a large cluster.
    for (const n of snap.nodes) {
      if (o.node !== undefined && n.name !== o.node) continue
      // A node that is not answering now is not asked: its facts keep the time they were read.
      if (n.status !== 'online' || n.staleReason !== null) continue
      const e = c.nodes.get(n.name) ?? { view: nothingYet(n.name), slowAt: -Infinity, replicationAt: -Infinity }
      c.nodes.set(n.name, e)
      const now = this.o.now()
      const slowDue = o.force || now - e.slowAt >= slowEvery
      const replicationDue = o.force || now - e.replicationAt >= replicationEvery
      if (!slowDue && !replicationDue) continue
      const perms = rc.permissions.current()
      const clock = this.o.now
      const [updates, certificate, subscription, replication] = await Promise.all([
        slowDue ? readUpdates(rc.api, n.name, perms, clock) : e.view.updates,
        slowDue ? readCertificate(rc.api, n.name, clock) : e.view.certificate,
        slowDue ? readSubscription(rc.api, n.name, clock) : e.view.subscription,
        replicationDue ? readReplication(rc.api, n.name, perms, clock) : e.view.replication
      ])
      if (this.stopped || this.clusters.get(clusterId) !== c) return
      if (slowDue) e.slowAt = now
      if (replicationDue) e.replicationAt = now
      e.view = { node: n.name, updates, certificate, subscription, replication }
      if (slowDue) fresh.push(...certificateEvents(this.memory, c.maker, { clusterId, node: n.name, fact: certificate, now: this.o.now() }))
      if (replicationDue)
        fresh.push(...replicationEvents(this.memory, c.maker, { clusterId, node: n.name, fact: replication, now: this.o.now(), snapshot: snap }))
    }
    if (fresh.length === 0) return
    this.o.log(`upkeep: ${fresh.length} event(s) in ${clusterId}`)
    c.events.push(fresh)
    this.o.onEvents(clusterId, fresh)
  }
}
