// Parsed Proxmox records → the frozen views the snapshot publishes. A guest on an offline node is
// shown as stale with state 'unknown' and no figures: Proxmox keeps its last status for ~5 min,
// and we must never claim it is running.
import type { ClusterMode, GuestView, MuteInfo, NodeView, StorageView } from '../../../shared/snapshot'
import type { PowerTarget } from '../clusters/privileges'
import { storageUsage } from './condition-trackers'
import type { FiguresShown } from './figures-shown'
import { guestActions } from './guest-actions'
import type { GuestFigures } from './guest-figures'
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

/** What a guest's view is judged by besides its record; see guest-view-cache.ts. */
export interface GuestViewContext {
  /** Whose moving figures are shown (see figures-shown.ts); the others' are null, as for a guest nothing is known of. */
  readonly figures: FiguresShown
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
 * `shown`: its figures are shown. `before`: the guest's last view when it was judged with the same mode, power
 * answer and node state; its actions are kept when what they are judged by is the same (a shown running guest
 * gets a new view every poll for its figures alone).
 */
export function buildGuestView(g: ParsedGuest, ctx: GuestViewContext, can: boolean | null, shown: boolean, before?: GuestView): GuestView {
  const stale = ctx.offlineNodes.has(g.node)
  const figures = !stale && shown
  const f = g.figures
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
    cpu: figures ? f.cpu : null,
    maxcpu: g.maxcpu,
    mem: figures ? f.mem : null,
    maxmem: g.maxmem,
    disk: figures ? f.disk : null,
    maxdisk: g.maxdisk,
    uptime: figures ? f.uptime : null,
    lock: g.lock,
    hastate: g.hastate,
    pool: g.pool,
    diskReadRate: figures ? f.diskReadRate : null,
    diskWriteRate: figures ? f.diskWriteRate : null,
    netInRate: figures ? f.netInRate : null,
    netOutRate: figures ? f.netOutRate : null,
    stale,
    staleReason: stale ? `node ${g.node} is offline` : null,
    alerts: ctx.alertsFor(g),
    muted: ctx.muteFor(g.vmid),
    actions,
    actionsDisabledReason: reason,
    busy: ctx.busy.has(g.vmid)
  })
}

/** `v` (a view built with its figures shown, its node online) with the figures of a newer reading. */
export function withNewFigures(v: GuestView, f: GuestFigures): GuestView {
  return Object.freeze({
    ...v,
    cpu: f.cpu,
    mem: f.mem,
    disk: f.disk,
    uptime: f.uptime,
    diskReadRate: f.diskReadRate,
    diskWriteRate: f.diskWriteRate,
    netInRate: f.netInRate,
    netOutRate: f.netOutRate
  })
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
