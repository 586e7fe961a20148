// Which guests' figures the guests view asks main for (see lib/figures-demand): all of them while the
// table is sorted by a figure (the order needs every guest's), else the rows the virtualizer renders with a margin
// above and below, so ordinary scrolling finds figures already there, and the guest whose details are open.
import { MAX_FIGURE_GUESTS } from '@shared/ipc/contract'

import { type FigureDemand, type FigureGuest, NO_FIGURES } from '../../lib/figures-demand'
import type { GuestRow, SortKey } from '../../lib/guest-query'

/** Sort keys whose order depends on guests' moving figures. */
export const FIGURE_SORTS: ReadonlySet<SortKey> = new Set<SortKey>(['cpu', 'mem', 'uptime', 'diskio', 'netio'])

/** At least this many rows above and below the rendered ones have their figures already. */
export const FIGURE_MARGIN_ROWS = 40
/** The window's ends move in steps of this many rows: a slow scroll changes the demand now and then, not per row. */
const STEP_ROWS = 20

/** The rows the virtualizer renders (overscan included), by index into the shown rows; end < start: none. */
export interface RowRange {
  readonly start: number
  readonly end: number
}

export function figuresWindow(rows: readonly GuestRow[], range: RowRange | null, selected: GuestRow | undefined, sort: SortKey): FigureDemand {
  if (FIGURE_SORTS.has(sort)) return { all: true, guests: [] }
  const guests: FigureGuest[] = []
  if (range !== null && range.end >= range.start && rows.length > 0) {
    const from = Math.max(0, Math.floor((range.start - FIGURE_MARGIN_ROWS) / STEP_ROWS) * STEP_ROWS)
    const to = Math.min(rows.length - 1, Math.ceil((range.end + FIGURE_MARGIN_ROWS + 1) / STEP_ROWS) * STEP_ROWS - 1)
    // A screen so tall that its window would pass the contract's limit asks for all (still one small call).
    if (to - from + 2 > MAX_FIGURE_GUESTS) return { all: true, guests: [] }
    for (let i = from; i <= to; i++) {
      const r = rows[i] as GuestRow
      guests.push({ clusterId: r.clusterId, vmid: r.guest.vmid })
    }
  }
  if (selected !== undefined && !guests.some((g) => g.clusterId === selected.clusterId && g.vmid === selected.guest.vmid))
    guests.push({ clusterId: selected.clusterId, vmid: selected.guest.vmid })
  return guests.length === 0 ? NO_FIGURES : { all: false, guests }
}
