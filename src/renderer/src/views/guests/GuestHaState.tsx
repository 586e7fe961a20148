// A guest's HA state in its details: the HA manager's verbose state and what was requested (from the cluster's
// HA status, read at the slow cadence) where known, else the state /cluster/resources reports.
import type { HaResourceView } from '@shared/ha-ceph'

export function GuestHaState({ hastate, resource }: { hastate: string; resource: HaResourceView | null }): React.JSX.Element {
  if (resource === null) return <>{hastate}</>
  return (
    <>
      <span className={resource.problem ? 'error-text' : undefined}>{resource.state}</span>
      {resource.requestState !== null && resource.requestState !== resource.state ? ` (requested ${resource.requestState})` : ''}
      {resource.problem ? ' — the HA manager needs you: see the HA panel on the overview' : ''}
    </>
  )
}
