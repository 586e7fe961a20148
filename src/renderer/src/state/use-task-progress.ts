// Live progress of the power actions the user started, keyed by guest, from `task:progress` events.
// A finished task stays visible (OK for a few seconds, a failure until dismissed) so the outcome is seen.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { TaskProgress } from '@shared/views'
import { useCallback, useEffect, useState } from 'react'

export const guestKey = (clusterId: string, vmid: number): string => `${clusterId}/${vmid}`

const OK_VISIBLE_MS = 8000

export interface TaskProgressHandle {
  readonly byGuest: ReadonlyMap<string, TaskProgress>
  readonly recent: readonly TaskProgress[]
  readonly dismiss: (key: string) => void
}

export function useTaskProgress(api: PveTrayApi): TaskProgressHandle {
  const [byGuest, setByGuest] = useState<ReadonlyMap<string, TaskProgress>>(new Map())
  const [recent, setRecent] = useState<readonly TaskProgress[]>([])
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>()
    const off = api.on('task:progress', (p) => {
      const key = guestKey(p.clusterId, p.vmid)
      setByGuest((m) => new Map(m).set(key, p))
      setRecent((list) => [p, ...list.filter((x) => x.actionId !== p.actionId)].slice(0, 8))
      if (p.phase === 'ok') {
        const t = setTimeout(() => {
          timers.delete(t)
          setByGuest((m) => {
            if (m.get(key)?.actionId !== p.actionId) return m
            const next = new Map(m)
            next.delete(key)
            return next
          })
        }, OK_VISIBLE_MS)
        timers.add(t)
      }
    })
    return () => {
      off()
      for (const t of timers) clearTimeout(t)
    }
  }, [api])
  const dismiss = useCallback((key: string) => {
    setByGuest((m) => {
      const next = new Map(m)
      next.delete(key)
      return next
    })
  }, [])
  return { byGuest, recent, dismiss }
}
