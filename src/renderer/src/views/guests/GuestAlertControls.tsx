// Per-guest notification choices: "Notify when down" and Mute (1 h / until up / always).
import type { MuteMode } from '@shared/snapshot'
import { useState } from 'react'

import { call, useApi } from '../../api/api-context'
import type { GuestRow } from '../../lib/guest-query'

export function GuestAlertControls({ row }: { row: GuestRow }): React.JSX.Element {
  const api = useApi()
  const g = row.guest
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const run = async (p: Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> => {
    setPending(true)
    const r = await p
    setPending(false)
    setError(r.ok ? null : (r.error?.message ?? 'Failed'))
  }
  const muteValue: MuteMode | 'off' = g.muted?.mode ?? 'off'
  return (
    <div className="alert-controls">
      <label className="check">
        <input
          type="checkbox"
          checked={g.alerts}
          disabled={pending}
          onChange={(e) => void run(call(api, 'guests:set-alerts', { clusterId: row.clusterId, vmid: g.vmid, enabled: e.target.checked }))}
        />
        Notify when down
      </label>
      <label>
        Mute
        <select
          className="input"
          value={muteValue}
          disabled={pending}
          aria-label={`Mute notifications for ${g.name}`}
          onChange={(e) => void run(call(api, 'mute:set', { target: { clusterId: row.clusterId, vmid: g.vmid }, mode: e.target.value as MuteMode | 'off' }))}
        >
          <option value="off">Not muted</option>
          <option value="hour">For 1 hour</option>
          <option value="until-up">Until it is up again</option>
          <option value="always">Always</option>
        </select>
      </label>
      {error !== null ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
