// An SSH failure explained, with the one thing to do about it.
import { useState } from 'react'

import { call, useApi } from '../../api/api-context'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { Route } from '../../state/use-navigation'
import type { SshAuthReason, SshProblem } from './ssh-error'

export interface SshErrorPanelProps {
  readonly problem: SshProblem
  readonly clusterId: string
  readonly node: string
  /** Re-runs the health check (after trusting a key, or forgetting a changed one). */
  readonly onTrusted: () => void
  readonly navigate: (to: Route) => void
  /** Where the panel stands: the node page's health check (default) or the settings' "Test SSH". */
  readonly context?: 'health' | 'test'
}

/** The heading of a login that did not happen, by what stopped it: most are on this computer, not the node. */
const AUTH_TITLES: Readonly<Record<SshAuthReason, string>> = {
  'key-rejected': 'The node refused the SSH login',
  'passphrase-wrong': 'The stored passphrase does not unlock the SSH key',
  'passphrase-missing': 'The SSH key needs its passphrase',
  'key-unreadable': 'The SSH key file cannot be used',
  'agent-unavailable': 'The SSH agent is not available'
}

export function SshErrorPanel({ problem, clusterId, node, onTrusted, navigate, context = 'health' }: SshErrorPanelProps): React.JSX.Element {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  if (problem.kind === 'key-changed') {
    return (
      <div className="panel panel-error" role="alert" data-testid="ssh-host-key-changed">
        <h3>This node’s SSH host key has changed</h3>
        <p>
          {node} presented a different SSH host key than the one the app pinned. After a reinstall of the node this is expected; otherwise someone may be
          intercepting the connection. Compare the new key with the one on the node before you go on:
        </p>
        <pre className="code">ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</pre>
        <dl className="fingerprints">
          <dt>Pinned (old)</dt>
          <dd>
            <code data-testid="ssh-pinned-fingerprint">{problem.pinned ?? 'unknown'}</code>
          </dd>
          <dt>Presented now (new)</dt>
          <dd>
            <code data-testid="ssh-presented-fingerprint">{problem.presented ?? 'unknown'}</code>
          </dd>
        </dl>
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
          Forget the old key
        </button>
        {error !== null ? <p className="error-text">{error}</p> : null}
        {confirming ? (
          <ConfirmDialog
            title={`Forget the old SSH host key of ${node}?`}
            body="Only do this if the node was reinstalled or its keys were regenerated on purpose. The new key is not trusted yet: the check runs again and asks you to confirm its fingerprint."
            confirmLabel="Forget the old key"
            danger
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false)
              void call(api, 'ssh:forget-host-key', { clusterId, node }).then((r) => {
                if (r.ok) onTrusted()
                else setError(r.error.message)
              })
            }}
          />
        ) : null}
      </div>
    )
  }
  if (problem.kind === 'host-key') {
    return (
      <div className="panel panel-warning" role="alert" data-testid="ssh-host-key">
        <h3>This node’s SSH host key is not trusted yet</h3>
        <p>The app has not connected to {node} over SSH before. Make sure this is the node’s key before trusting it: on the node, run</p>
        <pre className="code">ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</pre>
        <p>
          and compare: <code data-testid="ssh-fingerprint">{problem.fingerprint}</code>
        </p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            void call(api, 'ssh:trust-host-key', { clusterId, node, fingerprint: problem.fingerprint }).then((r) => {
              if (r.ok) onTrusted()
              else setError(r.error.message)
            })
          }}
        >
          Trust this host key
        </button>
        {error !== null ? <p className="error-text">{error}</p> : null}
      </div>
    )
  }
  if (problem.kind === 'auth') {
    return (
      <div className="panel panel-error" role="alert" data-testid="ssh-auth">
        <h3>{AUTH_TITLES[problem.reason]}</h3>
        <p>{problem.message}</p>
        {problem.reason === 'key-rejected' ? (
          <p>Check the SSH user and key in the cluster’s settings, and that the key is in the user’s authorized_keys on {node}.</p>
        ) : null}
        {context === 'health' ? (
          <button type="button" className="btn" onClick={() => navigate({ view: 'settings' })}>
            Open settings
          </button>
        ) : null}
      </div>
    )
  }
  return (
    <div className="panel panel-error" role="alert" data-testid="ssh-error">
      <h3>{context === 'test' ? 'The SSH test failed' : 'The health check could not run'}</h3>
      <p>{problem.message}</p>
    </div>
  )
}
