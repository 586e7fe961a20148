// A cluster's backups at a glance, on the storage view: the guests no backup job covers, guests never backed
// up, and the storages that could not be read. Read by main when this opens (kept 10 min); "Refresh" reads
// again (main allows it every 30 s).
import { type BackupInfoView, guestBackupState } from '@shared/backup-views'
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'
import { useEffect, useState } from 'react'

import { call } from '../../api/api-context'
import { formatAge } from '../../lib/format'
import { useNow } from '../../state/use-now'

type Load = { phase: 'loading' } | { phase: 'done'; view: BackupInfoView } | { phase: 'failed'; message: string }

const label = (kind: string, vmid: number, name: string | null): string => `${name ?? (kind === 'qemu' ? 'VM' : 'CT')} (${vmid})`

export function BackupsPanel({ api, cluster }: { api: PveTrayApi; cluster: ClusterSnapshot }): React.JSX.Element {
  const now = useNow(30_000)
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [refresh, setRefresh] = useState(0)
  useEffect(() => {
    let live = true
    void call(api, 'backups:info', { clusterId: cluster.clusterId, refresh: refresh > 0 }).then((r) => {
      if (live) setLoad(r.ok ? { phase: 'done', view: r.value } : { phase: 'failed', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [api, cluster.clusterId, refresh])

  const v = load.phase === 'done' ? load.view : null
  const never = v === null ? [] : cluster.guests.filter((g) => !g.template && guestBackupState(v, g.vmid).state === 'never')
  return (
    <div className="backups-panel" data-testid="backups-panel">
      <div className="panel-head">
        <h3>Backups</h3>
        <button type="button" className="btn btn-small" onClick={() => setRefresh((n) => n + 1)}>
          Refresh backups
        </button>
      </div>
      {load.phase === 'loading' ? <p aria-busy="true">Reading the backup storages…</p> : null}
      {load.phase === 'failed' ? <p className="error-text">Backups could not be read: {load.message}</p> : null}
      {v !== null && v.readAt !== null ? <p className="muted-text">Backup storages read {formatAge(v.readAt, now)}.</p> : null}
      {v?.hidden != null ? <p className="muted-text">Last backups: {v.hidden}.</p> : null}
      {v !== null && v.unread.length > 0 ? (
        <p className="muted-text" data-testid="backups-unread">
          Not read: {v.unread.map((u) => `${u.storage}${u.node !== null ? ` on ${u.node}` : ''} (${u.reason})`).join('; ')}.
        </p>
      ) : null}
      {v?.uncovered != null ? (
        v.uncovered.length === 0 ? (
          <p>Every guest is covered by a backup job.</p>
        ) : (
          <>
            <p>Not covered by any backup job:</p>
            <ul className="uncovered-list" aria-label={`Guests of ${cluster.clusterName} no backup job covers`} data-testid="uncovered">
              {v.uncovered.map((u) => (
                <li key={u.vmid}>{label(u.kind, u.vmid, u.name)}</li>
              ))}
            </ul>
          </>
        )
      ) : null}
      {v?.uncoveredHidden != null ? <p className="muted-text">Guests without a backup job: {v.uncoveredHidden}.</p> : null}
      {never.length > 0 ? (
        <p className="backup-never" data-testid="backups-never">
          Never backed up: {never.map((g) => label(g.kind, g.vmid, g.name)).join(', ')}.
        </p>
      ) : null}
    </div>
  )
}
