// Publishes the AppState to subscribers once per change: `state:changed` with the whole state for
// in-process consumers (tray, notifications: no copy is made), and `state:delta` with only what
// changed for renderers, which would otherwise deserialize ~2 MiB per poll at 5,000 guests. Each
// delta carries a revision; a renderer that missed one resyncs with `app:get-state` (`current()`).
import { type AppStateDelta, diffAppState, type RevisedAppState } from '../../../shared/state-delta'
import type { AppState } from '../../../shared/views'

export interface StatePublisher {
  /** Pushes what changed since the last publish; pushes nothing when nothing did. */
  publish(): void
  /** The state as of the last publish (publishing any pending change first), with its revision. */
  current(): RevisedAppState
}

export interface StatePublisherDeps {
  /** The live state (cheap: references to the monitors' immutable snapshots). */
  readonly read: () => AppState
  readonly emitState: (state: AppState) => void
  readonly emitDelta: (delta: AppStateDelta) => void
  /**
   * Whether a renderer is there to take deltas. With the dashboard closed (the usual state of a tray app)
   * no delta is computed: the revision still advances, and a renderer that opens later starts from
   * `current()`. Default: always.
   */
  readonly deltaWanted?: () => boolean
}

/** Revision 0: what a renderer has before anything was published. */
const EMPTY_APP_STATE: AppState = { demo: false, clusters: [], events: [], notificationsPausedUntil: null }

export function createStatePublisher(deps: StatePublisherDeps): StatePublisher {
  let rev = 0
  let last = EMPTY_APP_STATE
  let publishing = false

  function publish(): void {
    // A listener that reads the state (getState, app:get-state) must not publish from inside a publish.
    if (publishing) return
    const next = deps.read()
    if (deps.deltaWanted?.() === false) {
      if (sameReferences(last, next)) return
      rev++
      last = next
      publishing = true
      try {
        deps.emitState(next)
      } finally {
        publishing = false
      }
      return
    }
    const delta = diffAppState(last, next, rev + 1)
    if (delta === null) return
    rev = delta.rev
    last = next
    publishing = true
    try {
      deps.emitDelta(delta)
      deps.emitState(next)
    } finally {
      publishing = false
    }
  }

  return {
    publish,
    current() {
      publish()
      return { ...last, rev }
    }
  }
}

/** Snapshots and event lists are immutable and replaced when they change: comparing references is enough. */
function sameReferences(a: AppState, b: AppState): boolean {
  if (a.demo !== b.demo || a.notificationsPausedUntil !== b.notificationsPausedUntil || a.events !== b.events) return false
  if (a.clusters.length !== b.clusters.length) return false
  return a.clusters.every((c, i) => c === b.clusters[i])
}
