// A cluster's headline: health, quorum, who answered and when, and the last error in words.
import type { ClusterSnapshot } from '@shared/snapshot'

import { Freshness } from '../../components/Freshness'

export function ClusterSummary({ cluster }: { cluster: ClusterSnapshot }): React.JSX.Element {
  return (
    <header className="cluster-head">
      <h2>
        {cluster.clusterName}
        {cluster.demo ? <span className="badge">demo</span> : null}
        <span className="badge">{cluster.mode === 'control' ? 'monitor and control' : 'monitor only'}</span>
      </h2>
      <p className={`health health-${cluster.health}`} data-testid="cluster-health">
        <span className={`dot dot-${cluster.health}`} aria-hidden="true" /> {cluster.summary}
      </p>
      <p className="cluster-meta">
        <span data-testid="quorum">{cluster.quorate === null ? 'Quorum unknown' : cluster.quorate ? 'Quorate' : 'NOT quorate'}</span>
        {' · '}
        <Freshness at={cluster.fetchedAt} endpoint={cluster.endpoint} stale={cluster.stale} />
      </p>
      {cluster.lastError !== null ? (
        <p className="error-text" role="alert">
          {cluster.lastError.message}
        </p>
      ) : null}
      {cluster.emptyView ? (
        <p className="warning-text" role="alert">
          The token logs in but sees nothing. With privilege separation the token needs its own permissions: run the ACL command from the setup screen.
        </p>
      ) : null}
    </header>
  )
}
