// The bulk run the user confirmed: main's answer (queued with their actionIds, skipped with the reason)
// and each guest's latest `task:progress`. Events of the run may arrive before main's answer does, so every
// bulk event is kept by actionId until the next run starts.
import type { BulkAction, BulkActionResult, BulkGuestRef } from '@shared/bulk-actions'
import type { PveTrayApi } from '@shared/ipc/contract'
import type { TaskProgress } from '@shared/views'
import { useCallback, useEffect, useRef, useState } from 'react'

import { call } from '../../api/api-context'

export type BulkItemPhase = 'queued' | 'cancelled' | TaskProgress['phase']

export interface BulkRun {
  readonly action: BulkAction
  /** null until main answered. */
  readonly result: BulkActionResult | null
  /** Main refused the whole request (nothing was sent). */
  readonly error: string | null
  readonly cancelled: ReadonlySet<string>
}

export interface BulkRunHandle {
  readonly run: BulkRun | null
  readonly progress: ReadonlyMap<string, TaskProgress>
  readonly start: (action: BulkAction, guests: readonly BulkGuestRef[]) => Promise<void>
  readonly cancelRest: () => Promise<void>
  readonly close: () => void
}

export function itemPhase(run: BulkRun, progress: ReadonlyMap<string, TaskProgress>, actionId: string): BulkItemPhase {
  const p = progress.get(actionId)
  if (p !== undefined) return p.phase
  return run.cancelled.has(actionId) ? 'cancelled' : 'queued'
}

const ENDED: ReadonlySet<BulkItemPhase> = new Set(['ok', 'failed', 'unknown', 'cancelled'])

export function runEnded(run: BulkRun, progress: ReadonlyMap<string, TaskProgress>): boolean {
  if (run.error !== null) return true
  if (run.result === null) return false
  return run.result.queued.every((q) => ENDED.has(itemPhase(run, progress, q.actionId)))
}

export function useBulkRun(api: PveTrayApi): BulkRunHandle {
  const [run, setRun] = useState<BulkRun | null>(null)
  const [progress, setProgress] = useState<ReadonlyMap<string, TaskProgress>>(new Map())
  // undefined: no run shown; null: waiting for main's answer (any run's events are kept); else that run's id.
  const wanted = useRef<string | null | undefined>(undefined)
  useEffect(
    () =>
      api.on('task:progress', (p) => {
        if (p.batchId === undefined || wanted.current === undefined || (wanted.current !== null && p.batchId !== wanted.current)) return
        setProgress((m) => {
          const prev = m.get(p.actionId)
          // Never back to running once ended (an event out of order).
          if (prev !== undefined && prev.at > p.at) return m
          return new Map(m).set(p.actionId, p)
        })
      }),
    [api]
  )
  const start = useCallback(
    async (action: BulkAction, guests: readonly BulkGuestRef[]) => {
      wanted.current = null
      setProgress(new Map())
      setRun({ action, result: null, error: null, cancelled: new Set() })
      const r = await call(api, 'guests:bulk-action', {
        action,
        guests: guests.map((g) => ({ clusterId: g.clusterId, node: g.node, kind: g.kind, vmid: g.vmid }))
      })
      const id = r.ok ? r.value.batchId : undefined
      wanted.current = id
      setProgress((m) => new Map([...m].filter(([, p]) => p.batchId === id)))
      setRun({ action, result: r.ok ? r.value : null, error: r.ok ? null : r.error.message, cancelled: new Set() })
    },
    [api]
  )
  const batchId = run?.result?.batchId ?? null
  const cancelRest = useCallback(async () => {
    if (batchId === null) return
    const r = await call(api, 'guests:bulk-cancel', { batchId })
    if (!r.ok) return
    setRun((cur) => (cur?.result?.batchId === batchId ? { ...cur, cancelled: new Set([...cur.cancelled, ...r.value.cancelled]) } : cur))
  }, [api, batchId])
  const close = useCallback(() => {
    wanted.current = undefined
    setRun(null)
    setProgress(new Map())
  }, [])
  return { run, progress, start, cancelRest, close }
}
