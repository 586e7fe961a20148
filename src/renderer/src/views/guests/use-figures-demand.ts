// The guests view's part of the figures demand: it says which guests' figures it shows whenever the rendered
// rows, their order, the sort or the open details change, and "none" when it closes. Kept off the render path:
// the range arrives through a stable callback and lives in a ref, so scrolling re-renders nothing here.
import type { PveTrayApi } from '@shared/ipc/contract'
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'

import { NO_FIGURES } from '../../lib/figures-demand'
import type { GuestRow, SortKey } from '../../lib/guest-query'
import { figuresDemandOf } from '../../state/guest-figures-demand'
import { figuresWindow, type RowRange } from './figures-window'

interface Inputs {
  readonly rows: readonly GuestRow[]
  readonly selected: GuestRow | undefined
  readonly sort: SortKey
}

/**
 * Returns the callback GuestTable calls with the virtualizer's range when it changes. `rowKeys` is a new array
 * only when the order changed, so a poll that only moves figures sends nothing.
 */
export function useFiguresDemand(
  api: PveTrayApi,
  rows: readonly GuestRow[],
  rowKeys: readonly string[],
  sort: SortKey,
  selected: GuestRow | undefined
): (range: RowRange) => void {
  const demand = figuresDemandOf(api)
  const inputs = useRef<Inputs>({ rows, selected, sort })
  const range = useRef<RowRange | null>(null)
  const declare = useCallback(() => {
    const i = inputs.current
    demand.set(figuresWindow(i.rows, range.current, i.selected, i.sort))
  }, [demand])
  // Layout effects run before every passive one: the table's range report (a child's effect) sees this render's rows.
  useLayoutEffect(() => {
    inputs.current = { rows, selected, sort }
  })
  const selectedKey = selected?.key ?? null
  useEffect(declare, [declare, rowKeys, sort, selectedKey])
  useEffect(() => () => demand.set(NO_FIGURES), [demand])
  return useCallback(
    (r: RowRange) => {
      range.current = r
      declare()
    },
    [declare]
  )
}
