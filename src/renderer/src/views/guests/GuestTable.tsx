// The virtualized guests table: only the rows in view are in the DOM, so 5,000 guests scroll and
// refresh smoothly. One row is the Tab stop (roving tabindex); arrows move, Enter/Space select.
import type { PowerAction } from '@shared/snapshot'
import type { TaskProgress } from '@shared/views'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

import type { GuestQuery, GuestRow, SortKey } from '../../lib/guest-query'
import { COLUMNS, ROW_HEIGHT } from './columns'
import type { RowRange } from './figures-window'
import { GuestRowView } from './GuestRowView'
import { SelectShownBox } from './SelectShownBox'

export interface GuestTableProps {
  readonly rows: readonly GuestRow[]
  /** The rows' keys; a new array only when the order changed (so a poll keeps the virtualizer's layout). */
  readonly rowKeys: readonly string[]
  readonly query: GuestQuery
  readonly onSort: (key: SortKey) => void
  readonly selectedKey: string | null
  readonly onSelect: (key: string) => void
  readonly onAction: (row: GuestRow, action: PowerAction) => void
  readonly progress: ReadonlyMap<string, TaskProgress>
  readonly onDismissTask: (key: string) => void
  /** Scroll this row into view once (navigation to a guest). */
  readonly revealKey: string | null
  /** The detail panel lies over the table's right side, where the action buttons are. */
  readonly actionsCovered: boolean
  /** Row keys of guests never backed up (a badge on the row). */
  readonly neverBackedUp: ReadonlySet<string>
  /** Rows checked for a bulk action (by key), and how to change that. */
  readonly checkedKeys: ReadonlySet<string>
  readonly onCheck: (key: string, index: number, range: boolean) => void
  readonly onCheckShown: (on: boolean) => void
  /** The rows rendered (overscan included), told when they change: the view asks main for their figures. */
  readonly onRange: (range: RowRange) => void
}

export function GuestTable(props: GuestTableProps): React.JSX.Element {
  const {
    rows,
    rowKeys,
    query,
    onSort,
    selectedKey,
    onSelect,
    onAction,
    progress,
    onDismissTask,
    revealKey,
    actionsCovered,
    neverBackedUp,
    checkedKeys,
    onCheck,
    onCheckShown,
    onRange
  } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const [activeIndex, setActiveIndex] = useState(0)
  // A new getItemKey makes the virtualizer lay out all 5,000 items again: only when the order changed.
  const getItemKey = useCallback((i: number) => rowKeys[i] ?? i, [rowKeys])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey,
    // Render a first screenful before the scroll box is measured, so rows appear in the first commit.
    initialRect: { width: 1200, height: 800 }
  })

  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1

  // Marks each commit of the table (rows in the DOM) for bench/render.bench.ts.
  useLayoutEffect(() => {
    performance.mark('pve-tray:guests-committed')
  })

  // Told only when the rendered rows changed, not on every poll's commit.
  const reported = useRef<RowRange | null>(null)
  useEffect(() => {
    const r = reported.current
    if (r !== null && r.start === first && r.end === last) return
    reported.current = { start: first, end: last }
    onRange(reported.current)
  }, [first, last, onRange])

  useEffect(() => {
    if (revealKey === null) return
    const i = rows.findIndex((r) => r.key === revealKey)
    if (i >= 0) {
      setActiveIndex(i)
      virtualizer.scrollToIndex(i, { align: 'center' })
    }
    // Only when asked to reveal a different guest, not on every poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows and virtualizer change with every poll
  }, [revealKey])

  const active = Math.min(activeIndex, Math.max(0, rows.length - 1))
  const focusRow = useCallback(
    (i: number) => {
      setActiveIndex(i)
      virtualizer.scrollToIndex(i)
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${i + 2}"]`)?.focus())
    },
    [virtualizer]
  )
  const select = useCallback(
    (key: string, index: number) => {
      setActiveIndex(index)
      onSelect(key)
    },
    [onSelect]
  )

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1)
    const to =
      e.key === 'ArrowDown'
        ? active + 1
        : e.key === 'ArrowUp'
          ? active - 1
          : e.key === 'PageDown'
            ? active + page
            : e.key === 'PageUp'
              ? active - page
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? rows.length - 1
                  : null
    if (to === null || rows.length === 0) return
    e.preventDefault()
    focusRow(Math.min(rows.length - 1, Math.max(0, to)))
  }

  return (
    <div className="guest-table" role="table" aria-label="Guests" aria-rowcount={rows.length + 1}>
      <div className="guest-header" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => {
          const sorted = c.sort !== null && query.sort === c.sort
          return (
            <span key={c.id} role="columnheader" className={`col-${c.id}`} aria-sort={sorted ? (query.desc ? 'descending' : 'ascending') : undefined}>
              {c.id === 'select' ? (
                <SelectShownBox rowKeys={rowKeys} checkedKeys={checkedKeys} onCheckShown={onCheckShown} />
              ) : c.sort !== null ? (
                <button type="button" className="sort-button" onClick={() => c.sort !== null && onSort(c.sort)}>
                  {c.label}
                  <span aria-hidden="true">{sorted ? (query.desc ? ' ▼' : ' ▲') : ''}</span>
                </button>
              ) : (
                c.label
              )}
            </span>
          )
        })}
      </div>
      <div className="guest-scroll" ref={scrollRef} role="rowgroup" onKeyDown={onKeyDown} data-testid="guest-scroll">
        {rows.length === 0 ? <p className="empty-rows">No guest matches these filters.</p> : null}
        <div className="guest-canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            return (
              <GuestRowView
                key={row.key}
                row={row}
                index={item.index}
                top={item.start}
                active={item.index === active}
                selected={row.key === selectedKey}
                progress={progress.get(row.key)}
                onAction={onAction}
                onSelect={select}
                onDismissTask={onDismissTask}
                actionsCovered={actionsCovered}
                noBackup={neverBackedUp.has(row.key)}
                checked={checkedKeys.has(row.key)}
                onCheck={onCheck}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
