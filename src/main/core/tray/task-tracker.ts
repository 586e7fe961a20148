// Power actions the user started from the tray or the dashboard, fed by `task:progress` events:
// the menu shows them running and then their result, the icon animates while any runs, and a
// failure becomes a notification carrying Proxmox's own exit status.
import { ACTION_WORDS } from '../../../shared/action-words'
import type { PowerAction } from '../../../shared/snapshot'
import type { AppState, NavigateTarget, TaskProgress } from '../../../shared/views'
import { plainText } from './label-text'

export type TaskTable = ReadonlyMap<string, TaskProgress>

/** How long a finished action's result stays in the menu. */
export const TASK_RESULT_KEEP_MS = 10 * 60_000

export function taskKey(clusterId: string, vmid: number): string {
  return `${clusterId}/${vmid}`
}

export function isRunning(p: TaskProgress): boolean {
  return p.phase === 'pending' || p.phase === 'running' || p.phase === 'checking'
}

/** Latest progress per guest; an older event (out of order) for the same action never overwrites. */
export function applyTaskProgress(table: TaskTable, p: TaskProgress): TaskTable {
  const key = taskKey(p.clusterId, p.vmid)
  const prev = table.get(key)
  if (prev && prev.actionId === p.actionId && (prev.at > p.at || (!isRunning(prev) && isRunning(p)))) return table
  const next = new Map(table)
  next.set(key, p)
  return next
}

/** Drops finished results older than `keepMs`; running tasks stay until they finish. */
export function pruneTasks(table: TaskTable, now: number, keepMs = TASK_RESULT_KEEP_MS): TaskTable {
  let changed = false
  const next = new Map(table)
  for (const [key, p] of table) {
    if (!isRunning(p) && now - p.at > keepMs) {
      next.delete(key)
      changed = true
    }
  }
  return changed ? next : table
}

export function actionVerb(a: PowerAction): string {
  return ACTION_WORDS[a].label
}

function guestName(state: AppState, p: TaskProgress): string {
  const c = state.clusters.find((x) => x.clusterId === p.clusterId)
  const g = c?.guests.find((x) => x.vmid === p.vmid)
  return g ? `${plainText(g.name, 32)} (${p.vmid})` : `${p.kind === 'qemu' ? 'VM' : 'CT'} ${p.vmid}`
}

/** One line for a task: "Starting web (105)…", "Start web (105): OK", "Stop web (105) failed: …". */
export function taskLine(state: AppState, p: TaskProgress): string {
  const who = guestName(state, p)
  if (p.phase === 'checking') return `${ACTION_WORDS[p.action].label} ${who}: outcome unknown, checking…`
  if (isRunning(p)) return `${ACTION_WORDS[p.action].ing} ${who}…`
  if (p.phase === 'ok') return `${ACTION_WORDS[p.action].label} ${who}: ${plainText(p.exitStatus ?? 'OK', 40)}`
  if (p.phase === 'unknown') return `${ACTION_WORDS[p.action].label} ${who}: outcome unknown, check the guest`
  return `${ACTION_WORDS[p.action].label} ${who} failed: ${plainText(p.exitStatus ?? p.message ?? 'unknown error', 60)}`
}

/** What the busy tooltip line says, or null when nothing the user started is running. */
export function busyLabel(state: AppState, table: TaskTable): string | null {
  const running = [...table.values()].filter(isRunning)
  if (running.length === 0) return null
  if (running.length > 1) return `${running.length} actions running`
  return taskLine(state, running[0] as TaskProgress)
}

export interface TaskFailureNotice {
  readonly id: string
  readonly title: string
  readonly body: string
  readonly urgency: 'normal'
  readonly silent: false
  readonly clickTarget: NavigateTarget
}

/** A failed action becomes one notification (per action id), with Proxmox's exit status in words. */
export function taskFailureNotice(state: AppState, p: TaskProgress): TaskFailureNotice | null {
  const n = singleFailureNotice(state, p)
  if (n === null || p.batchId === undefined) return n
  // A bulk run is one notification, not a storm: each failure of the run replaces the previous one.
  return { ...n, id: `task-failed:batch:${p.batchId}`, body: plainText(`${n.body} (part of a bulk action: the dashboard lists every guest)`, 320) }
}

function singleFailureNotice(state: AppState, p: TaskProgress): TaskFailureNotice | null {
  const who = guestName(state, p)
  if (p.phase === 'unknown') {
    // Not "failed": it may have been carried out. Never "try again".
    return {
      id: `task-failed:${p.actionId}`,
      title: `${ACTION_WORDS[p.action].label} ${who}: outcome unknown`,
      body: plainText(p.message ?? 'It may have been carried out: check the guest before trying again.', 240),
      urgency: 'normal',
      silent: false,
      clickTarget: { view: 'guests', clusterId: p.clusterId, vmid: p.vmid }
    }
  }
  if (p.phase !== 'failed') return null
  const detail = p.exitStatus ?? p.message ?? 'no exit status'
  return {
    id: `task-failed:${p.actionId}`,
    title: `${ACTION_WORDS[p.action].label} ${who} failed`,
    body: plainText(`${detail}${p.message && p.exitStatus && p.message !== p.exitStatus ? ` — ${p.message}` : ''}`, 240),
    urgency: 'normal',
    silent: false,
    clickTarget: { view: 'guests', clusterId: p.clusterId, vmid: p.vmid }
  }
}
