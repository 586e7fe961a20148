// Saved clusters with edit, change-token and remove (confirmed).
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'
import type { ClusterSettingsView, SettingsView } from '@shared/views'
import { useState } from 'react'

import { call } from '../../api/api-context'
import { CertificateChanged } from '../../components/CertificateChanged'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { Route } from '../../state/use-navigation'
import { ClusterEditor } from './ClusterEditor'
import { SshTestPanel } from './SshTestPanel'

export interface ClusterListProps {
  readonly api: PveTrayApi
  readonly clusters: readonly ClusterSettingsView[]
  readonly snapshots: readonly ClusterSnapshot[]
  readonly onSaved: (s: SettingsView) => void
  readonly navigate: (to: Route) => void
}

export function ClusterList({ api, clusters, snapshots, onSaved, navigate }: ClusterListProps): React.JSX.Element {
  const [editing, setEditing] = useState<string | null>(null)
  const [testing, setTesting] = useState<string | null>(null)
  const [removing, setRemoving] = useState<ClusterSettingsView | null>(null)
  const [error, setError] = useState<string | null>(null)
  return (
    <section className="panel" aria-labelledby="clusters-title">
      <div className="panel-head">
        <h2 id="clusters-title">Clusters</h2>
        <button type="button" className="btn btn-primary" onClick={() => navigate({ view: 'onboarding' })}>
          Add cluster
        </button>
      </div>
      {clusters.length === 0 ? <p className="muted-text">No cluster yet: the app shows its demo cluster.</p> : null}
      <ul className="cluster-list">
        {clusters.map((c) => (
          <li key={c.id} data-cluster={c.id}>
            <div className="cluster-line">
              <strong>{c.name}</strong>
              <span className="badge">{c.mode === 'control' ? 'monitor and control' : 'monitor only'}</span>
              <span className="muted-text">
                {c.endpoints.map((e) => `${e.host}:${e.port}`).join(', ')} · {c.tokenId}
                {c.hasTokenSecret ? '' : ' · no secret stored'}
              </span>
              <span className="spacer" />
              <button type="button" className="btn btn-small" onClick={() => setEditing(editing === c.id ? null : c.id)}>
                Edit
              </button>
              <button type="button" className="btn btn-small" aria-expanded={testing === c.id} onClick={() => setTesting(testing === c.id ? null : c.id)}>
                Test SSH
              </button>
              <button type="button" className="btn btn-small" onClick={() => navigate({ view: 'onboarding', clusterId: c.id })}>
                Change token
              </button>
              <button type="button" className="btn btn-small btn-danger" onClick={() => setRemoving(c)}>
                Remove
              </button>
            </div>
            {(snapshots.find((x) => x.clusterId === c.id)?.certificateMismatches ?? []).map((m) => (
              <CertificateChanged key={`${m.host}:${m.port}:${m.presented}`} clusterId={c.id} mismatch={m} />
            ))}
            {editing === c.id ? <ClusterEditor api={api} cluster={c} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
            {testing === c.id ? <SshTestPanel key={JSON.stringify(c.ssh)} api={api} cluster={c} navigate={navigate} /> : null}
          </li>
        ))}
      </ul>
      {error !== null ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {removing !== null ? (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          body="The app stops watching it and forgets its token secret. Nothing changes on the cluster itself."
          confirmLabel="Remove"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id
            setRemoving(null)
            void call(api, 'settings:remove-cluster', { clusterId: id }).then((r) => (r.ok ? onSaved(r.value) : setError(r.error.message)))
          }}
        />
      ) : null}
    </section>
  )
}
