// The overview card's upkeep line: how many updates wait on the node ("not known" is not "0"), and a flag for
// a certificate near expiry or a failing replication job. The node page has the details.
import { useNow } from '../../state/use-now'
import { certificateFlag, failingJobs, updatesCount } from './upkeep-words'
import { useUpkeep } from './use-upkeep'

export function UpkeepCardLine({ clusterId, node }: { clusterId: string; node: string }): React.JSX.Element | null {
  const { value } = useUpkeep(clusterId)
  const now = useNow(60_000)
  const n = value?.nodes.find((x) => x.node === node)
  if (n === undefined) return null
  const count = updatesCount(n.updates)
  const cert = certificateFlag(n.certificate, now)
  const failing = failingJobs(n.replication)
  return (
    <p className="upkeep-line" data-testid="upkeep-card">
      <span data-testid="upkeep-count">
        Updates: {count === null ? (n.updates.known === false && n.updates.hidden ? 'hidden' : 'not known') : count === 0 ? 'none' : count}
      </span>
      {cert !== null ? <span className="badge badge-warn">{cert}</span> : null}
      {failing > 0 ? <span className="badge badge-warn">{failing === 1 ? 'replication failing' : `${failing} replications failing`}</span> : null}
    </p>
  )
}
