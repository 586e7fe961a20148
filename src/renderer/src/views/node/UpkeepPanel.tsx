// The node page's upkeep: updates waiting (with the package list), the certificate's expiry, replication jobs and
// the subscription, as main last read them (on its own schedule, never by the poll), with "Check again".
import type { NodeUpkeep } from '@shared/upkeep'
import { useState } from 'react'

import { formatDateTime } from '../../lib/format'
import { useNow } from '../../state/use-now'
import { ToneText } from './ToneText'
import { certificateLine, subscriptionLine } from './upkeep-words'
import { UpkeepReplication, UpkeepUpdates } from './UpkeepLists'
import { useUpkeep } from './use-upkeep'

/** The oldest read among the node's facts ("checked …"), or null when none was read. */
function checkedAt(n: NodeUpkeep): number | null {
  const times = [n.updates, n.certificate, n.replication, n.subscription].map((f) => f.checkedAt).filter((t): t is number => t !== null)
  return times.length === 0 ? null : Math.min(...times)
}

export function UpkeepPanel({ clusterId, node, answering }: { clusterId: string; node: string; answering: boolean }): React.JSX.Element {
  const { value, error, check } = useUpkeep(clusterId)
  const [checking, setChecking] = useState(false)
  const now = useNow(60_000)
  const n = value?.nodes.find((x) => x.node === node)
  const again = (): void => {
    setChecking(true)
    void check(node).finally(() => setChecking(false))
  }
  const at = n === undefined ? null : checkedAt(n)
  return (
    <section className="panel" aria-labelledby="upkeep-title" data-testid="node-upkeep">
      <div className="panel-head">
        <h2 id="upkeep-title">Updates, certificate, replication, subscription</h2>
        <button type="button" className="btn" onClick={again} disabled={checking}>
          {checking ? 'Checking…' : 'Check updates again'}
        </button>
      </div>
      <p className="muted-text">
        Read from the node every few hours (replication every 10 minutes) and when you ask; the package index is never refreshed by this app.
        {at !== null ? ` Checked ${formatDateTime(at)}.` : ''}
      </p>
      {!answering && at !== null ? (
        <p className="warning-text" data-testid="upkeep-stale">
          {node} is not answering now: what follows is from earlier checks, not now.
        </p>
      ) : null}
      {error !== null ? (
        <p className="error-text" role="alert">
          Could not ask PVE Tray for this node&apos;s upkeep: {error}
        </p>
      ) : null}
      {n === undefined ? (
        value === null && error === null ? (
          <p aria-busy="true">Reading…</p>
        ) : (
          <p className="muted-text">Not known for this node yet.</p>
        )
      ) : (
        <dl className="facts">
          <div className="facts-row">
            <dt>Updates</dt>
            <dd>
              <UpkeepUpdates fact={n.updates} />
            </dd>
          </div>
          <div className="facts-row">
            <dt>Certificate</dt>
            <dd>
              <ToneText line={certificateLine(n.certificate, now)} testId="upkeep-certificate" />
              {n.certificate.known && n.certificate.issuer !== null ? <span className="upkeep-detail">Issued by {n.certificate.issuer}</span> : null}
            </dd>
          </div>
          <div className="facts-row">
            <dt>Replication</dt>
            <dd>
              <UpkeepReplication fact={n.replication} now={now} />
            </dd>
          </div>
          <div className="facts-row">
            <dt>Subscription</dt>
            <dd>
              <ToneText line={subscriptionLine(n.subscription)} testId="upkeep-subscription" />
            </dd>
          </div>
        </dl>
      )}
    </section>
  )
}
