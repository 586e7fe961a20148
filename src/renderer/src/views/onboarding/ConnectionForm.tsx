// Step 2: where the cluster is and which token to use. Errors appear next to the field concerned.
import { Field } from '../../components/Field'
import { type FieldErrors, type OnboardingForm, SECRET_AGAIN_HINT, storedSecretApplies } from './onboarding-form'

export interface ConnectionFormProps {
  readonly form: OnboardingForm
  readonly errors: FieldErrors
  readonly testing: boolean
  readonly onChange: (f: OnboardingForm) => void
  readonly onTest: () => void
}

export function ConnectionForm({ form, errors, testing, onChange, onTest }: ConnectionFormProps): React.JSX.Element {
  const set = <K extends keyof OnboardingForm>(k: K, v: OnboardingForm[K]): void => onChange({ ...form, [k]: v })
  return (
    <form
      className="panel form"
      aria-labelledby="conn-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onTest()
      }}
    >
      <h2 id="conn-title">2. Connect</h2>
      <Field label="Cluster name" error={errors.name} hint="Shown in the tray and in notifications.">
        {(a) => <input {...a} className="input" value={form.name} onChange={(e) => set('name', e.target.value)} placeholder="homelab" />}
      </Field>
      <div className="field-row">
        <Field label="Host" error={errors.host} hint="Any node’s address, without https://">
          {(a) => (
            <input {...a} className="input" value={form.host} onChange={(e) => set('host', e.target.value)} placeholder="192.168.1.10" autoComplete="off" />
          )}
        </Field>
        <Field label="Port" error={errors.port}>
          {(a) => <input {...a} className="input input-port" inputMode="numeric" value={form.port} onChange={(e) => set('port', e.target.value)} />}
        </Field>
      </div>
      <Field label="Token ID" error={errors.tokenId} hint="user@realm!tokenname">
        {(a) => <input {...a} className="input" value={form.tokenId} onChange={(e) => set('tokenId', e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field
        label="Token secret"
        error={errors.tokenSecret}
        hint={form.hasStoredSecret ? (storedSecretApplies(form) ? 'Leave empty to keep the stored secret.' : SECRET_AGAIN_HINT) : undefined}
      >
        {(a) => (
          <input
            {...a}
            className="input"
            type="password"
            value={form.tokenSecret}
            onChange={(e) => set('tokenSecret', e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <Field
        label="Certificate fingerprint (optional)"
        error={errors.fingerprint}
        hint="SHA-256 from `pvenode cert info`. Leave empty to see the server’s and confirm it."
      >
        {(a) => (
          <input
            {...a}
            className="input"
            value={form.fingerprint}
            onChange={(e) => set('fingerprint', e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="AB:CD:…"
          />
        )}
      </Field>
      <Field
        label="Cluster CA (optional)"
        error={errors.caPem}
        hint="Instead of (or with) a fingerprint: paste /etc/pve/pve-root-ca.pem; each node's certificate is then checked against it and must name the address you use."
      >
        {(a) => (
          <textarea
            {...a}
            className="input input-pem"
            rows={3}
            value={form.caPem}
            onChange={(e) => set('caPem', e.target.value)}
            spellCheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary" disabled={testing}>
        {testing ? 'Testing…' : 'Test connection'}
      </button>
    </form>
  )
}
