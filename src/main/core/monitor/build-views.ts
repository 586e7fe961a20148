// Parsed Proxmox records → the frozen views the snapshot publishes. A guest on an offline node is
// shown as stale with state 'unknown' and no figures: Proxmox keeps its last status for ~5 min,
// and we must never claim it is running.
import type { ClusterMode, GuestView, MuteInfo, NodeView, StorageView } from '../../../shared/snapshot'
import type { PowerTarget } from '../clusters/privileges'
import { storageUsage } from './condition-trackers'
import { guestActions } from './guest-actions'
import { normaliseGuestState } from './guest-state'
import type { ParsedGuest, ParsedNode, ParsedStorage } from './parse-resources'

export interface NodeViewExtras {
  readonly ip: string | null
  readonly downSince: number | null
  readonly flapping: boolean
  readonly muted: MuteInfo | null
}

export function buildNodeView(n: ParsedNode, x: NodeViewExtras): NodeView {
  const offline = n.status === 'offline'
  return Object.freeze({
    name: n.name,
    status: n.status,
    cpu: offline ? null : n.cpu,
    maxcpu: n.maxcpu,
    mem: offline ? null : n.mem,
    maxmem: n.maxmem,
    disk: offline ? null : n.disk,
    maxdisk: n.maxdisk,
    uptime: offline ? null : n.uptime,
    ip: x.ip,
    level: n.level,
    downSince: x.downSince,
    flapping: x.flapping,
    muted: x.muted,
    staleReason: null,
    lastSeen: null
  })
}

export interface GuestViewContext {
  /** Show guests' moving figures (cpu, mem, disk, uptime, I/O rates); false: null, as for a guest nothing is known of. */
  readonly metrics?: boolean
  readonly mode: ClusterMode
  readonly canPowerMgmt: (g: PowerTarget) => boolean | null
  /** canPowerMgmt's answer for a guest (its vmid and pool) is the one given before while this is the same (see MonitorSettings). */
  readonly powerEpoch: unknown
  readonly offlineNodes: ReadonlySet<string>
  readonly alertsFor: (g: ParsedGuest) => boolean
  readonly muteFor: (vmid: number) => MuteInfo | null
  readonly busy: ReadonlySet<number>
}

/**
 * `before`: the guest's last view when it was judged with the same mode, power answer and node state; its actions
 * are kept when what they are judged by is the same (with a dashboard open a running guest gets a new view every
 * poll for its figures alone).
 */
function buildGuestView(g: ParsedGuest, ctx: GuestViewContext, can: boolean | null, before?: GuestView): GuestView {
  const stale = ctx.offlineNodes.has(g.node)
  const figures = !stale && ctx.metrics !== false
  const state = stale ? 'unknown' : normaliseGuestState(g.kind, g.status, g.lock)
  const { actions, reason } =
    before !== undefined &&
    before.state === state &&
    before.template === g.template &&
    before.lock === g.lock &&
    before.kind === g.kind &&
    before.pool === g.pool
      ? { actions: before.actions, reason: before.actionsDisabledReason }
      : guestActions(
          { vmid: g.vmid, pool: g.pool, kind: g.kind, state, template: g.template, lock: g.lock, nodeOnline: !stale },
          { mode: ctx.mode, canPowerMgmt: () => can }
        )
  return Object.freeze({
    id: g.id,
    vmid: g.vmid,
    kind: g.kind,
    node: g.node,
    name: g.name !== null && g.name !== '' ? g.name : `${g.kind === 'qemu' ? 'VM' : 'CT'} ${g.vmid}`,
    status: g.status,
    state,
    template: g.template,
    // Already frozen by the parser (and shared between guests with the same tag string).
    tags: Object.isFrozen(g.tags) ? g.tags : Object.freeze(g.tags.slice()),
    cpu: figures ? g.cpu : null,
    maxcpu: g.maxcpu,
    mem: figures ? g.mem : null,
    maxmem: g.maxmem,
    disk: figures ? g.disk : null,
    maxdisk: g.maxdisk,
    uptime: figures ? g.uptime : null,
    lock: g.lock,
    hastate: g.hastate,
    pool: g.pool,
    diskReadRate: figures ? g.diskReadRate : null,
    diskWriteRate: figures ? g.diskWriteRate : null,
    netInRate: figures ? g.netInRate : null,
    netOutRate: figures ? g.netOutRate : null,
    stale,
    staleReason: stale ? `node ${g.node} is offline` : null,
    alerts: ctx.alertsFor(g),
    muted: ctx.muteFor(g.vmid),
    actions,
    actionsDisabledReason: reason,
    busy: ctx.busy.has(g.vmid)
  })
}

interface CachedGuestView {
  parsed: ParsedGuest
  metrics: boolean
  mode: ClusterMode
  can: boolean | null
  /** The powerEpoch `can` was asked under. */
  epoch: unknown
  stale: boolean
  alerts: boolean
  muted: MuteInfo | null
  busy: boolean
  view: GuestView
  /** The snapshot that last showed this guest. */
  seen: number
}

/** What, besides each record and the context's fields, a snapshot's whole guest list depends on. */
export interface GuestListInputs {
  readonly guests: readonly ParsedGuest[]
  /** The offline nodes, in a fixed order. */
  readonly offlineKey: string
  /** Changes (by identity) whenever an alert choice does (CoreState.alertsEpoch). */
  readonly alertsEpoch: unknown
  /** No guest is muted and none busy: muteFor and busy answer the same for every guest whatever the time. */
  readonly quiet: boolean
}

/**
 * The last view built per guest: a guest whose record (kept by the reader when unchanged) and whose
 * judgement inputs are the same keeps its view object. Unchanged guests then cost no allocation, and the
 * state delta, the tray and the renderer's memoized rows skip them by reference. Entries are updated in
 * place: per-poll bookkeeping objects would outlive the poll and burden the garbage collector.
 */
export class GuestViewCache {
  readonly #entries = new Map<number, CachedGuestView>()
  #round = 0
  #lastList: (GuestListInputs & { metrics: boolean; mode: ClusterMode; powerEpoch: unknown; views: GuestView[] }) | null = null

  /**
   * Every guest's view. The same records (the reader kept every guest's), judged by the same inputs, give the
   * previous list itself: a quiet poll then costs no lookup per guest, and the snapshot's guest list stays the
   * same array (what compares it next, the state delta and the tray, finds that at once).
   */
  views(o: GuestListInputs, ctx: GuestViewContext): GuestView[] {
    const metrics = ctx.metrics !== false
    const l = this.#lastList
    if (
      l !== null &&
      l.quiet &&
      o.quiet &&
      l.metrics === metrics &&
      l.mode === ctx.mode &&
      l.powerEpoch === ctx.powerEpoch &&
      l.offlineKey === o.offlineKey &&
      l.alertsEpoch === o.alertsEpoch &&
      sameRecords(l.guests, o.guests)
    )
      return l.views
    const views = o.guests.map((g) => this.view(g, ctx))
    this.sweep()
    this.#lastList = { ...o, metrics, mode: ctx.mode, powerEpoch: ctx.powerEpoch, views }
    return views
  }

  view(g: ParsedGuest, ctx: GuestViewContext): GuestView {
    const c = this.#entries.get(g.vmid)
    // Asking the permissions per guest per poll was most of this loop: the answer depends only on what a
    // PowerTarget holds (vmid, pool) and on what it is judged by (the epoch), so it is asked again only when one
    // of those changed (not when the guest's figures did, which with a dashboard open is every poll).
    const can = c !== undefined && c.parsed.pool === g.pool && c.epoch === ctx.powerEpoch ? c.can : ctx.canPowerMgmt(g)
    const stale = ctx.offlineNodes.has(g.node)
    const alerts = ctx.alertsFor(g)
    const muted = ctx.muteFor(g.vmid)
    const busy = ctx.busy.has(g.vmid)
    const metrics = ctx.metrics !== false
    if (c === undefined) {
      const view = buildGuestView(g, ctx, can)
      this.#entries.set(g.vmid, { parsed: g, metrics, mode: ctx.mode, can, epoch: ctx.powerEpoch, stale, alerts, muted, busy, view, seen: this.#round })
      return view
    }
    c.seen = this.#round
    c.epoch = ctx.powerEpoch
    if (
      c.parsed === g &&
      c.metrics === metrics &&
      c.mode === ctx.mode &&
      c.can === can &&
      c.stale === stale &&
      c.alerts === alerts &&
      c.muted === muted &&
      c.busy === busy
    )
      return c.view
    const before = c.mode === ctx.mode && c.can === can && c.stale === stale ? c.view : undefined
    c.parsed = g
    c.metrics = metrics
    c.mode = ctx.mode
    c.can = can
    c.stale = stale
    c.alerts = alerts
    c.muted = muted
    c.busy = busy
    c.view = buildGuestView(g, ctx, can, before)
    return c.view
  }

  /** Ends a snapshot: guests it did not show are forgotten. */
  private sweep(): void {
    const round = this.#round
    // forEach: no [key, value] pair allocated per entry.
    this.#entries.forEach((c, vmid) => {
      if (c.seen !== round) this.#entries.delete(vmid)
    })
    this.#round++
  }
}

function sameRecords(a: readonly ParsedGuest[], b: readonly ParsedGuest[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function buildStorageView(s: ParsedStorage, threshold: number): StorageView {
  const usage = storageUsage(s)
  return Object.freeze({
    id: s.id,
    storage: s.storage,
    node: s.node,
    plugintype: s.plugintype,
    shared: s.shared,
    status: s.status,
    content: Object.freeze(s.content.slice()),
    used: s.used,
    total: s.total,
    usage,
    aboveThreshold: usage !== null && usage >= threshold
  })
}
