// Connect a cluster: mode and pveum commands → host and token → test (trust the certificate) →
// privilege report → save. Also used to edit a saved cluster's connection.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ConnectionTestResult } from '@shared/views'
import { useState } from 'react'

import { call } from '../../api/api-context'
import type { Route } from '../../state/use-navigation'
import type { SettingsHandle } from '../../state/use-settings'
import { InsecureKeyringText } from '../settings/KeyringPanel'
import { CertificateTrust } from './CertificateTrust'
import { ConnectionForm } from './ConnectionForm'
import { ModeStep } from './ModeStep'
import { emptyForm, type FieldErrors, formFromCluster, mapFieldErrors, type OnboardingForm, saveInput, testInput, validateForm } from './onboarding-form'
import { endpointKey, PrivilegeReport } from './PrivilegeReport'

export interface OnboardingViewProps {
  readonly api: PveTrayApi
  readonly settings: SettingsHandle
  readonly editClusterId: string | null
  readonly navigate: (to: Route) => void
}

export function OnboardingView({ api, settings, editClusterId, navigate }: OnboardingViewProps): React.JSX.Element {
  const editing = settings.settings?.clusters.find((c) => c.id === editClusterId)
  const keyring = settings.settings?.keyring
  const [form, setForm] = useState<OnboardingForm>(() => (editing !== undefined ? formFromCluster(editing) : emptyForm()))
  const [privsep, setPrivsep] = useState(true)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [result, setResult] = useState<ConnectionTestResult | null>(null)
  const [busy, setBusy] = useState(false)
  // Discovered node addresses are added only when the user ticks them.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const choose = (key: string, on: boolean): void =>
    setChosen((s) => {
      const next = new Set(s)
      if (on) next.add(key)
      else next.delete(key)
      return next
    })

  const change = (f: OnboardingForm): void => {
    setForm(f)
    // What was tested no longer matches the form.
    if (f.host !== form.host || f.port !== form.port || f.tokenId !== form.tokenId || f.tokenSecret !== form.tokenSecret || f.fingerprint !== form.fingerprint)
      setResult(null)
  }

  const test = async (f: OnboardingForm): Promise<void> => {
    const local = validateForm(f, false)
    setErrors(local)
    setMessage(null)
    setResult(null)
    if (Object.keys(local).length > 0) return
    setBusy(true)
    const r = await call(api, 'onboarding:test-connection', testInput(f))
    setBusy(false)
    if (!r.ok) {
      const { mapped, unmapped } = mapFieldErrors(r.error.fields)
      setErrors(mapped)
      setMessage([r.error.message, ...unmapped].join(' '))
      return
    }
    const { mapped, unmapped } = mapFieldErrors(r.value.fieldErrors)
    setErrors(mapped)
    setMessage(r.value.message ?? (unmapped.length > 0 ? unmapped.join(' ') : null))
    setResult(r.value)
  }

  const trust = (fingerprint: string): void => {
    const f = { ...form, fingerprint }
    setForm(f)
    void test(f)
  }

  const save = async (): Promise<void> => {
    const local = validateForm(form, true)
    setErrors(local)
    if (Object.keys(local).length > 0 || result === null) return
    setBusy(true)
    const r = await call(
      api,
      'settings:save-cluster',
      saveInput(
        form,
        result.discoveredEndpoints.filter((e) => chosen.has(endpointKey(e)))
      )
    )
    setBusy(false)
    if (!r.ok) {
      const { mapped, unmapped } = mapFieldErrors(r.error.fields)
      setErrors(mapped)
      setMessage([r.error.message, ...unmapped].join(' '))
      return
    }
    settings.replace(r.value)
    navigate({ view: 'overview' })
  }

  const canSave = result !== null && result.ok && !result.needsTrust
  const messageKind = result === null ? 'error' : result.ok ? 'success' : result.needsTrust ? 'info' : 'error'
  return (
    <div className="view view-onboarding" data-view="onboarding">
      <h1 className="view-title">{editing !== undefined ? `Edit ${editing.name}` : 'Connect a Proxmox VE cluster'}</h1>
      <ModeStep mode={form.mode} privsep={privsep} onMode={(mode) => setForm({ ...form, mode })} onPrivsep={setPrivsep} />
      {keyring !== undefined && !keyring.secure ? (
        <section className="panel panel-warning" aria-label="Where the secret will be kept" data-testid="onboarding-keyring">
          {/* The same words as Settings → Secret storage: how this computer really keeps them. */}
          <p>
            Before you save: <InsecureKeyringText keyring={keyring} /> A monitor-only token limits what a stolen secret can do.
          </p>
        </section>
      ) : null}
      <ConnectionForm form={form} errors={errors} testing={busy} onChange={change} onTest={() => void test(form)} />
      {message !== null ? (
        // Only a problem is an alert in red: "Connected…" is good news, "compare this fingerprint" a next step.
        messageKind === 'error' ? (
          <p className="error-text panel" role="alert" data-testid="onboarding-message" data-kind="error">
            {message}
          </p>
        ) : (
          <p
            className={`panel ${messageKind === 'success' ? 'success-text' : 'info-text'}`}
            role="status"
            data-testid="onboarding-message"
            data-kind={messageKind}
          >
            {message}
          </p>
        )
      ) : null}
      {result?.needsTrust === true && result.certificate !== null ? (
        <CertificateTrust cert={result.certificate} onTrust={() => trust(result.certificate?.fingerprint256 ?? '')} />
      ) : null}
      {result !== null && !result.needsTrust && result.privileges.length > 0 ? <PrivilegeReport result={result} chosen={chosen} onChoose={choose} /> : null}
      <div className="panel form-actions">
        <button type="button" className="btn btn-primary" disabled={!canSave || busy} onClick={() => void save()}>
          Save
        </button>
        {!canSave ? <span className="muted-text">Test the connection first.</span> : null}
        <button type="button" className="btn" onClick={() => navigate({ view: settings.settings?.clusters.length === 0 ? 'overview' : 'settings' })}>
          {settings.settings?.clusters.length === 0 ? 'Look at the demo first' : 'Cancel'}
        </button>
      </div>
    </div>
  )
}
