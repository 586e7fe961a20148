// The API endpoints the app tries in turn (one per node is best: any node can answer for all).
import { Field } from '../../components/Field'
import type { EndpointRow } from './cluster-editor-form'

export interface EndpointsEditorProps {
  readonly endpoints: readonly EndpointRow[]
  readonly errors: Readonly<Record<string, string>>
  readonly onChange: (e: readonly EndpointRow[]) => void
}

export function EndpointsEditor({ endpoints, errors, onChange }: EndpointsEditorProps): React.JSX.Element {
  const patch = (i: number, p: Partial<EndpointRow>): void => onChange(endpoints.map((e, j) => (j === i ? { ...e, ...p } : e)))
  return (
    <fieldset>
      <legend>Endpoints (tried in this order)</legend>
      {errors.endpoints !== undefined ? <p className="field-error">{errors.endpoints}</p> : null}
      {endpoints.map((e, i) => (
        <div key={i} className="field-row endpoint-row">
          <Field label={`Host ${i + 1}`} error={errors[`endpoints.${i}.host`]}>
            {(a) => <input {...a} className="input" value={e.host} onChange={(ev) => patch(i, { host: ev.target.value })} />}
          </Field>
          <Field label="Port" error={errors[`endpoints.${i}.port`]}>
            {(a) => <input {...a} className="input input-port" inputMode="numeric" value={e.port} onChange={(ev) => patch(i, { port: ev.target.value })} />}
          </Field>
          <Field label="Fingerprint" error={errors[`endpoints.${i}.fingerprint256`]}>
            {(a) => (
              <input {...a} className="input" value={e.fingerprint256} onChange={(ev) => patch(i, { fingerprint256: ev.target.value })} spellCheck={false} />
            )}
          </Field>
          <button type="button" className="btn btn-small" aria-label={`Remove endpoint ${i + 1}`} onClick={() => onChange(endpoints.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...endpoints, { host: '', port: '8006', node: '', fingerprint256: '' }])}>
        Add endpoint
      </button>
    </fieldset>
  )
}
