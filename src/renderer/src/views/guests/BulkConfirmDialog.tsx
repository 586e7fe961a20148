// The one confirmation of a bulk action: every guest it will touch (name, VMID, node) and every selected
// guest it leaves out, with the reason. Cancel has the focus, so a stray Enter sends nothing.
import { BULK_PER_NODE, type BulkAction } from '@shared/bulk-actions'

import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { BulkPlan } from '../../lib/bulk-plan'
import { actionLabel } from '../../lib/format'
import type { GuestRow } from '../../lib/guest-query'

const WHAT: Readonly<Record<BulkAction, string>> = {
  start: 'Each guest is started.',
  shutdown: 'Each guest is asked to shut down cleanly. Services they run will stop.',
  reboot: 'Each guest restarts. Services they run are briefly unavailable.',
  stop: 'Each guest is powered off at once, like pulling the plug. Unsaved data in them is lost.'
}

function Who({ row, multiCluster }: { row: GuestRow; multiCluster: boolean }): React.JSX.Element {
  const g = row.guest
  return (
    <>
      <span className="bulk-name">{g.name}</span>{' '}
      <span className="bulk-meta">{`${g.kind === 'qemu' ? 'VM' : 'CT'} ${g.vmid} on ${g.node}${multiCluster ? ` (${row.clusterName})` : ''}`}</span>
    </>
  )
}

export interface BulkConfirmDialogProps {
  readonly plan: BulkPlan
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

export function BulkConfirmDialog({ plan, onConfirm, onCancel }: BulkConfirmDialogProps): React.JSX.Element {
  const n = plan.apply.length
  const label = actionLabel(plan.action)
  const multiCluster = new Set([...plan.apply, ...plan.skip.map((s) => s.row)].map((r) => r.clusterId)).size > 1
  const guests = `${n} guest${n === 1 ? '' : 's'}`
  return (
    <ConfirmDialog
      title={`${label} ${guests}?`}
      body={`${WHAT[plan.action]} At most ${BULK_PER_NODE} at a time per node; each one's progress shows above the table.`}
      confirmLabel={plan.action === 'stop' ? `Stop ${guests} now` : `${label} ${guests}`}
      danger={plan.action === 'stop'}
      onConfirm={onConfirm}
      onCancel={onCancel}
      className="bulk-dialog"
      testId="bulk-confirm"
    >
      <h3 className="bulk-list-title">{`Will ${label.toLowerCase()} (${n})`}</h3>
      <ul className="bulk-list" data-testid="bulk-confirm-apply" tabIndex={0} aria-label={`Guests to ${label.toLowerCase()}`}>
        {plan.apply.map((r) => (
          <li key={r.key} data-vmid={r.guest.vmid}>
            <Who row={r} multiCluster={multiCluster} />
          </li>
        ))}
      </ul>
      {plan.skip.length > 0 ? (
        <>
          <h3 className="bulk-list-title">{`Left out (${plan.skip.length})`}</h3>
          <ul className="bulk-list" data-testid="bulk-confirm-skip" tabIndex={0} aria-label="Guests left out">
            {plan.skip.map((s) => (
              <li key={s.row.key} data-vmid={s.row.guest.vmid}>
                <Who row={s.row} multiCluster={multiCluster} /> <span className="bulk-reason">— {s.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ConfirmDialog>
  )
}
