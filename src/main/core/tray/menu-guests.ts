// The guest part of the tray menu: one submenu per guest offering only the actions its state and
// the token allow (the monitor's guest-actions rule), and a bounded list per node.
import { consoleUnavailableReason } from '../../../shared/guest-links'
import type { ClusterSnapshot, GuestView, MuteInfo, PowerAction } from '../../../shared/snapshot'
import type { AppState } from '../../../shared/views'
import { guestActions } from '../monitor/guest-actions'
import { menuLabel, plainText } from './label-text'
import { addressItems, addressMemoKey, type AddressTable } from './menu-addresses'
import { type ConfirmSpec, info, item, type MenuItemModel, separator, submenu } from './menu-model'
import { actionVerb, isRunning, taskKey, taskLine, type TaskTable } from './task-tracker'

/** How many guests a node submenu lists before "More in dashboard…". */
export const DEFAULT_MAX_GUESTS_PER_NODE = 25

export interface GuestMenuContext {
  readonly state: AppState
  readonly cluster: ClusterSnapshot
  readonly tasks: TaskTable
  readonly idPrefix: string
  /** Submenus of the previous build, reused when nothing they show changed. */
  readonly memo?: GuestMenuMemo
  /** Guests' addresses the user asked for ("Show IP addresses"), kept by the presenter. */
  readonly addresses?: AddressTable
}

/**
 * Guest submenus from the previous build, by item id. A guest's view changes every poll (uptime, counters)
 * while its submenu rarely does: rebuilding 800 submenus per poll, then comparing them, was most of the
 * tray's cost. The key holds everything guestSubmenu reads; a guest with an action in flight is never reused.
 */
export class GuestMenuMemo {
  #last = new Map<string, { key: string; model: MenuItemModel }>()
  #next = new Map<string, { key: string; model: MenuItemModel }>()

  get(id: string, key: string, build: () => MenuItemModel): MenuItemModel {
    const hit = this.#last.get(id)
    const entry = hit !== undefined && hit.key === key ? hit : { key, model: build() }
    this.#next.set(id, entry)
    return entry.model
  }

  /** The entry of `id` stays for the next build without being asked for (its node's submenu was reused whole). */
  keep(id: string): void {
    const hit = this.#last.get(id)
    if (hit !== undefined) this.#next.set(id, hit)
  }

  /** Ends a build: what it did not ask for is forgotten. */
  sweep(): void {
    this.#last = this.#next
    this.#next = new Map()
  }
}

function guestMenuKey(ctx: GuestMenuContext, g: GuestView): string {
  const node = nodesByName(ctx.cluster).get(g.node)
  return [
    ctx.cluster.clusterId,
    ctx.cluster.mode,
    node?.status,
    g.kind,
    g.node,
    g.name,
    g.status,
    g.state,
    g.template,
    g.staleReason,
    g.lock,
    g.busy,
    g.actions.join(','),
    g.actionsDisabledReason,
    g.alerts,
    g.muted?.mode ?? '',
    addressMemoKey(ctx.addresses, ctx.cluster.clusterId, g.vmid)
  ].join('\u0001')
}

const STATE_WORD: Record<GuestView['state'], string> = {
  running: 'running',
  stopped: 'stopped',
  paused: 'paused',
  suspended: 'suspended',
  unknown: 'state unknown',
  other: ''
}

function stateWord(g: GuestView): string {
  const word = STATE_WORD[g.state] || plainText(g.status, 24)
  return g.template ? 'template' : word
}

/**
 * A share in 5 % steps: the menu is a glance, and a figure that moves by a point every poll would rebuild
 * the native menu every poll (closing it under the user's pointer on some Linux desktops). The dashboard
 * shows exact figures.
 */
export function percent(used: number | null, total: number | null): string | null {
  if (used === null || total === null || total <= 0) return null
  return `${Math.round((used / total) * 20) * 5}%`
}

/** The power actions the menu offers: the shared rule, narrowed by what the snapshot says the token allows. */
export function offeredActions(cluster: ClusterSnapshot, g: GuestView): { actions: readonly PowerAction[]; reason: string | null } {
  const node = nodesByName(cluster).get(g.node)
  const reasonMentionsPrivilege = g.actionsDisabledReason !== null && /VM\.PowerMgmt/.test(g.actionsDisabledReason)
  const rule = guestActions(
    { vmid: g.vmid, pool: g.pool, kind: g.kind, state: g.state, template: g.template, lock: g.lock, nodeOnline: node?.status === 'online' },
    { mode: cluster.mode, canPowerMgmt: () => (reasonMentionsPrivilege ? false : null) }
  )
  const actions = rule.actions.filter((a) => g.actions.includes(a))
  // An unknown state says why (the cluster is not answering, …), not "node offline".
  const reason = actions.length > 0 ? null : g.staleReason !== null ? g.actionsDisabledReason : (rule.reason ?? g.actionsDisabledReason)
  return { actions, reason }
}

const nodeIndex = new WeakMap<ClusterSnapshot, ReadonlyMap<string, ClusterSnapshot['nodes'][number]>>()
const guestIndex = new WeakMap<ClusterSnapshot, ReadonlyMap<string, readonly GuestView[]>>()

/** Snapshots are immutable: index each once, not once per guest or per node. */
function nodesByName(cluster: ClusterSnapshot): ReadonlyMap<string, ClusterSnapshot['nodes'][number]> {
  let m = nodeIndex.get(cluster)
  if (m === undefined) nodeIndex.set(cluster, (m = new Map(cluster.nodes.map((n) => [n.name, n]))))
  return m
}

function guestsByNode(cluster: ClusterSnapshot): ReadonlyMap<string, readonly GuestView[]> {
  let m = guestIndex.get(cluster)
  if (m === undefined) {
    const groups = new Map<string, GuestView[]>()
    const guests = cluster.guests
    // Indexed: unoptimised for-of makes an iterator result per guest.
    for (let i = 0; i < guests.length; i++) {
      const g = guests[i] as GuestView
      const list = groups.get(g.node)
      if (list === undefined) groups.set(g.node, [g])
      else list.push(g)
    }
    guestIndex.set(cluster, (m = groups))
  }
  return m
}

/** A node's guests in the snapshot's order (grouped once per snapshot). */
export function guestsOfNode(cluster: ClusterSnapshot, node: string): readonly GuestView[] {
  return guestsByNode(cluster).get(node) ?? NO_GUESTS
}

const NO_GUESTS: readonly GuestView[] = Object.freeze([])

function confirmFor(action: PowerAction, who: string): ConfirmSpec | undefined {
  switch (action) {
    case 'stop':
      return { title: `Stop ${who}?`, message: `Stopping ${who} cuts its power at once: unsaved data inside the guest is lost.`, confirmLabel: 'Stop' }
    case 'shutdown':
      return { title: `Shut down ${who}?`, message: `${who} is asked to shut down cleanly. Services on it become unavailable.`, confirmLabel: 'Shut down' }
    case 'reboot':
      return { title: `Reboot ${who}?`, message: `${who} restarts. Services on it are unavailable until it is back.`, confirmLabel: 'Reboot' }
    default:
      return undefined
  }
}

export function muteSubmenu(id: string, muted: MuteInfo | null, target: { clusterId: string; node?: string; vmid?: number }): MenuItemModel {
  const t = target.vmid !== undefined ? { clusterId: target.clusterId, vmid: target.vmid } : { clusterId: target.clusterId, node: target.node ?? '' }
  const modes = [
    { mode: 'hour', label: 'For 1 hour' },
    { mode: 'until-up', label: 'Until back up' },
    { mode: 'always', label: 'Always' }
  ] as const
  const children: MenuItemModel[] = modes.map((m) =>
    item(
      `${id}:${m.mode}`,
      m.label,
      { kind: 'invoke', channel: 'mute:set', input: { target: t, mode: m.mode } },
      { type: 'checkbox', checked: muted?.mode === m.mode }
    )
  )
  if (muted) children.push(separator(`${id}:sep`), item(`${id}:off`, 'Unmute', { kind: 'invoke', channel: 'mute:set', input: { target: t, mode: 'off' } }))
  return submenu(id, muted ? `Muted (${muted.mode === 'hour' ? '1 hour' : muted.mode === 'until-up' ? 'until back up' : 'always'})` : 'Mute…', children)
}

export function guestSubmenu(ctx: GuestMenuContext, g: GuestView): MenuItemModel {
  const { cluster } = ctx
  const id = `${ctx.idPrefix}:g:${g.vmid}`
  const who = `${plainText(g.name, 40)} (${g.vmid})`
  const kindWord = g.kind === 'qemu' ? 'VM' : 'Container'
  const task = ctx.tasks.get(taskKey(cluster.clusterId, g.vmid))
  const busy = g.busy || (task !== undefined && isRunning(task))

  // No CPU or memory figures per guest: with hundreds of guests listed, one of them crosses a step on
  // almost every poll, and the native menu would be rebuilt (and closed under the pointer) each time.
  // Nodes carry the figures; the dashboard has every guest's.
  const statusLine = `${kindWord} ${g.vmid}: ${stateWord(g)}${g.staleReason !== null ? ` (${g.staleReason})` : ''}`
  const children: MenuItemModel[] = [info(`${id}:status`, menuLabel(statusLine))]
  if (task) children.push(info(`${id}:task`, menuLabel(taskLine(ctx.state, task))))

  const { actions, reason } = offeredActions(cluster, g)
  if (busy) {
    if (!task) children.push(info(`${id}:busy`, 'An action is running…'))
  } else if (actions.length > 0) {
    children.push(separator(`${id}:sep-actions`))
    for (const action of actions) {
      const confirm = confirmFor(action, who)
      const label = confirm ? `${actionVerb(action)}…` : actionVerb(action)
      children.push(
        item(
          `${id}:${action}`,
          label,
          { kind: 'invoke', channel: 'guests:action', input: { clusterId: cluster.clusterId, node: g.node, kind: g.kind, vmid: g.vmid, action } },
          // Dialog text is literal (no accelerators): plain text, not menuLabel.
          confirm ? { confirm: { title: plainText(confirm.title, 120), message: plainText(confirm.message, 300), confirmLabel: confirm.confirmLabel } } : {}
        )
      )
    }
  } else if (reason !== null) {
    children.push(info(`${id}:no-actions`, menuLabel(`No actions: ${reason}`)))
  }

  children.push(
    separator(`${id}:sep-alerts`),
    item(
      `${id}:alerts`,
      'Notify when down',
      { kind: 'invoke', channel: 'guests:set-alerts', input: { clusterId: cluster.clusterId, vmid: g.vmid, enabled: !g.alerts } },
      { type: 'checkbox', checked: g.alerts }
    ),
    muteSubmenu(`${id}:mute`, g.muted, { clusterId: cluster.clusterId, vmid: g.vmid })
  )
  // The web UI's own pages for this guest: main builds the URL (from the snapshot's kind and node) and opens it.
  if (consoleUnavailableReason(g) === null) {
    children.push(
      item(`${id}:console`, 'Open console', {
        kind: 'invoke',
        channel: 'app:open-web-ui',
        input: { clusterId: cluster.clusterId, vmid: g.vmid, console: true }
      })
    )
  }
  children.push(
    ...addressItems(id, cluster.clusterId, g, ctx.addresses),
    item(`${id}:web-ui`, 'Open in web UI', { kind: 'invoke', channel: 'app:open-web-ui', input: { clusterId: cluster.clusterId, vmid: g.vmid } }),
    item(`${id}:open`, 'Open in dashboard', { kind: 'open-dashboard', target: { view: 'guests', clusterId: cluster.clusterId, vmid: g.vmid } })
  )
  const label = `${plainText(g.name, 40)} (${g.vmid}) — ${busy ? 'busy…' : stateWord(g)}`
  return submenu(id, menuLabel(label), children)
}

const ORDER: Record<GuestView['state'], number> = { running: 0, paused: 1, suspended: 1, other: 1, unknown: 2, stopped: 3 }

/** Running first, then paused/broken, unknown, stopped; templates last; by vmid within a group. */
export function sortGuestsForMenu(guests: readonly GuestView[]): GuestView[] {
  return [...guests].sort((a, b) => Number(a.template) - Number(b.template) || ORDER[a.state] - ORDER[b.state] || a.vmid - b.vmid)
}

/** A node's guest list, bounded: the first `max` guests then "More in dashboard… (N more)". */
export function nodeGuestItems(ctx: GuestMenuContext, node: string, max: number): MenuItemModel[] {
  const guests = sortGuestsForMenu(guestsOfNode(ctx.cluster, node))
  const running = guests.filter((g) => g.state === 'running').length
  if (guests.length === 0) return [info(`${ctx.idPrefix}:no-guests`, 'No guests')]
  const out: MenuItemModel[] = [info(`${ctx.idPrefix}:guests`, `${guests.length} ${guests.length === 1 ? 'guest' : 'guests'} · ${running} running`)]
  const memo = ctx.memo
  for (const g of guests.slice(0, max)) {
    const inFlight = ctx.tasks.has(taskKey(ctx.cluster.clusterId, g.vmid))
    out.push(memo === undefined || inFlight ? guestSubmenu(ctx, g) : memo.get(`${ctx.idPrefix}:g:${g.vmid}`, guestMenuKey(ctx, g), () => guestSubmenu(ctx, g)))
  }
  if (guests.length > max) {
    out.push(
      item(`${ctx.idPrefix}:more`, `More in dashboard… (${guests.length - max} more)`, {
        kind: 'open-dashboard',
        target: { view: 'guests', clusterId: ctx.cluster.clusterId, node }
      })
    )
  }
  return out
}
