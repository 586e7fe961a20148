// "Test SSH" for a saved cluster: per node, the key the app pinned, what the user's known_hosts says of
// that address (importable, @revoked shown), and a real login with the saved settings. A failed test shows
// the same panel as the node page: an unknown key offered for trust with its fingerprint, a changed one
// with both fingerprints, a refused login or a wrong passphrase with what to do.
import type { IpcError, PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSettingsView, KnownHostKey, KnownHostsNode, KnownHostsReport, SshTestResult } from '@shared/views'
import { useCallback, useEffect, useState } from 'react'

import { call } from '../../api/api-context'
import type { Route } from '../../state/use-navigation'
import { classifySshError } from '../node/ssh-error'
import { SshErrorPanel } from '../node/SshErrorPanel'

export interface SshTestPanelProps {
  readonly api: PveTrayApi
  readonly cluster: ClusterSettingsView
  readonly navigate: (to: Route) => void
}

type Outcome = { readonly state: 'running' } | { readonly state: 'ok'; readonly result: SshTestResult } | { readonly state: 'failed'; readonly error: IpcError }

export function SshTestPanel({ api, cluster, navigate }: SshTestPanelProps): React.JSX.Element {
  const [report, setReport] = useState<KnownHostsReport | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const [outcomes, setOutcomes] = useState<Readonly<Record<string, Outcome>>>({})
  const [importError, setImportError] = useState<string | null>(null)
  const configured = cluster.ssh.keyPath !== null || cluster.ssh.useAgent

  const read = useCallback(async (): Promise<void> => {
    const r = await call(api, 'ssh:known-hosts', { clusterId: cluster.id })
    if (r.ok) setReport(r.value)
    else setReadError(r.error.message)
  }, [api, cluster.id])

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list arrives after the request this effect starts
    void read()
  }, [read])

  const test = async (node: string): Promise<void> => {
    setOutcomes((o) => ({ ...o, [node]: { state: 'running' } }))
    const r = await call(api, 'ssh:test', { clusterId: cluster.id, node })
    setOutcomes((o) => ({ ...o, [node]: r.ok ? { state: 'ok', result: r.value } : { state: 'failed', error: r.error } }))
    // A successful first login pins the key (from known_hosts, or the one just trusted): show the new pin.
    void read()
  }

  const importKey = async (node: string, key: KnownHostKey): Promise<void> => {
    setImportError(null)
    const r = await call(api, 'ssh:import-known-host', { clusterId: cluster.id, node, fingerprint: key.fingerprint })
    if (r.ok) setReport(r.value)
    else setImportError(r.error.message)
  }

  return (
    <section className="panel ssh-test" aria-label={`SSH of ${cluster.name}`}>
      <h3>SSH of {cluster.name}</h3>
      <p className="muted-text">
        Tests log in with the saved settings ({cluster.ssh.user}, port {cluster.ssh.port},{' '}
        {cluster.ssh.keyPath !== null ? `key ${cluster.ssh.keyPath}` : 'the SSH agent'}) and run <code>pveversion</code>, which changes nothing on the node.
        {report?.file != null ? ` Host keys already in ${report.file} are listed beside the app's own.` : ''}
      </p>
      {!configured ? (
        <p className="warning-text">SSH is not set up for this cluster: choose Edit and enter an SSH user and a key file, or the SSH agent.</p>
      ) : null}
      {readError !== null ? <p className="error-text">{readError}</p> : null}
      {importError !== null ? (
        <p className="error-text" role="alert">
          {importError}
        </p>
      ) : null}
      {report === null && readError === null ? <p aria-busy="true">Reading known hosts…</p> : null}
      <ul className="plain-list ssh-test-nodes">
        {(report?.nodes ?? []).map((n) => (
          <li key={n.node} data-ssh-node={n.node}>
            <NodeKeys entry={n} onImport={(k) => void importKey(n.node, k)} />
            <button type="button" className="btn btn-small" disabled={!configured || outcomes[n.node]?.state === 'running'} onClick={() => void test(n.node)}>
              Test SSH on {n.node}
            </button>
            <TestOutcome outcome={outcomes[n.node]} clusterId={cluster.id} node={n.node} onRetry={() => void test(n.node)} navigate={navigate} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function NodeKeys({ entry, onImport }: { entry: KnownHostsNode; onImport: (k: KnownHostKey) => void }): React.JSX.Element {
  return (
    <div className="ssh-node-keys">
      <strong>{entry.node}</strong> <span className="muted-text">{entry.hostPort ?? 'no SSH address known yet'}</span>
      <dl className="facts">
        <div className="facts-row">
          <dt>Pinned by the app</dt>
          <dd data-testid="ssh-pinned">{entry.pinned === null ? 'none yet' : <KeyText k={entry.pinned} />}</dd>
        </div>
        {entry.trusted.map((k) => (
          <KnownHostLine key={k.fingerprint} k={k} pinned={entry.pinned} onImport={onImport} />
        ))}
        {entry.revoked.map((k) => (
          <div key={`revoked ${k.fingerprint}`} className="facts-row" data-testid="ssh-revoked">
            <dt>@revoked in known_hosts</dt>
            <dd>
              <KeyText k={k} /> <span className="error-text">refused whatever else vouches for it</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

function KnownHostLine({ k, pinned, onImport }: { k: KnownHostKey; pinned: KnownHostKey | null; onImport: (k: KnownHostKey) => void }): React.JSX.Element {
  return (
    <div className="facts-row" data-testid="ssh-known-host">
      <dt>In known_hosts</dt>
      <dd>
        <KeyText k={k} />{' '}
        {pinned === null ? (
          <button type="button" className="btn btn-small" onClick={() => onImport(k)}>
            Pin this key
          </button>
        ) : pinned.fingerprint === k.fingerprint ? (
          <span className="success-text">the pinned key</span>
        ) : (
          <span className="warning-text">differs from the pinned key</span>
        )}
      </dd>
    </div>
  )
}

function KeyText({ k }: { k: KnownHostKey }): React.JSX.Element {
  return (
    <>
      {k.keyType !== '' ? `${k.keyType} ` : ''}
      <code className="fingerprint">{k.fingerprint}</code>
    </>
  )
}

interface TestOutcomeProps {
  readonly outcome: Outcome | undefined
  readonly clusterId: string
  readonly node: string
  readonly onRetry: () => void
  readonly navigate: (to: Route) => void
}

function TestOutcome({ outcome, clusterId, node, onRetry, navigate }: TestOutcomeProps): React.JSX.Element | null {
  if (outcome === undefined) return null
  if (outcome.state === 'running') {
    return (
      <p role="status" aria-busy="true">
        Logging into {node}…
      </p>
    )
  }
  if (outcome.state === 'failed') {
    return <SshErrorPanel problem={classifySshError(outcome.error)} clusterId={clusterId} node={node} onTrusted={onRetry} navigate={navigate} context="test" />
  }
  const r = outcome.result
  return (
    <p role="status" className="success-text" data-testid="ssh-test-ok">
      Logged in to {r.target} in {r.elapsedMs} ms.{' '}
      {r.proxmox !== null ? `It answers ${r.proxmox}.` : 'pveversion did not answer: this host does not look like a Proxmox VE node.'}{' '}
      {r.hostKey !== null ? (
        <>
          Host key <KeyText k={r.hostKey} />
          {r.trustedBy === 'known-hosts' ? ', found in your known_hosts and pinned now.' : r.trustedBy === 'pin' ? ', the pinned one.' : '.'}
        </>
      ) : null}
    </p>
  )
}
