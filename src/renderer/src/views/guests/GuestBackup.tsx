// The selected guest's last backup: its age and storage, "never" (every backup storage read, no archive), or
// "not known" with the reason (a storage not read, a missing privilege); and whether any backup job covers it.
// Main reads the backup storages when asked and keeps the answer 10 min (backups:info).
import { type BackupInfoView, guestBackupState } from '@shared/backup-views'
import { useEffect, useState } from 'react'

import { call, useApi } from '../../api/api-context'
import { formatAge, formatDateTime } from '../../lib/format'
import type { GuestRow } from '../../lib/guest-query'
import { useNow } from '../../state/use-now'

type Load = { phase: 'loading' } | { phase: 'done'; view: BackupInfoView } | { phase: 'failed'; message: string }

export function GuestBackup({ row }: { row: GuestRow }): React.JSX.Element {
  const api = useApi()
  const now = useNow(60_000)
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  useEffect(() => {
    let live = true
    void call(api, 'backups:info', { clusterId: row.clusterId }).then((r) => {
      if (live) setLoad(r.ok ? { phase: 'done', view: r.value } : { phase: 'failed', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [api, row.clusterId])

  const vmid = row.guest.vmid
  const s = load.phase === 'done' ? guestBackupState(load.view, vmid) : null
  const uncovered = load.phase === 'done' ? (load.view.uncovered?.some((u) => u.vmid === vmid) ?? null) : null
  return (
    <section className="guest-backup" aria-label="Last backup" data-testid="guest-backup">
      <h3>Last backup</h3>
      {load.phase === 'loading' ? <p aria-busy="true">Reading the backup storages…</p> : null}
      {load.phase === 'failed' ? <p className="error-text">Not known: {load.message}</p> : null}
      {s?.state === 'found' ? (
        <p data-testid="backup-state" data-state="found">
          {formatAge(s.at * 1000, now)} ({formatDateTime(s.at * 1000)}) on {s.storage}
          {s.partial ? <span className="muted-text"> — not every backup storage could be read, a newer one may exist</span> : null}
        </p>
      ) : null}
      {s?.state === 'never' ? (
        <p className="backup-never" data-testid="backup-state" data-state="never">
          Never: no backup of this guest on any backup storage.
        </p>
      ) : null}
      {s?.state === 'unknown' ? (
        <p className="muted-text" data-testid="backup-state" data-state="unknown">
          Not known: {s.reason}.
        </p>
      ) : null}
      {uncovered === true ? (
        <p className="backup-never" data-testid="backup-uncovered">
          No backup job covers this guest.
        </p>
      ) : null}
    </section>
  )
}
