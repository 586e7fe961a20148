// Poll interval, storage threshold, start at login, notifications per event kind.
import type { ChannelInput, PveTrayApi } from '@shared/ipc/contract'
import type { MonitorEventKind } from '@shared/snapshot'
import type { SettingsView } from '@shared/views'
import { useState } from 'react'

import { call } from '../../api/api-context'
import { Field } from '../../components/Field'
import { EVENT_KIND_LABELS } from './event-kind-labels'

export interface GeneralSettingsProps {
  readonly api: PveTrayApi
  readonly settings: SettingsView
  readonly onSaved: (s: SettingsView) => void
}

export function GeneralSettings({ api, settings, onSaved }: GeneralSettingsProps): React.JSX.Element {
  const [poll, setPoll] = useState(String(settings.pollIntervalSec))
  const [threshold, setThreshold] = useState(String(settings.storageThresholdPct))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)

  const update = async (input: ChannelInput<'settings:update'>): Promise<void> => {
    const r = await call(api, 'settings:update', input)
    if (r.ok) {
      onSaved(r.value)
      setErrors({})
      setMessage('Saved.')
    } else {
      setErrors(r.error.fields ?? {})
      setMessage(r.error.message)
    }
  }

  return (
    <section className="panel form" aria-labelledby="general-title">
      <h2 id="general-title">General</h2>
      <form
        className="field-row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void update({ pollIntervalSec: Number(poll), storageThresholdPct: Number(threshold) })
        }}
      >
        <Field label="Poll every (seconds)" error={errors.pollIntervalSec} hint="2 to 3600">
          {(a) => <input {...a} className="input input-port" inputMode="numeric" value={poll} onChange={(e) => setPoll(e.target.value)} />}
        </Field>
        <Field label="Storage warning above (%)" error={errors.storageThresholdPct} hint="50 to 100">
          {(a) => <input {...a} className="input input-port" inputMode="numeric" value={threshold} onChange={(e) => setThreshold(e.target.value)} />}
        </Field>
        <button type="submit" className="btn">
          Apply
        </button>
      </form>
      <label className="check">
        <input type="checkbox" checked={settings.startAtLogin} onChange={(e) => void update({ startAtLogin: e.target.checked })} />
        Start PVE Tray when I log in
      </label>
      <fieldset className="notif-kinds">
        <legend>Notify me when…</legend>
        {(Object.keys(EVENT_KIND_LABELS) as MonitorEventKind[]).map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={settings.notifications.enabled[k]}
              onChange={(e) => void update({ notificationKinds: { [k]: e.target.checked } })}
            />
            {EVENT_KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {message !== null ? (
        <p className={Object.keys(errors).length > 0 ? 'error-text' : 'muted-text'} role="status">
          {message}
        </p>
      ) : null}
    </section>
  )
}
