// "Open console" and "Open in web UI" for the selected guest. The dashboard names the guest; main builds
// the link from its own snapshot and opens it in the browser (only the cluster's own endpoints).
import { consoleUnavailableReason } from '@shared/guest-links'
import { useState } from 'react'

import { call, useApi } from '../../api/api-context'
import type { GuestRow } from '../../lib/guest-query'

export function GuestLinks({ row }: { row: GuestRow }): React.JSX.Element {
  const api = useApi()
  const g = row.guest
  const [error, setError] = useState<string | null>(null)
  const noConsole = consoleUnavailableReason(g)
  const open = (console: boolean): void => {
    setError(null)
    void call(api, 'app:open-web-ui', { clusterId: row.clusterId, vmid: g.vmid, ...(console ? { console: true } : {}) }).then((r) => {
      if (!r.ok) setError(r.error.message)
    })
  }
  return (
    <div className="guest-links" data-testid="guest-links">
      <span className="btn-row">
        <button
          type="button"
          className="btn btn-small"
          disabled={noConsole !== null}
          title={noConsole === null ? `Open the console of ${g.name} in the browser` : `No console: ${noConsole}`}
          onClick={() => open(true)}
        >
          Open console
        </button>
        <button type="button" className="btn btn-small" title={`Show ${g.name} in the Proxmox web UI`} onClick={() => open(false)}>
          Open in web UI
        </button>
      </span>
      {noConsole !== null ? (
        <p className="muted-text" data-testid="console-unavailable">
          No console: {noConsole}.
        </p>
      ) : null}
      {error !== null ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
