// The guests picked for a bulk action, by row key (`cluster/vmid`): independent of the virtualized rows in
// the DOM, kept across filters (the bar says how many are hidden by them) and polls; a guest that is gone
// simply drops out. Shift+click selects the range from the last clicked row.
import { useCallback, useMemo, useRef, useState } from 'react'

import type { GuestRow } from '../../lib/guest-query'

export interface GuestSelection {
  readonly keys: ReadonlySet<string>
  /** The selected guests that still exist, in the table's full order. */
  readonly rows: readonly GuestRow[]
  /** How many of them the filters hide. */
  readonly hidden: number
  readonly toggle: (key: string, index: number, range: boolean) => void
  /** Selects (or clears) every shown row. */
  readonly setShown: (on: boolean) => void
  readonly clear: () => void
}

export function useGuestSelection(all: readonly GuestRow[], shownKeys: readonly string[]): GuestSelection {
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set())
  const anchor = useRef<number | null>(null)
  const rows = useMemo(() => (keys.size === 0 ? [] : all.filter((r) => keys.has(r.key))), [all, keys])
  const hidden = useMemo(() => {
    if (rows.length === 0) return 0
    const shown = new Set(shownKeys)
    return rows.reduce((n, r) => (shown.has(r.key) ? n : n + 1), 0)
  }, [rows, shownKeys])

  const toggle = useCallback(
    (key: string, index: number, range: boolean) => {
      // Read now: the updater may run after the anchor moved to this row.
      const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index
      const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index
      setKeys((prev) => {
        const next = new Set(prev)
        const on = !prev.has(key)
        for (let i = from; i <= to; i++) {
          const k = i === index ? key : shownKeys[i]
          if (k === undefined) continue
          if (on) next.add(k)
          else next.delete(k)
        }
        return next
      })
      anchor.current = index
    },
    [shownKeys]
  )
  const setShown = useCallback(
    (on: boolean) =>
      setKeys((prev) => {
        const next = new Set(prev)
        for (const k of shownKeys) {
          if (on) next.add(k)
          else next.delete(k)
        }
        return next
      }),
    [shownKeys]
  )
  const clear = useCallback(() => {
    anchor.current = null
    setKeys(new Set())
  }, [])
  return { keys, rows, hidden, toggle, setShown, clear }
}
