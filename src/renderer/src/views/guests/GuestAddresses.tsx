// The selected guest's IP addresses, asked when the panel opens for a running guest (main keeps answers 30 s),
// each with "Copy IP". Why there are none is said in words (agent not running, a missing privilege, …).
import type { GuestAddressesView } from '@shared/views'
import { useEffect, useState } from 'react'

import { call, useApi } from '../../api/api-context'
import { CopyButton } from '../../components/CopyButton'
import type { GuestRow } from '../../lib/guest-query'

type Load = { phase: 'loading' } | { phase: 'done'; view: GuestAddressesView } | { phase: 'failed'; message: string }

export function GuestAddresses({ row }: { row: GuestRow }): React.JSX.Element | null {
  const api = useApi()
  const g = row.guest
  const running = g.state === 'running' && g.staleReason === null
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [asked, setAsked] = useState(0)

  useEffect(() => {
    if (!running) return
    let live = true
    // eslint-disable-next-line react-hooks/set-state-in-effect -- shows "asking" for the request this effect starts
    setLoad({ phase: 'loading' })
    void call(api, 'guests:addresses', { clusterId: row.clusterId, vmid: g.vmid }).then((r) => {
      if (live) setLoad(r.ok ? { phase: 'done', view: r.value } : { phase: 'failed', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [api, row.clusterId, g.vmid, running, asked])

  if (!running) return null
  return (
    <section className="guest-addresses" aria-label="IP addresses" data-testid="guest-addresses">
      <h3>IP addresses</h3>
      {load.phase === 'loading' ? <p aria-busy="true">Asking {g.kind === 'qemu' ? 'the QEMU guest agent' : 'the container'}…</p> : null}
      {load.phase === 'failed' ? (
        <p className="error-text" role="alert">
          {load.message}{' '}
          <button type="button" className="btn btn-small" onClick={() => setAsked((n) => n + 1)}>
            Try again
          </button>
        </p>
      ) : null}
      {load.phase === 'done' && load.view.unavailable !== null ? (
        <p className="muted-text" data-testid="addresses-unavailable">
          {load.view.unavailable.charAt(0).toUpperCase() + load.view.unavailable.slice(1)}.
        </p>
      ) : null}
      {load.phase === 'done' && load.view.unavailable === null ? (
        <ul className="address-list">
          {load.view.interfaces.flatMap((i) =>
            i.addresses.map((a) => (
              <li key={`${i.name}/${a.address}`} data-testid="guest-address">
                <code>{a.address}</code>
                {a.prefix !== null ? <span className="muted-text">/{a.prefix}</span> : null} <span className="muted-text">{i.name}</span>{' '}
                <CopyButton text={a.address} label={`Copy IP ${a.address}`} visibleLabel="Copy IP" />
              </li>
            ))
          )}
        </ul>
      ) : null}
    </section>
  )
}
