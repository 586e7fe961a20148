// Above the table while guests are selected: how many (and how many the filters hide), and one button per
// bulk action saying how many of them it would touch and why the others are left out.
import { BULK_ACTIONS, type BulkAction } from '@shared/bulk-actions'

import { type BulkPlan, bulkPlan, planLabel } from '../../lib/bulk-plan'
import { actionLabel } from '../../lib/format'
import type { GuestSelection } from './use-guest-selection'

export interface BulkBarProps {
  readonly selection: GuestSelection
  /** A bulk run is still going: one at a time. */
  readonly running: boolean
  readonly onChoose: (plan: BulkPlan) => void
}

export function BulkBar({ selection, running, onChoose }: BulkBarProps): React.JSX.Element | null {
  const n = selection.rows.length
  if (n === 0) return null
  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions" data-testid="bulk-bar">
      <span className="bulk-count" data-testid="bulk-count" aria-live="polite">
        {n} selected{selection.hidden > 0 ? ` (${selection.hidden} hidden by the filters)` : ''}
      </span>
      {BULK_ACTIONS.map((a: BulkAction) => {
        const plan = bulkPlan(selection.rows, a)
        const { text, note } = planLabel(plan, actionLabel(a))
        const why = running ? 'Wait until the running bulk action has ended, or cancel its rest' : plan.apply.length === 0 ? `None can: ${note}` : note
        return (
          <span key={a} className="bulk-choice">
            <button
              type="button"
              className={`btn btn-small${a === 'stop' ? ' bulk-stop' : ''}`}
              data-testid={`bulk-${a}`}
              disabled={running || plan.apply.length === 0}
              title={why === '' ? undefined : why}
              onClick={() => onChoose(plan)}
            >
              {text}
            </button>
            {note !== '' ? <span className="bulk-note">({note})</span> : null}
          </span>
        )
      })}
      <button type="button" className="btn btn-small" onClick={selection.clear}>
        Clear selection
      </button>
    </div>
  )
}
