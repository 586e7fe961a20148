// A cluster's headline: health, quorum, who answered and when, and the last error in words.
import { useState } from 'react'

import type { CertificateMismatch, ClusterSnapshot } from '@shared/snapshot'

import { call, useApi } from '../../api/api-context'
import { Freshness } from '../../components/Freshness'

export function ClusterSummary({ cluster }: { cluster: ClusterSnapshot }): React.JSX.Element {
  const api = useApi()
  const [checking, setChecking] = useState(false)
  // After fixing the token or the network, the user need not wait for the next poll.
  const checkAgain = (): void => {
    setChecking(true)
    void call(api, 'clusters:refresh', { clusterId: cluster.clusterId }).finally(() => setChecking(false))
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
        <CertificateChanged key={`${m.host}:${m.port}`} clusterId={cluster.clusterId} mismatch={m} />
      ))}
      {cluster.emptyView ? (
        <p className="warning-text" role="alert">
          The token logs in but sees nothing. With privilege separation the token needs its own permissions: run the ACL command from the setup screen.
        </p>
      ) : null}
    </header>
  )
}

/**
 * A node presenting another certificate: both fingerprints side by side, and "trust" only after the user
 * says they compared them. Main pins only what the node presents at that moment.
 */
function CertificateChanged({ clusterId, mismatch }: { clusterId: string; mismatch: CertificateMismatch }): React.JSX.Element {
  const api = useApi()
  const [compared, setCompared] = useState(false)
  const [outcome, setOutcome] = useState<string | null>(null)
  const who = mismatch.node ?? `${mismatch.host}:${mismatch.port}`
  const trust = (): void => {
    void call(api, 'settings:trust-certificate', { clusterId, host: mismatch.host, port: mismatch.port, fingerprint256: mismatch.presented }).then((r) =>
      setOutcome(r.ok ? null : r.error.message)
    )
  }
  return (
    <div className="panel panel-warning" role="alert" data-testid="certificate-changed">
      <p>
        <strong>{who}</strong> ({mismatch.host}:{mismatch.port}) presents another certificate. Nothing is sent to it until you decide.
      </p>
      <dl className="facts">
        <dt>Pinned</dt>
        <dd>
          <code className="fingerprint" data-testid="pinned-fingerprint">{mismatch.pinned}</code>
        </dd>
        <dt>Presented now</dt>
        <dd>
          <code className="fingerprint" data-testid="presented-fingerprint">{mismatch.presented}</code>
        </dd>
      </dl>
      <p className="muted-text">Compare with the node: Datacenter → {who} → System → Certificates, or pvenode cert info on the node.</p>
      <label className="check">
        <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} />
        I compared them: the presented certificate is the node&apos;s
      </label>
      <button type="button" className="btn" disabled={!compared} onClick={trust}>
        Trust the new certificate
      </button>
      {outcome !== null ? <p className="error-text">{outcome}</p> : null}
    </div>
  )
}
