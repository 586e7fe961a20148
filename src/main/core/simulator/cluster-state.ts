import { type GuestMetrics, guestMetrics, type NodeMetrics, nodeMetrics } from './metrics'
import type { SimClusterSpec, SimGuestPatch, SimGuestSpec, SimGuestState, SimGuestStatus, SimNodeSpec, SimNodeState, SimStorageSpec } from './types'
import type { SimCephSpec } from './types-ceph'

/** A guest as the simulator keeps it: its spec with defaults filled in, plus run-time state. */
export interface GuestRec extends Omit<SimGuestSpec, 'template' | 'load'> {
  template: boolean
  load: number
  startedAt?: number
  ignoreShutdown: boolean
  /** pvestatd's view lags: the status before the last change, and when it changed (see reportedGuest). */
  prevStatus?: SimGuestStatus
  statusChangedAt?: number
}

export interface NodeRec {
  readonly spec: SimNodeSpec
  readonly index: number
  readonly nodeid: number
  bootAt: number
  up: boolean
  /** systemd units stopped on purpose (faults.stopService); reported over SSH. */
  readonly stoppedServices: Set<string>
  downMode?: 'refuse' | 'hang'
  downSince?: number
  /** guest statuses/metrics as last reported before the node went down */
  frozen?: Map<number, { status: SimGuestStatus; metrics: GuestMetrics }>
  frozenNode?: NodeMetrics
}

export interface StateTiming {
  offlineAfterMs: number
  rrdGraceMs: number
  statsIntervalMs: number
  seed: number
  now: () => number
}

/** The cluster as pmxcfs/corosync/pvestatd would describe it; everything time-dependent is computed on read. */
export class ClusterState {
  readonly name: string
  readonly nodes = new Map<string, NodeRec>()
  readonly guests = new Map<number, GuestRec>()
  readonly storages: SimStorageSpec[]
  readonly pools: Map<string, { comment?: string }>
  forcedNoQuorum = false
  /** Null: Ceph is not installed on the nodes. */
  ceph: SimCephSpec | null
  configVersion: number

  constructor(
    spec: SimClusterSpec,
    readonly t: StateTiming
  ) {
    this.name = spec.name
    this.ceph = spec.ceph === undefined ? null : { ...spec.ceph }
    const now = t.now()
    spec.nodes.forEach((n, i) => {
      this.nodes.set(n.name, {
        spec: { ...n },
        index: i,
        nodeid: i + 1,
        bootAt: now - (9 + i * 3) * 86400_000 - i * 3_600_000,
        up: true,
        stoppedServices: new Set()
      })
    })
    this.configVersion = spec.nodes.length + 2
    for (const g of spec.guests) this.addGuest(g)
    this.storages = spec.storages.map((s) => ({ ...s }))
    this.pools = new Map(spec.pools.map((p) => [p.pool, p.comment === undefined ? {} : { comment: p.comment }]))
  }

  addGuest(g: SimGuestSpec): void {
    if (!this.nodes.has(g.node)) throw new Error(`unknown node '${g.node}'`)
    if (this.guests.has(g.vmid)) throw new Error(`duplicate vmid ${g.vmid}`)
    const now = this.t.now()
    const rec: GuestRec = {
      vmid: g.vmid,
      type: g.type,
      node: g.node,
      name: g.name,
      status: g.status,
      maxcpu: g.maxcpu,
      maxmem: g.maxmem,
      maxdisk: g.maxdisk,
      template: g.template ?? false,
      load: g.load ?? 0.1,
      ignoreShutdown: false
    }
    if (g.tags !== undefined) rec.tags = g.tags
    if (g.lock !== undefined) rec.lock = g.lock
    if (g.hastate !== undefined) rec.hastate = g.hastate
    if (g.pool !== undefined) rec.pool = g.pool
    if (g.agent !== undefined) rec.agent = g.agent
    if (g.status !== 'stopped') rec.startedAt = now - (3600 + (g.vmid % 97) * 7200) * 1000
    this.guests.set(g.vmid, rec)
  }

  updateGuest(vmid: number, p: SimGuestPatch): void {
    const g = this.guests.get(vmid)
    if (!g) throw new Error(`no guest ${vmid}`)
    if (p.name !== undefined) g.name = p.name
    if (p.status !== undefined) this.setStatus(g, p.status)
    if (p.template !== undefined) g.template = p.template
    if (p.node !== undefined) {
      if (!this.nodes.has(p.node)) throw new Error(`unknown node '${p.node}'`)
      g.node = p.node
    }
    for (const k of ['tags', 'lock', 'hastate'] as const) {
      const v = p[k]
      if (v === null) delete g[k]
      else if (v !== undefined) g[k] = v
    }
  }

  setStatus(g: GuestRec, status: SimGuestStatus): void {
    if (status === 'stopped') delete g.startedAt
    else if (g.startedAt === undefined) g.startedAt = this.t.now()
    if (status !== g.status) {
      g.prevStatus = g.status
      g.statusChangedAt = this.t.now()
    }
    g.status = status
  }

  /**
   * The status /cluster/resources shows: what pvestatd reported at its last 10 s tick (statsIntervalMs), so a
   * change shows there only after the next tick. status/current asks the node itself and is always current.
   */
  pvestatdStatus(g: GuestRec): SimGuestStatus {
    if (g.statusChangedAt === undefined || g.prevStatus === undefined) return g.status
    return g.statusChangedAt > this.statsTime() ? g.prevStatus : g.status
  }

  /** corosync membership: a down node stays a member for offlineAfterMs (token timeout + consensus). */
  isOnline(n: NodeRec): boolean {
    return n.up || (n.downSince !== undefined && this.t.now() - n.downSince < this.t.offlineAfterMs)
  }

  /** pmxcfs drops RRD entries not updated for 5 minutes */
  hasRrd(n: NodeRec): boolean {
    return n.up || (n.downSince !== undefined && this.t.now() - n.downSince < this.t.rrdGraceMs)
  }

  quorate(): boolean {
    if (this.forcedNoQuorum) return false
    let online = 0
    for (const n of this.nodes.values()) if (this.isOnline(n)) online++
    return online * 2 > this.nodes.size
  }

  /** time of the last pvestatd report (metrics change in steps) */
  statsTime(): number {
    const now = this.t.now()
    return now - (now % this.t.statsIntervalMs)
  }

  liveGuestMetrics(g: GuestRec, at = this.statsTime()): GuestMetrics {
    const startedAt = g.startedAt === undefined ? undefined : Math.min(g.startedAt, at)
    return guestMetrics({ ...g, paused: g.status === 'paused', ...(startedAt === undefined ? {} : { startedAt }) }, at, this.t.seed)
  }

  /** status + metrics as the cluster reports them (frozen while a down node's RRD entry lives), or undefined without RRD */
  reportedGuest(g: GuestRec): { status: SimGuestStatus; metrics: GuestMetrics } | undefined {
    const n = this.nodes.get(g.node)
    if (!n) return undefined
    if (n.up) return { status: this.pvestatdStatus(g), metrics: this.liveGuestMetrics(g) }
    if (!this.hasRrd(n)) return undefined
    return n.frozen?.get(g.vmid)
  }

  nodeMetricsOf(n: NodeRec): NodeMetrics {
    if (!n.up && n.frozenNode) return n.frozenNode
    const at = this.statsTime()
    const gs = [...this.guests.values()].filter((g) => g.node === n.spec.name && g.startedAt !== undefined)
    const cpus = gs.reduce((s, g) => s + g.maxcpu, 0)
    return nodeMetrics(
      { index: n.index, maxcpu: n.spec.maxcpu, maxmem: n.spec.maxmem, maxdisk: n.spec.maxdisk, bootAt: n.bootAt },
      gs.map((g) => this.liveGuestMetrics(g, at)),
      cpus,
      at,
      this.t.seed
    )
  }

  markDown(name: string, mode: 'refuse' | 'hang'): void {
    const n = this.mustNode(name)
    if (!n.up) {
      n.downMode = mode
      return
    }
    n.frozenNode = this.nodeMetricsOf(n)
    n.frozen = new Map()
    for (const g of this.guests.values()) if (g.node === name) n.frozen.set(g.vmid, { status: g.status, metrics: this.liveGuestMetrics(g) })
    n.up = false
    n.downMode = mode
    n.downSince = this.t.now()
  }

  markUp(name: string): void {
    const n = this.mustNode(name)
    n.up = true
    delete n.downMode
    delete n.downSince
    delete n.frozen
    delete n.frozenNode
  }

  mustNode(name: string): NodeRec {
    const n = this.nodes.get(name)
    if (!n) throw new Error(`unknown node '${name}'`)
    return n
  }

  poolMembers(): Map<string, number[]> {
    const m = new Map<string, number[]>()
    for (const p of this.pools.keys()) m.set(p, [])
    for (const g of this.guests.values()) if (g.pool) m.get(g.pool)?.push(g.vmid)
    return m
  }

  storagesOn(node: string): SimStorageSpec[] {
    return this.storages.filter((s) => !s.nodes || s.nodes.includes(node))
  }

  guestView(g: GuestRec): SimGuestState {
    const { ignoreShutdown: _i, load: _l, startedAt: _s, ...rest } = g
    return { ...rest }
  }

  nodeView(n: NodeRec): SimNodeState {
    return { name: n.spec.name, level: n.spec.level, up: n.up, online: this.isOnline(n), ...(n.downMode ? { downMode: n.downMode } : {}) }
  }
}
