// A cluster's headline: health, quorum, who answered and when, and the last error in words.
import type { ClusterSnapshot } from '@shared/snapshot'
import { useState } from 'react'

import { call, useApi } from '../../api/api-context'
import { CertificateChanged } from '../../components/CertificateChanged'
import { Freshness } from '../../components/Freshness'

export function ClusterSummary({ cluster }: { cluster: ClusterSnapshot }): React.JSX.Element {
  const api = useApi()
  const [checking, setChecking] = useState(false)
  // After fixing the token or the network, the user need not wait for the next poll.
  const checkAgain = (): void => {
    setChecking(true)
    void call(api, 'clusters:refresh', { clusterId: cluster.clusterId }).finally(() => setChecking(false))
  }
  const [openError, setOpenError] = useState<string | null>(null)
  // Main opens the cluster's own web UI (a URL it builds from the settings), as the tray's item does.
  const openWebUi = (): void => {
    setOpenError(null)
    void call(api, 'app:open-web-ui', { clusterId: cluster.clusterId }).then((r) => setOpenError(r.ok ? null : r.error.message))
  }
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
      <p className="btn-row">
        <button type="button" className="btn btn-small" onClick={checkAgain} disabled={checking} aria-label={`Refresh now (${cluster.clusterName})`}>
          {checking ? 'Refreshing…' : 'Refresh now'}
        </button>
        <button type="button" className="btn btn-small" onClick={openWebUi} aria-label={`Open in web UI (${cluster.clusterName})`}>
          Open in web UI
        </button>
      </p>
      {openError !== null ? (
        <p className="error-text" role="alert">
          {openError}
        </p>
      ) : null}
      {cluster.lastError !== null ? (
        <p className="error-text" role="alert">
          {cluster.lastError.message}{' '}
          {cluster.stale ? (
            <button type="button" className="btn btn-small" onClick={checkAgain} disabled={checking}>
              {checking ? 'Checking…' : 'Check again'}
            </button>
          ) : null}
        </p>
      ) : null}
      {cluster.certificateMismatches.map((m) => (
        <CertificateChanged key={`${m.host}:${m.port}:${m.presented}`} clusterId={cluster.clusterId} mismatch={m} />
      ))}
      {cluster.emptyView ? (
        <p className="warning-text" role="alert">
          The token logs in but sees nothing. With privilege separation the token needs its own permissions: run the ACL command from the setup screen.
        </p>
      ) : null}
    </header>
  )
}
