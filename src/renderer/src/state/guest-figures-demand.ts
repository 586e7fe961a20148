// The window's figures demand (see lib/figures-demand): one per api, so the shell (which says it once at the start)
// and the guests view (which sets it as its rows scroll, and "none" on leaving) share it.
import type { PveTrayApi } from '@shared/ipc/contract'

import { call } from '../api/api-context'
import { createFiguresDemand, type FiguresDemand } from '../lib/figures-demand'

const perApi = new WeakMap<PveTrayApi, FiguresDemand>()

/** The window's demand, sent through `guests:show-figures` (one per api, so every component shares it). */
export function figuresDemandOf(api: PveTrayApi): FiguresDemand {
  let d = perApi.get(api)
  if (d === undefined) {
    d = createFiguresDemand(async (demand) => (await call(api, 'guests:show-figures', { all: demand.all, guests: [...demand.guests] })).ok)
    perApi.set(api, d)
  }
  return d
}
