// The power buttons for a guest's state; disabled ones say why (GuestView.actionsDisabledReason).
import type { PowerAction } from '@shared/snapshot'

import { actionLabel } from '../../lib/format'
import { rowActions, type GuestRow } from '../../lib/guest-query'

export interface ActionButtonsProps {
  readonly row: GuestRow
  readonly onAction: (row: GuestRow, action: PowerAction) => void
  /** -1 keeps buttons of inactive rows out of the Tab order (one row is the roving tab stop). */
  readonly tabIndex?: number
}

export function ActionButtons({ row, onAction, tabIndex }: ActionButtonsProps): React.JSX.Element {
  const g = row.guest
  const reason = g.actionsDisabledReason
  return (
    <span className="actions">
      {rowActions(g).map((a) => {
        const allowed = g.actions.includes(a) && !g.busy
        return (
          <button
            key={a}
            type="button"
            className={`btn btn-small action-${a}`}
            disabled={!allowed}
            tabIndex={tabIndex}
            title={!allowed ? (g.busy ? 'A task is running on this guest' : (reason ?? 'Not possible in this state')) : undefined}
            aria-label={`${actionLabel(a)} ${g.name}`}
            onClick={(e) => {
              e.stopPropagation()
              onAction(row, a)
            }}
            onKeyDown={(e) => e.stopPropagation()}
          >
            {actionLabel(a)}
          </button>
        )
      })}
    </span>
  )
}
