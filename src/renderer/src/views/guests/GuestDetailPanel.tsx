// The selected guest: facts, actions (or why there are none), task progress, notifications.
import type { HaResourceView } from '@shared/ha-ceph'
import type { PowerAction } from '@shared/snapshot'
import type { TaskProgress } from '@shared/views'

import { formatBytes, formatDuration, formatPercent } from '../../lib/format'
import type { GuestRow } from '../../lib/guest-query'
import { plainReason } from '../../lib/plain-reason'
import { ActionButtons } from './ActionButtons'
import { hasLiveFigures } from './guest-figures'
import { GuestAddresses } from './GuestAddresses'
import { GuestAlertControls } from './GuestAlertControls'
import { GuestBackup } from './GuestBackup'
import { GuestHaState } from './GuestHaState'
import { ioWords } from './GuestIo'
import { GuestLinks } from './GuestLinks'
import { MutedBadge } from './MutedBadge'
import { RequestDetails } from './RequestDetails'
import { taskDetails, taskFullText } from './TaskStatus'

export interface GuestDetailPanelProps {
  readonly row: GuestRow
  readonly progress: TaskProgress | undefined
  readonly actionError: string | null
  readonly onAction: (row: GuestRow, action: PowerAction) => void
  readonly onClose: () => void
  /** Focus moves here when the panel opens (see useDetailFocus). */
  readonly panelRef: React.Ref<HTMLElement>
  /** The HA manager's word on this guest (from the cluster's HA status), if it is an HA resource and was read. */
  readonly ha?: HaResourceView | null
}

export function GuestDetailPanel({ row, progress, actionError, onAction, onClose, panelRef, ha }: GuestDetailPanelProps): React.JSX.Element {
  const g = row.guest
  const live = hasLiveFigures(g.state)
  return (
    // Escape is handled around the panel and the table (useDetailFocus), so it works from either.
    <aside ref={panelRef} tabIndex={-1} className="panel guest-detail" aria-label={`Details of ${g.name}`} data-testid="guest-detail">
      <header className="detail-head">
        <h2>
          <span className="guest-name">{g.name}</span>{' '}
          <span className="muted-text">
            ({g.kind === 'qemu' ? 'VM' : 'CT'} {g.vmid})
          </span>
        </h2>
        {g.muted !== null ? <MutedBadge muted={g.muted} /> : null}
        <button type="button" className="btn btn-small" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          {g.state}
          {g.status !== g.state ? ` (${g.status})` : ''}
          {g.staleReason !== null ? ` — ${g.staleReason}: this is the last known state` : ''}
        </dd>
        <dt>Node</dt>
        <dd>
          {g.node} · {row.clusterName}
        </dd>
        {/* A stopped, hibernated or unknown guest shows "—", never "0 B" or "0 s" (see hasLiveFigures). */}
        <dt>CPU</dt>
        <dd data-testid="detail-cpu">
          {live ? formatPercent(g.cpu) : '—'} of {g.maxcpu ?? '—'} cores
        </dd>
        <dt>Memory</dt>
        <dd data-testid="detail-mem">{live ? `${formatBytes(g.mem)} / ${formatBytes(g.maxmem)}` : `— (${formatBytes(g.maxmem)} configured)`}</dd>
        <dt>Uptime</dt>
        <dd data-testid="detail-uptime">{live ? formatDuration(g.uptime) : '—'}</dd>
        {live ? (
          <>
            <dt>Disk I/O</dt>
            <dd data-testid="detail-diskio">{ioWords(g, 'disk')}</dd>
            <dt>Net I/O</dt>
            <dd data-testid="detail-netio">{ioWords(g, 'net')}</dd>
          </>
        ) : null}
        {g.tags.length > 0 ? (
          <>
            <dt>Tags</dt>
            <dd>{g.tags.join(', ')}</dd>
          </>
        ) : null}
        {g.hastate !== null ? (
          <>
            <dt>HA</dt>
            <dd data-testid="detail-ha">
              <GuestHaState hastate={g.hastate} resource={ha ?? null} />
            </dd>
          </>
        ) : null}
      </dl>
      <div className="detail-actions">
        <ActionButtons row={row} onAction={onAction} />
        {g.actions.length === 0 && g.actionsDisabledReason !== null ? (
          <p className="muted-text" data-testid="actions-disabled-reason">
            {g.actionsDisabledReason}
          </p>
        ) : null}
        {/* The whole outcome, which the row may have had to cut. */}
        {progress !== undefined ? (
          <>
            <p className={`task-${progress.phase}`} data-testid="detail-task">
              {taskFullText(progress)}
            </p>
            <RequestDetails details={taskDetails(progress)} />
          </>
        ) : null}
        {/* The request's error, unless the task line above already says it. */}
        {actionError !== null && !(progress?.message ?? '').includes(actionError) ? (
          <>
            <p className="error-text" role="alert">
              {plainReason(actionError).text}
            </p>
            <RequestDetails details={plainReason(actionError).details} />
          </>
        ) : null}
      </div>
      <GuestLinks row={row} />
      <GuestAddresses row={row} />
      <GuestBackup row={row} />
      <GuestAlertControls row={row} />
    </aside>
  )
}
