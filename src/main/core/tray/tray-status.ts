// The tray icon state, tooltip and headline, from the app state. The icon states differ by shape
// (see resources/make-icons.mjs), so this function is the whole "what does the user see at a glance".
import type { ClusterHealth } from '../../../shared/snapshot'
import type { AppState } from '../../../shared/views'
import { countsLine, countUp, describeClusterProblems, formatDuration } from './describe-problems'
import { plainText } from './label-text'

/** Every icon state: the type is derived from it, so the icon files checked against it are exactly the states. */
export const trayIconStates = ['ok', 'degraded', 'down', 'auth', 'paused', 'demo', 'unknown'] as const
export type TrayIconState = (typeof trayIconStates)[number]
/** Frames of the only animation: shown while an action the user started runs. */
export const busyFrameCount = 4

export interface TrayStatusInput {
  readonly state: AppState
  readonly now: number
  /** Label of the action the user started that is still running ("Starting web (105)"), or null. */
  readonly busyLabel: string | null
  /** Tooltip length cap (Windows truncates tooltips at 127 characters). */
  readonly tooltipMax?: number
}

export interface TrayStatus {
  readonly icon: TrayIconState
  /** Animate the icon (busy frames) instead of showing `icon`. */
  readonly busy: boolean
  /** First menu line: what is wrong, in words, or the all-good summary. */
  readonly headline: string
  /** Every problem, most severe first (the menu shows the first few). */
  readonly problems: readonly string[]
  /** "3/4 nodes up · 27 guests running" */
  readonly summary: string
  readonly tooltip: string
  readonly paused: boolean
}

// Higher wins when several clusters are watched.
const HEALTH_RANK: Record<ClusterHealth, number> = { ok: 0, unknown: 1, degraded: 2, down: 3, unreachable: 3, auth: 4 }

function worstHealth(state: AppState): ClusterHealth | null {
  let worst: ClusterHealth | null = null
  for (const c of state.clusters) if (worst === null || HEALTH_RANK[c.health] > HEALTH_RANK[worst]) worst = c.health
  return worst
}

function iconFor(state: AppState, paused: boolean): TrayIconState {
  // Demo first: a demo cluster's simulated outage must never look like the user's own.
  if (state.demo) return 'demo'
  const worst = worstHealth(state)
  // Problems outrank "paused": pausing notifications does not make a down node look fine.
  if (worst === 'auth') return 'auth'
  if (worst === 'down' || worst === 'unreachable') return 'down'
  if (worst === 'degraded') return 'degraded'
  if (paused) return 'paused'
  if (worst === null || worst === 'unknown') return 'unknown'
  return 'ok'
}

export function trayStatus(input: TrayStatusInput): TrayStatus {
  const { state, now } = input
  const paused = state.notificationsPausedUntil !== null && state.notificationsPausedUntil > now
  const several = state.clusters.length > 1
  const problems = state.clusters.flatMap((c) => describeClusterProblems(c, now, several))
  const counts = countUp(state.clusters)
  const summary = state.clusters.length === 0 ? 'No cluster configured' : countsLine(counts)
  const connecting = state.clusters.length > 0 && state.clusters.every((c) => c.fetchedAt === null && c.health === 'unknown')

  let headline: string
  if (problems[0] !== undefined) headline = problems[0]
  else if (connecting) headline = 'Connecting…'
  else if (state.clusters.length === 0) headline = summary
  else headline = counts.nodesUp === counts.nodes ? `All good: ${summary}` : summary

  const lines = [state.demo ? `PVE Tray demo · ${summary}` : `PVE Tray · ${summary}`]
  for (const p of problems.slice(0, 2)) lines.push(p)
  if (problems.length > 2) lines.push(`and ${problems.length - 2} more`)
  if (paused && state.notificationsPausedUntil !== null) {
    lines.push(`Notifications paused for ${formatDuration(state.notificationsPausedUntil - now)} more`)
  }
  if (input.busyLabel !== null) lines.push(plainText(input.busyLabel, 60))

  return {
    icon: iconFor(state, paused),
    busy: input.busyLabel !== null,
    headline,
    problems,
    summary,
    tooltip: capTooltip(lines, input.tooltipMax ?? 127),
    paused
  }
}

/** Keeps whole lines while they fit; the first line is always there (cut if it alone is too long). */
function capTooltip(lines: readonly string[], max: number): string {
  let out = plainText(lines[0] ?? '', max)
  for (const line of lines.slice(1)) {
    const next = `${out}\n${plainText(line, max)}`
    if (next.length > max) break
    out = next
  }
  return out
}
