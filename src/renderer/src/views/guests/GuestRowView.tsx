// One table row. Fixed height (see ROW_HEIGHT) so refreshes never shift the layout.
import type { PowerAction } from '@shared/snapshot'
import type { TaskProgress } from '@shared/views'
import { memo } from 'react'

import { formatBytes, formatBytesOf, formatDuration, formatPercent } from '../../lib/format'
import type { GuestRow } from '../../lib/guest-query'
import { ActionButtons } from './ActionButtons'
import { hasLiveFigures } from './guest-figures'
import { GuestIoCell } from './GuestIo'
import { MutedBadge } from './MutedBadge'
import { TaskStatus } from './TaskStatus'

export interface GuestRowViewProps {
  readonly row: GuestRow
  readonly index: number
  readonly top: number
  readonly active: boolean
  readonly selected: boolean
  readonly progress: TaskProgress | undefined
  readonly onAction: (row: GuestRow, action: PowerAction) => void
  readonly onSelect: (key: string, index: number) => void
  readonly onDismissTask: (key: string) => void
  /** The detail panel lies over the right of the table: the row's buttons are hidden, so out of the Tab order. */
  readonly actionsCovered: boolean
  /** No archive of this guest on any backup storage (never, not "not known"). */
  readonly noBackup: boolean
  /** Checked for a bulk action. */
  readonly checked: boolean
  readonly onCheck: (key: string, index: number, range: boolean) => void
}

function GuestRowViewInner({
  row,
  index,
  top,
  active,
  selected,
  progress,
  onAction,
  onSelect,
  onDismissTask,
  actionsCovered,
  noBackup,
  checked,
  onCheck
}: GuestRowViewProps): React.JSX.Element {
  const g = row.guest
  const live = hasLiveFigures(g.state)
  // While the app finds out what a request with no answer did, nothing else is offered either.
  const inFlight = progress !== undefined && (progress.phase === 'pending' || progress.phase === 'running' || progress.phase === 'checking')
  // A failure (or an unknown outcome) takes the whole cell until dismissed: the buttons would leave its
  // words no room, and the detail panel still offers the actions.
  const needsReading = progress !== undefined && (progress.phase === 'failed' || progress.phase === 'unknown')
  const buttonTab = active && !actionsCovered ? 0 : -1
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      className={`guest-row${selected ? ' selected' : ''}${g.stale ? ' stale' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-vmid={g.vmid}
      data-key={row.key}
      data-state={g.state}
      onClick={() => onSelect(row.key, index)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          onSelect(row.key, index)
        }
      }}
    >
      <span role="cell" className="cell-select">
        <input
          type="checkbox"
          checked={checked}
          tabIndex={active ? 0 : -1}
          aria-label={`Select ${g.name}`}
          data-testid="guest-check"
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => onCheck(row.key, index, 'shiftKey' in e.nativeEvent && e.nativeEvent.shiftKey === true)}
          // Space toggles the box, not the row around it; Escape still closes the details.
          onKeyDown={(e) => {
            if (e.key !== 'Escape') e.stopPropagation()
          }}
        />
      </span>
      <span role="cell" className="cell-status">
        <span className={`dot dot-${g.state}`} aria-hidden="true" />
        <span data-testid="guest-state" title={g.staleReason ?? undefined}>
          {g.stale ? `${g.state}?` : g.state}
        </span>
      </span>
      <span role="cell" className="cell-name">
        {/* A long name is cut to keep the row on one line: the tooltip and the detail panel show it whole. */}
        <span className="guest-name" data-testid="guest-name" title={g.name}>
          {g.name}
        </span>
        {g.template ? <span className="badge">template</span> : null}
        {g.lock !== null ? <span className="badge">{g.lock}</span> : null}
        {g.muted !== null ? <MutedBadge muted={g.muted} /> : null}
        {noBackup ? (
          // A mark, not words: beside a long name and a lock badge the words would cut the name (the details say it whole).
          <span className="badge badge-warn" title="No backup of this guest on any backup storage" data-testid="no-backup">
            <span aria-hidden="true">⚠</span>
            <span className="visually-hidden">no backup</span>
          </span>
        ) : null}
      </span>
      <span role="cell">{g.vmid}</span>
      <span role="cell">{g.kind === 'qemu' ? 'VM' : 'CT'}</span>
      <span role="cell" title={g.node}>
        {g.node}
      </span>
      <span role="cell" className="cell-tags" title={g.tags.join(', ')}>
        {g.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </span>
      <span role="cell" className="num" data-testid="guest-cpu">
        {live ? formatPercent(g.cpu) : '—'}
      </span>
      {/* A stopped or hibernated guest holds no memory: "—", with its configured size in the tooltip. */}
      <span role="cell" className="num" data-testid="guest-mem" title={live ? undefined : `${formatBytes(g.maxmem)} configured`}>
        {live ? formatBytesOf(g.mem, g.maxmem) : '—'}
      </span>
      <span role="cell" className="num" data-testid="guest-uptime">
        {live ? formatDuration(g.uptime) : '—'}
      </span>
      <GuestIoCell guest={g} which="disk" />
      <GuestIoCell guest={g} which="net" />
      <span role="cell" className="cell-actions">
        {progress !== undefined ? <TaskStatus progress={progress} onDismiss={() => onDismissTask(row.key)} tabIndex={buttonTab} /> : null}
        {/* No action while the state is unknown: the row says why instead. */}
        {g.staleReason !== null && progress === undefined ? (
          <span className="state-reason" data-testid="guest-stale-reason" title={g.staleReason}>
            {g.staleReason}
          </span>
        ) : !inFlight && !needsReading ? (
          <ActionButtons row={row} onAction={onAction} tabIndex={buttonTab} compact />
        ) : null}
      </span>
    </div>
  )
}

export const GuestRowView = memo(GuestRowViewInner)
