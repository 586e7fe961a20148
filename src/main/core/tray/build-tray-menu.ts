// The whole tray menu, as data, from the app state. First line: what is wrong, in words. Then one
// block per cluster (header with health, one submenu per node with its guests), then app commands.
import type { ClusterHealth, ClusterSnapshot, GuestView, NodeView } from '../../../shared/snapshot'
import type { AppState } from '../../../shared/views'
import { formatDuration } from './describe-problems'
import { haCephLine } from './ha-ceph-line'
import { menuLabel, plainText } from './label-text'
import type { AddressTable } from './menu-addresses'
import { DEFAULT_MAX_GUESTS_PER_NODE, type GuestMenuMemo, guestsOfNode, muteSubmenu, nodeGuestItems, percent } from './menu-guests'
import { info, item, type MenuItemModel, separator, submenu } from './menu-model'
import type { NodeMenuMemo } from './node-menu-memo'
import { taskKey, taskLine, type TaskTable } from './task-tracker'
import type { TrayStatus } from './tray-status'

export const DEFAULT_MAX_NODES_PER_CLUSTER = 32
const MAX_PROBLEM_LINES = 4
const MAX_TASK_LINES = 3

export interface TrayMenuInput {
  readonly state: AppState
  readonly status: TrayStatus
  readonly tasks: TaskTable
  readonly now: number
  readonly maxGuestsPerNode?: number
  readonly maxNodesPerCluster?: number
  /** Reuse guest submenus of the previous build (see GuestMenuMemo); the caller sweeps it after each build. */
  readonly memo?: GuestMenuMemo
  /** With `memo`: reuse whole node submenus of the previous build (see NodeMenuMemo); swept by the caller too. */
  readonly nodeMemo?: NodeMenuMemo
  /** Addresses the user asked for in the tray (see menu-addresses.ts). */
  readonly addresses?: AddressTable
}

const HEALTH_WORD: Record<ClusterHealth, string> = {
  ok: 'all nodes up',
  degraded: 'degraded',
  down: 'down',
  unreachable: 'unreachable',
  auth: 'API token refused',
  unknown: 'connecting…'
}

function nodeLine(n: NodeView, now: number): string {
  // The reason is on the cluster's header line; the node says what is known of it.
  if (n.staleReason !== null) return `unknown${n.lastSeen === null ? '' : ` · last seen ${formatDuration(now - n.lastSeen)} ago`}`
  if (n.status === 'offline') return n.downSince === null ? 'down' : `down for ${formatDuration(now - n.downSince)}`
  if (n.status === 'unknown') return 'not reporting'
  const cpu = n.cpu === null ? null : `CPU ${percent(n.cpu, 1)}`
  const mem = percent(n.mem, n.maxmem)
  return ['online', cpu, mem && `mem ${mem}`].filter(Boolean).join(' · ')
}

/** Node names go into item ids; keep ids unambiguous whatever the name holds. */
const idPart = (s: string): string => encodeURIComponent(s)

/** A user's action on one of these guests is in the task table (its lines come from the app state, not the views). */
function anyTask(tasks: TaskTable, clusterId: string, guests: () => readonly GuestView[]): boolean {
  if (tasks.size === 0) return false
  for (const g of guests()) if (tasks.has(taskKey(clusterId, g.vmid))) return true
  return false
}

function nodeSubmenu(input: TrayMenuInput, c: ClusterSnapshot, n: NodeView, clusterGuestsSame: boolean): MenuItemModel {
  const id = `c:${idPart(c.clusterId)}:n:${idPart(n.name)}`
  const line = nodeLine(n, input.now)
  const { memo, nodeMemo } = input
  const guests = (): readonly GuestView[] => guestsOfNode(c, n.name)
  if (memo === undefined || nodeMemo === undefined || anyTask(input.tasks, c.clusterId, guests)) return buildNodeSubmenu(input, c, n, id, line)
  const max = input.maxGuestsPerNode ?? DEFAULT_MAX_GUESTS_PER_NODE
  const key = [line, n.status, n.flapping, n.muted?.mode ?? '', c.mode, max].join('\u0001')
  return nodeMemo.get(id, { key, clusterGuestsSame, guests, addresses: input.addresses }, memo, () => buildNodeSubmenu(input, c, n, id, line))
}

function buildNodeSubmenu(input: TrayMenuInput, c: ClusterSnapshot, n: NodeView, id: string, line: string): MenuItemModel {
  const name = plainText(n.name, 40)
  const children: MenuItemModel[] = [
    info(`${id}:status`, menuLabel(`${name}: ${line}${n.flapping ? ' (flapping)' : ''}`)),
    item(`${id}:open`, 'Open in dashboard', { kind: 'open-dashboard', target: { view: 'node', clusterId: c.clusterId, node: n.name } }),
    item(`${id}:web-ui`, 'Open Proxmox web UI', { kind: 'invoke', channel: 'app:open-web-ui', input: { clusterId: c.clusterId, node: n.name } }),
    muteSubmenu(`${id}:mute`, n.muted, { clusterId: c.clusterId, node: n.name }),
    separator(`${id}:sep`),
    ...nodeGuestItems(
      {
        state: input.state,
        cluster: c,
        tasks: input.tasks,
        idPrefix: id,
        ...(input.memo === undefined ? {} : { memo: input.memo }),
        ...(input.addresses === undefined ? {} : { addresses: input.addresses })
      },
      n.name,
      input.maxGuestsPerNode ?? DEFAULT_MAX_GUESTS_PER_NODE
    )
  ]
  return submenu(id, menuLabel(`${name} — ${line}`), children)
}

function clusterBlock(input: TrayMenuInput, c: ClusterSnapshot): MenuItemModel[] {
  const id = `c:${idPart(c.clusterId)}`
  const mode = c.mode === 'monitor' ? ' · monitor-only' : ''
  const quorum = c.quorate === false ? ' · no quorum' : ''
  // A cluster seen before that did not answer the last poll is not "connecting": say what is known.
  const word = c.health === 'unknown' && c.fetchedAt !== null ? plainText(c.summary, 80) : HEALTH_WORD[c.health]
  const out: MenuItemModel[] = [info(`${id}:header`, menuLabel(`${plainText(c.clusterName, 40)}: ${word}${quorum}${mode}`))]
  const haCeph = haCephLine(c)
  if (haCeph !== null) out.push(item(`${id}:ha-ceph`, menuLabel(haCeph, 100), { kind: 'open-dashboard', target: { view: 'overview', clusterId: c.clusterId } }))
  const max = input.maxNodesPerCluster ?? DEFAULT_MAX_NODES_PER_CLUSTER
  // Down nodes first: they are what the user opens the menu for.
  const nodes = [...c.nodes].sort((a, b) => Number(a.status === 'online') - Number(b.status === 'online') || a.name.localeCompare(b.name))
  const guestsSame = input.nodeMemo?.sameClusterGuests(c.clusterId, c.guests) ?? false
  for (const n of nodes.slice(0, max)) out.push(nodeSubmenu(input, c, n, guestsSame))
  if (nodes.length > max) {
    out.push(
      item(`${id}:more-nodes`, `More in dashboard… (${nodes.length - max} more nodes)`, {
        kind: 'open-dashboard',
        target: { view: 'overview', clusterId: c.clusterId }
      })
    )
  }
  if (c.nodes.length === 0 && c.health !== 'unknown') out.push(info(`${id}:no-nodes`, 'No nodes visible'))
  return out
}

function headlineItems(input: TrayMenuInput): MenuItemModel[] {
  const { state, status } = input
  const out: MenuItemModel[] = []
  if (state.demo) {
    out.push(item('demo', 'Demo mode: watching a simulated cluster. Connect yours…', { kind: 'open-dashboard', target: { view: 'onboarding' } }))
  }
  out.push(info('headline', menuLabel(status.headline, 100)))
  for (const [i, p] of status.problems.slice(1, MAX_PROBLEM_LINES).entries()) out.push(info(`problem:${i + 1}`, menuLabel(p, 100)))
  if (status.problems.length > MAX_PROBLEM_LINES) {
    out.push(
      item('problems:more', `and ${status.problems.length - MAX_PROBLEM_LINES} more problems in the dashboard…`, {
        kind: 'open-dashboard',
        target: { view: 'overview' }
      })
    )
  }
  const tasks = [...input.tasks.values()].sort((a, b) => b.at - a.at).slice(0, MAX_TASK_LINES)
  for (const t of tasks) out.push(info(`task:${t.actionId}`, menuLabel(taskLine(state, t), 100)))
  return out
}

export function buildTrayMenu(input: TrayMenuInput): MenuItemModel[] {
  const out: MenuItemModel[] = [...headlineItems(input), separator('sep:top')]
  for (const c of input.state.clusters) out.push(...clusterBlock(input, c), separator(`sep:c:${idPart(c.clusterId)}`))
  out.push(
    item('open-dashboard', 'Open dashboard', { kind: 'open-dashboard', target: { view: 'overview' } }),
    item('refresh', 'Refresh now', { kind: 'invoke', channel: 'clusters:refresh', input: {} }),
    input.status.paused
      ? item('notifications:resume', 'Resume notifications', { kind: 'invoke', channel: 'notifications:pause', input: { minutes: 0 } })
      : item('notifications:pause', 'Pause notifications for 1 hour', { kind: 'invoke', channel: 'notifications:pause', input: { minutes: 60 } }),
    item('settings', 'Settings…', { kind: 'open-dashboard', target: { view: 'settings' } }),
    separator('sep:quit'),
    item('quit', 'Quit PVE Tray', { kind: 'quit' })
  )
  return out
}
