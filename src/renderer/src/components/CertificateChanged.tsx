// A node presenting another certificate than the pinned one: shown wherever the cluster is (overview,
// settings), with both fingerprints and a trust button that waits for the user's "I compared them".
import type { CertificateMismatch } from '@shared/snapshot'
import { useState } from 'react'

import { call, useApi } from '../api/api-context'

/**
 * A node presenting another certificate: both fingerprints side by side, and "trust" only after the user
 * says they compared them. Main pins only what the node presents at that moment.
 */
export function CertificateChanged({ clusterId, mismatch }: { clusterId: string; mismatch: CertificateMismatch }): React.JSX.Element {
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
          <code className="fingerprint" data-testid="pinned-fingerprint">
            {mismatch.pinned}
          </code>
        </dd>
        <dt>Presented now</dt>
        <dd>
          <code className="fingerprint" data-testid="presented-fingerprint">
            {mismatch.presented}
          </code>
        </dd>
      </dl>
      <p className="muted-text">Compare with the node: Datacenter → {who} → System → Certificates, or pvenode cert info on the node.</p>
      <label className="check">
        <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} />I compared them: the presented certificate is the
        node&apos;s
      </label>
      <button type="button" className="btn" disabled={!compared} onClick={trust}>
        Trust the new certificate
      </button>
      {outcome !== null ? <p className="error-text">{outcome}</p> : null}
    </div>
  )
}
