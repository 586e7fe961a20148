// Which guests' moving figures (cpu, mem, uptime, I/O rates) the dashboard shows, and the sender that tells main
// (`guests:show-figures`, wired in state/guest-figures-demand): main builds and sends figures for those guests
// only (every other guest's are null, "—"). Pure (no IPC, no React), so it is tested under Node. Sends are
// coalesced: at most one call in flight, then a short pause, then the latest demand if it changed, so a scroll
// that moves the window every frame costs main one small call per ~80 ms, not one per frame.
import type { ChannelInput } from '@shared/ipc/contract'

type Wire = ChannelInput<'guests:show-figures'>

export type FigureGuest = Readonly<Wire['guests'][number]>

/** The channel's input, read-only: every guest's figures (`all`, a table sorted by a figure), or only `guests`'. */
export interface FigureDemand {
  readonly all: Wire['all']
  readonly guests: readonly FigureGuest[]
}

/** What a dashboard that shows no guest figures (the overview, settings…) asks for. */
export const NO_FIGURES: FigureDemand = Object.freeze({ all: false, guests: Object.freeze([]) })

/** One form per demand whatever its order, so a demand that did not change is not sent again. */
export function demandKey(d: FigureDemand): string {
  if (d.all) return 'all'
  return d.guests
    .map((g) => `${g.clusterId}/${g.vmid}`)
    .sort()
    .join(',')
}

export interface FiguresDemand {
  /** The demand now: sent at once if nothing is in flight, else after it (only the latest, only if changed). */
  set(demand: FigureDemand): void
  /** Sends the current demand if none was ever sent (the app's start: main has heard nothing from this page). */
  start(): void
}

export interface FiguresDemandTimings {
  /** Pause after a send before the next one (the coalescing window). */
  readonly gapMs: number
  /** Pause after a failed send before it is tried again. */
  readonly retryMs: number
}

const DEFAULT_TIMINGS: FiguresDemandTimings = { gapMs: 80, retryMs: 5000 }

/**
 * The coalescing sender, apart from React and IPC: `send` resolves to whether main took the demand. A demand
 * main did not take is sent again after `retryMs` (or with the next change), never in a tight loop.
 */
export function createFiguresDemand(send: (demand: FigureDemand) => Promise<boolean>, timings: FiguresDemandTimings = DEFAULT_TIMINGS): FiguresDemand {
  let current: FigureDemand = NO_FIGURES
  let currentKey = demandKey(NO_FIGURES)
  /** Key of the demand main has (or is being sent); null: nothing sent yet, or the last send failed. */
  let sentKey: string | null = null
  /** A send in flight or the pause after it: a change waits for the pump at its end. */
  let busy = false

  function pump(): void {
    if (busy || currentKey === sentKey) return
    busy = true
    const demand = current
    sentKey = currentKey
    void send(demand).then(
      (ok) => settle(ok),
      () => settle(false)
    )
  }
  function settle(ok: boolean): void {
    // Not taken: main may still have an older demand, so the current one is sent again after the pause.
    if (!ok) sentKey = null
    setTimeout(
      () => {
        busy = false
        pump()
      },
      ok ? timings.gapMs : timings.retryMs
    )
  }

  return {
    set(demand) {
      current = demand
      currentKey = demandKey(demand)
      pump()
    },
    start() {
      pump()
    }
  }
}
