// The power buttons for a guest's state; disabled ones say why (GuestView.actionsDisabledReason).
// In the table they are icon buttons (name and tooltip say the action); in the detail panel they
// carry their words too.
import type { PowerAction } from '@shared/snapshot'

import { actionLabel } from '../../lib/format'
import { type GuestRow, rowActions } from '../../lib/guest-query'
import { ActionIcon } from './ActionIcon'

export interface ActionButtonsProps {
  readonly row: GuestRow
  readonly onAction: (row: GuestRow, action: PowerAction) => void
  /** -1 keeps buttons of inactive rows out of the Tab order (one row is the roving tab stop). */
  readonly tabIndex?: number
  /** Icons only (the table row); the detail panel shows the words as well. */
  readonly compact?: boolean
}

export function ActionButtons({ row, onAction, tabIndex, compact = false }: ActionButtonsProps): React.JSX.Element {
  const g = row.guest
  const reason = g.actionsDisabledReason
  return (
    <span className={compact ? 'actions actions-compact' : 'actions'}>
      {rowActions(g).map((a) => {
        const allowed = g.actions.includes(a) && !g.busy
        const why = g.busy ? 'A task is running on this guest' : (reason ?? 'Not possible in this state')
        return (
          <button
            key={a}
            type="button"
            className={`btn btn-small action-${a}${compact ? ' btn-icon' : ''}`}
            disabled={!allowed}
            tabIndex={tabIndex}
            title={allowed ? `${actionLabel(a)} ${g.name}` : `${actionLabel(a)}: ${why}`}
            aria-label={`${actionLabel(a)} ${g.name}`}
            onClick={(e) => {
              e.stopPropagation()
              onAction(row, a)
            }}
            // Enter and Space press the button, not the row around it; Escape still closes the details.
            onKeyDown={(e) => {
              if (e.key !== 'Escape') e.stopPropagation()
            }}
          >
            <ActionIcon action={a} />
            {compact ? null : <span>{actionLabel(a)}</span>}
          </button>
        )
      })}
    </span>
  )
}
