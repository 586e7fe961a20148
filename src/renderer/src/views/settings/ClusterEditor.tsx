// Edit a saved cluster: name, mode, endpoints, SSH. The token is changed through onboarding.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSettingsView, SettingsView } from '@shared/views'
import { useState } from 'react'

import { call } from '../../api/api-context'
import { Field } from '../../components/Field'
import {
  caChanged,
  type ClusterEditorForm,
  editorForm,
  editorInput,
  type EndpointRow,
  endpointsChanged,
  sshChanged,
  validateEditor
} from './cluster-editor-form'
import { EndpointsEditor } from './EndpointsEditor'

export interface ClusterEditorProps {
  readonly api: PveTrayApi
  readonly cluster: ClusterSettingsView
  readonly onSaved: (s: SettingsView) => void
  readonly onClose: () => void
}

export function ClusterEditor({ api, cluster, onSaved, onClose }: ClusterEditorProps): React.JSX.Element {
  const [f, setF] = useState<ClusterEditorForm>(() => editorForm(cluster))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const set = <K extends keyof ClusterEditorForm>(k: K, v: ClusterEditorForm[K]): void => setF({ ...f, [k]: v })

  const save = async (): Promise<void> => {
    const input = editorInput(cluster, f)
    const local = validateEditor(input)
    setErrors(local)
    if (Object.keys(local).length > 0) return
    const r = await call(api, 'settings:save-cluster', input)
    if (r.ok) {
      onSaved(r.value)
      onClose()
    } else {
      setErrors(r.error.fields ?? {})
      setMessage(r.error.message)
    }
  }

  return (
    <form
      className="panel form"
      aria-label={`Edit ${cluster.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Field label="Name" error={errors.name}>
        {(a) => <input {...a} className="input" value={f.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label="Mode" error={errors.mode}>
        {(a) => (
          <select {...a} className="input" value={f.mode} onChange={(e) => set('mode', e.target.value === 'control' ? 'control' : 'monitor')}>
            <option value="monitor">Monitor only</option>
            <option value="control">Monitor and control</option>
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={f.backupFailureAlerts} onChange={(e) => set('backupFailureAlerts', e.target.checked)} />
        Notify when a backup of this cluster fails
      </label>
      <EndpointsEditor endpoints={f.endpoints} errors={errors} onChange={(endpoints: readonly EndpointRow[]) => set('endpoints', endpoints)} />
      <Field
        label="Cluster CA (optional)"
        error={errors.caPem}
        hint={
          cluster.hasCaPem
            ? 'A cluster CA is stored; leave empty to keep it, or paste /etc/pve/pve-root-ca.pem to replace it.'
            : "Paste /etc/pve/pve-root-ca.pem to check each node's certificate against the cluster's own CA (it must name the address you use)."
        }
      >
        {(a) => (
          <textarea
            {...a}
            className="input input-pem"
            rows={3}
            spellCheck={false}
            value={f.caPem}
            onChange={(e) => set('caPem', e.target.value)}
            placeholder="-----BEGIN CERTIFICATE-----"
          />
        )}
      </Field>
      {cluster.hasCaPem ? (
        <label className="check">
          <input type="checkbox" checked={f.removeCa} onChange={(e) => set('removeCa', e.target.checked)} />
          Remove the stored cluster CA
        </label>
      ) : null}
      {endpointsChanged(cluster, f) || caChanged(cluster, f) || !cluster.hasTokenSecret || errors.tokenSecret !== undefined ? (
        <Field
          label="Token secret"
          error={errors.tokenSecret}
          hint={
            cluster.hasTokenSecret
              ? 'The endpoints or the CA changed: enter the token secret again. A stored secret is only sent where it was saved for.'
              : 'The stored token secret cannot be used (keyring changed, or saved for other settings): enter it again.'
          }
        >
          {(a) => (
            <input
              {...a}
              className="input"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={f.tokenSecret}
              onChange={(e) => set('tokenSecret', e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <fieldset>
        <legend>SSH (for the node health check)</legend>
        <p className="muted-text">After saving, “Test SSH” beside the cluster logs into each node with these settings and shows its host key.</p>
        <div className="field-row">
          <Field label="User" error={errors['ssh.user']}>
            {(a) => <input {...a} className="input" value={f.sshUser} onChange={(e) => set('sshUser', e.target.value)} />}
          </Field>
          <Field label="Port" error={errors['ssh.port']}>
            {(a) => <input {...a} className="input input-port" inputMode="numeric" value={f.sshPort} onChange={(e) => set('sshPort', e.target.value)} />}
          </Field>
        </div>
        <Field label="Private key file" error={errors['ssh.keyPath']} hint="e.g. ~/.ssh/id_ed25519; empty to use the SSH agent only">
          {(a) => <input {...a} className="input" value={f.sshKeyPath} onChange={(e) => set('sshKeyPath', e.target.value)} spellCheck={false} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={f.sshUseAgent} onChange={(e) => set('sshUseAgent', e.target.checked)} />
          Use the SSH agent
        </label>
        <Field
          label="Key passphrase"
          error={errors['ssh.passphrase']}
          hint={
            cluster.ssh.hasPassphrase
              ? sshChanged(cluster, f)
                ? 'The SSH settings changed: enter the passphrase again, or remove it.'
                : 'A passphrase is stored; leave empty to keep it.'
              : undefined
          }
        >
          {(a) => (
            <input {...a} className="input" type="password" autoComplete="off" value={f.sshPassphrase} onChange={(e) => set('sshPassphrase', e.target.value)} />
          )}
        </Field>
        {cluster.ssh.hasPassphrase ? (
          <label className="check">
            <input type="checkbox" checked={f.clearPassphrase} onChange={(e) => set('clearPassphrase', e.target.checked)} />
            Remove the stored passphrase
          </label>
        ) : null}
        {Object.keys(f.sshHostOverrides).length > 0 ? (
          <fieldset>
            <legend>SSH address per node (optional)</legend>
            <p className="muted-text">Empty: the address the cluster reports for the node. Set one when SSH must go elsewhere (another network, a DNS name).</p>
            {Object.entries(f.sshHostOverrides).map(([node, host]) => (
              <Field key={node} label={`SSH address of ${node}`} error={errors[`ssh.hostOverrides.${node}`]}>
                {(a) => (
                  <input
                    {...a}
                    className="input"
                    value={host}
                    spellCheck={false}
                    onChange={(e) => set('sshHostOverrides', { ...f.sshHostOverrides, [node]: e.target.value })}
                  />
                )}
              </Field>
            ))}
          </fieldset>
        ) : null}
      </fieldset>
      {message !== null ? (
        <p className="error-text" role="alert">
          {message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          Save
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
