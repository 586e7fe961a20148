// The renderer's copy of the published AppState: a full state from `app:get-state`, then one
// `state:delta` per revision. A delta that does not follow the copy's revision (missed, or the copy
// is still loading) asks for a resync; deltas that arrive while the full state is on its way are
// kept and applied after it, so a resync does not lose the pushes that raced it.
import { applyAppStateDelta, type AppStateDelta, type RevisedAppState } from './state-delta'
import type { AppState } from './views'

export type ReplicaStep =
  | { readonly kind: 'applied'; readonly state: AppState }
  | { readonly kind: 'ignored' }
  /** Fetch the whole state (`app:get-state`) and hand it to `onFull`. */
  | { readonly kind: 'resync' }

export interface StateReplica {
  onDelta(delta: AppStateDelta): ReplicaStep
  /** A whole state arrived; returns what to show, or null when the copy is already newer. */
  onFull(full: RevisedAppState): AppState | null
  readonly rev: number | null
}

/** Deltas kept while waiting for a whole state; past this many, the resync answer is stale anyway. */
const MAX_PENDING = 32

export function createStateReplica(): StateReplica {
  let rev: number | null = null
  let state: AppState | null = null
  let pending: AppStateDelta[] = []

  // The caller fetches at most one whole state at a time, so asking again while waiting is harmless
  // (and retries a fetch that failed).
  function waitForFull(d: AppStateDelta | null): ReplicaStep {
    rev = null
    if (d !== null && pending.length < MAX_PENDING) pending.push(d)
    return { kind: 'resync' }
  }

  return {
    get rev() {
      return rev
    },
    onDelta(d) {
      if (rev === null || state === null) return waitForFull(d)
      if (d.rev <= rev) return { kind: 'ignored' }
      if (d.rev !== rev + 1) return waitForFull(d)
      try {
        state = applyAppStateDelta(state, d)
      } catch {
        return waitForFull(null)
      }
      rev = d.rev
      return { kind: 'applied', state }
    },
    onFull(full) {
      if (rev !== null && full.rev <= rev) return null
      const { rev: fullRev, ...rest } = full
      let s: AppState = rest
      let r = fullRev
      for (const d of pending.sort((a, b) => a.rev - b.rev)) {
        if (d.rev !== r + 1) continue
        try {
          s = applyAppStateDelta(s, d)
          r = d.rev
        } catch {
          break
        }
      }
      pending = []
      state = s
      rev = r
      return s
    }
  }
}
