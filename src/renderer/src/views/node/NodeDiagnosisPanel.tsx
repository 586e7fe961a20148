// When the API does not answer for this node (reported offline, or the cluster silent), what SSH says:
// down altogether, or up with its Proxmox API stopped (then, in monitor-and-control mode, "Restart
// pveproxy" after a confirmation). Shown only in those conditions; nothing when SSH is not set up.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterMode } from '@shared/snapshot'
import type { NodeDiagnosis, ServiceRestartResult } from '@shared/views'
import { useCallback, useEffect, useRef, useState } from 'react'

import { call } from '../../api/api-context'
import { ConfirmDialog } from '../../components/ConfirmDialog'

export interface NodeDiagnosisPanelProps {
  readonly api: PveTrayApi
  readonly clusterId: string
  readonly node: string
  readonly mode: ClusterMode
  /** Changes when the node's reported condition changes: the diagnosis is read again then. */
  readonly condition: string
  /** A restart's outcome outlives this panel (which goes once the API answers again): the page shows it. */
  readonly onRestarted: (r: ServiceRestartResult) => void
}

export function NodeDiagnosisPanel({ api, clusterId, node, mode, condition, onRestarted }: NodeDiagnosisPanelProps): React.JSX.Element | null {
  const [diagnosis, setDiagnosis] = useState<NodeDiagnosis | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  const [confirming, setConfirming] = useState(false)

  // Only the latest answer may show (an older probe can finish last).
  const latest = useRef(0)
  const read = useCallback(
    (fresh: boolean) => {
      const mine = ++latest.current
      setChecking(true)
      setError(null)
      void call(api, 'nodes:diagnose', { clusterId, node, fresh }).then((r) => {
        if (mine !== latest.current) return
        setChecking(false)
        if (r.ok) setDiagnosis(r.value)
        else setError(r.error.message)
      })
    },
    [api, clusterId, node]
  )

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- marks "checking" for the request this effect starts
    read(false)
  }, [read, condition])

  if (diagnosis === null) return null
  const apiStopped = diagnosis?.services.some((s) => s.unit === 'pveproxy' && s.state !== 'active') === true
  return (
    <section className="panel panel-warning" aria-labelledby="diagnosis-title" data-testid="node-diagnosis" data-verdict={diagnosis?.verdict ?? 'checking'}>
      <div className="panel-head">
        <h2 id="diagnosis-title">Why the API does not answer (SSH)</h2>
        <button type="button" className="btn" onClick={() => read(true)} disabled={checking}>
          {checking ? 'Checking…' : 'Check over SSH again'}
        </button>
      </div>
      {diagnosis === undefined ? <p aria-busy="true">Asking {node} over SSH…</p> : null}
      {diagnosis !== undefined ? (
        <>
          <p data-testid="diagnosis-summary">
            <strong>{diagnosis.summary}</strong>
          </p>
          {diagnosis.services.length > 0 ? (
            <ul className="plain-list" aria-label="Proxmox services">
              {diagnosis.services.map((s) => (
                <li key={s.unit}>
                  {s.unit}: {s.state === 'active' ? 'running' : s.state}
                </li>
              ))}
            </ul>
          ) : null}
          {diagnosis.reason !== null && diagnosis.verdict !== 'ssh-only' ? <p className="muted-text">{diagnosis.reason}</p> : null}
          <p className="muted-text">Checked at {new Date(diagnosis.checkedAt).toLocaleTimeString()}.</p>
        </>
      ) : null}
      {apiStopped && mode === 'control' ? (
        <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
          Restart pveproxy
        </button>
      ) : null}
      {apiStopped && mode !== 'control' ? (
        <p className="muted-text">This cluster is watched in monitor-only mode: restart pveproxy on the node yourself (systemctl restart pveproxy).</p>
      ) : null}
      {error !== null ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={`Restart pveproxy on ${node}?`}
          body="The app runs systemctl restart pveproxy on the node over SSH. The web UI and API of this node are briefly unavailable while it restarts; guests are not affected."
          confirmLabel="Restart pveproxy"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void call(api, 'nodes:restart-pveproxy', { clusterId, node }).then((r) => {
              if (r.ok) onRestarted(r.value)
              else setError(r.error.message)
              read(true)
            })
          }}
        />
      ) : null}
    </section>
  )
}
