// Which guests' rows carry a "no backup" badge: those with no archive on any backup storage, asked of main once
// per cluster when the guests view opens (main keeps the answer 10 min). A guest whose last backup is not known
// (a storage not read, a missing privilege) gets no badge: unknown is not "never". Templates are left out.
import { type BackupInfoView, neverBackedUp } from '@shared/backup-views'
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'
import { useEffect, useMemo, useState } from 'react'

import { call } from '../../api/api-context'

export function useNeverBackedUp(api: PveTrayApi, clusters: readonly ClusterSnapshot[]): ReadonlySet<string> {
  const [infos, setInfos] = useState<readonly BackupInfoView[]>([])
  // A poll brings new snapshots, not new clusters: ask again only when the clusters change.
  const ids = clusters.map((c) => c.clusterId).join('\n')
  useEffect(() => {
    let live = true
    const list = ids === '' ? [] : ids.split('\n')
    void Promise.all(list.map((clusterId) => call(api, 'backups:info', { clusterId }))).then((answers) => {
      if (live) setInfos(answers.flatMap((r) => (r.ok ? [r.value] : [])))
    })
    return () => {
      live = false
    }
  }, [api, ids])
  return useMemo(() => {
    const keys = new Set<string>()
    for (const info of infos) {
      const c = clusters.find((x) => x.clusterId === info.clusterId)
      if (c === undefined) continue
      const vmids = c.guests.filter((g) => !g.template).map((g) => g.vmid)
      for (const vmid of neverBackedUp(info, vmids)) keys.add(`${c.clusterId}/${vmid}`)
    }
    return keys
  }, [infos, clusters])
}
