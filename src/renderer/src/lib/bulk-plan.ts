// Which of the selected guests a bulk action would touch, and why the others are left out. The rule is
// THE one of the single actions (main's guest-actions, exposed as GuestView.actions and
// actionsDisabledReason); main checks each guest again before sending anything.
import type { BulkAction } from '@shared/bulk-actions'

import type { GuestRow } from './guest-query'

export interface BulkSkip {
  readonly row: GuestRow
  /** The guest's own reason, as its buttons say it ("is stopped", "token lacks VM.PowerMgmt on /vms/105"). */
  readonly reason: string
}

export interface BulkPlan {
  readonly action: BulkAction
  readonly apply: readonly GuestRow[]
  readonly skip: readonly BulkSkip[]
}

const STATE_WORDS: Readonly<Record<string, string>> = {
  running: 'running',
  stopped: 'stopped',
  paused: 'paused',
  suspended: 'hibernated',
  unknown: 'in an unknown state',
  other: 'in another state'
}

function skipReason(r: GuestRow, action: BulkAction): string | null {
  const g = r.guest
  if (g.busy) return 'a task is running on it'
  if (g.actions.includes(action)) return null
  // Some action is possible: only the state stands in the way of this one.
  if (g.actions.length > 0) return `is ${STATE_WORDS[g.state] ?? g.state}`
  return g.actionsDisabledReason ?? (g.staleReason !== null ? `state not known (${g.staleReason})` : `is ${STATE_WORDS[g.state] ?? g.state}`)
}

export function bulkPlan(rows: readonly GuestRow[], action: BulkAction): BulkPlan {
  const apply: GuestRow[] = []
  const skip: BulkSkip[] = []
  for (const r of rows) {
    const reason = skipReason(r, action)
    if (reason === null) apply.push(r)
    else skip.push({ row: r, reason })
  }
  return { action, apply, skip }
}

/** A reason's group for the short summary: per-guest details (which /vms path, which lock) dropped. */
function group(reason: string): { key: string; one: string; many: string } {
  if (reason.startsWith('is ')) return { key: reason, one: reason, many: `are ${reason.slice(3)}` }
  if (reason.startsWith('token lacks')) return { key: 'perm', one: 'may not be powered by this token', many: 'may not be powered by this token' }
  if (reason.startsWith('locked')) return { key: 'lock', one: 'is locked', many: 'are locked' }
  if (reason === 'template') return { key: 'template', one: 'is a template', many: 'are templates' }
  if (reason === 'monitor-only cluster') return { key: 'monitor', one: 'is on a monitor-only cluster', many: 'are on a monitor-only cluster' }
  if (reason === 'node offline') return { key: 'offline', one: 'is on an offline node', many: 'are on an offline node' }
  if (reason.startsWith('Its state is unknown') || reason.startsWith('state not known'))
    return { key: 'unknown', one: 'is in a state not known now', many: 'are in a state not known now' }
  if (reason === 'a task is running on it') return { key: 'busy', one: 'is busy with a task', many: 'are busy with a task' }
  return { key: 'other', one: 'cannot now', many: 'cannot now' }
}

/** "2 are stopped, 1 is locked": the skipped guests in one short line (empty when none is skipped). */
export function skipSummary(skip: readonly BulkSkip[]): string {
  const counts = new Map<string, { n: number; one: string; many: string }>()
  for (const s of skip) {
    const g = group(s.reason)
    const c = counts.get(g.key)
    counts.set(g.key, { n: (c?.n ?? 0) + 1, one: g.one, many: g.many })
  }
  return [...counts.values()].map((c) => `${c.n} ${c.n === 1 ? c.one : c.many}`).join(', ')
}

/** "Shut down 3 of 5 selected (2 are stopped)", "Start 4", "Reboot: none of 3 selected (3 are stopped)". */
export function planLabel(plan: BulkPlan, label: string): { text: string; note: string } {
  const total = plan.apply.length + plan.skip.length
  const note = skipSummary(plan.skip)
  if (plan.apply.length === total) return { text: `${label} ${total}`, note }
  return { text: `${label} ${plan.apply.length} of ${total}`, note }
}
