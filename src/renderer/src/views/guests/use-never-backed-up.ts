// Which guests' rows carry a "no backup" badge: those with no archive on any backup storage, asked of main once
// per cluster when the guests view opens (main keeps the answer 10 min). A guest whose last backup is not known
// (a storage not read, a missing privilege) gets no badge: unknown is not "never". Templates are left out.
import { type BackupInfoView, neverBackedUp } from '@shared/backup-views'
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot, GuestView } from '@shared/snapshot'
import { useEffect, useMemo, useRef, useState } from 'react'

import { call } from '../../api/api-context'

interface Last {
  readonly infos: readonly BackupInfoView[]
  readonly guests: ReadonlyMap<string, readonly GuestView[]>
  readonly keys: ReadonlySet<string>
}

/** The same guests (by vmid) and the same templates: what the badges depend on besides the backups. */
function sameGuestSet(a: readonly GuestView[] | undefined, b: readonly GuestView[]): boolean {
  if (a === b) return true
  if (a === undefined || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as GuestView
    const y = b[i] as GuestView
    if (x !== y && (x.vmid !== y.vmid || x.template !== y.template)) return false
  }
  return true
}

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
  // Every poll brings new guest lists (their figures move) but rarely other guests: the last set is kept (the
  // same object, so the table's memoized rows stay) unless the backups or a cluster's set of guests changed.
  const memo = useRef<Last | null>(null)
  // eslint-disable-next-line react-hooks/refs -- keeps the last answer's identity across renders; the answer is a pure function of infos and clusters
  return useMemo(() => (memo.current = nextNeverBackedUp(memo.current, infos, clusters)), [infos, clusters]).keys
}

function nextNeverBackedUp(l: Last | null, infos: readonly BackupInfoView[], clusters: readonly ClusterSnapshot[]): Last {
  if (l !== null && l.infos === infos && clusters.length === l.guests.size && clusters.every((c) => sameGuestSet(l.guests.get(c.clusterId), c.guests))) return l
  const keys = new Set<string>()
  for (const info of infos) {
    const c = clusters.find((x) => x.clusterId === info.clusterId)
    if (c === undefined) continue
    const vmids = c.guests.filter((g) => !g.template).map((g) => g.vmid)
    for (const vmid of neverBackedUp(info, vmids)) keys.add(`${c.clusterId}/${vmid}`)
  }
  return { infos, guests: new Map(clusters.map((c) => [c.clusterId, c.guests])), keys }
}
