// Each cluster's node upkeep as main last read it (upkeep:get), shared by every component that shows it: one
// request per cluster when the first one mounts, then once a minute while any is shown, every few seconds while
// something has not been read yet (main answers from memory; its own schedule decides when Proxmox is asked).
// `check` asks main to read now ("Check updates again").
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterUpkeep } from '@shared/upkeep'
import { useCallback, useSyncExternalStore } from 'react'

import { call, useApi } from '../../api/api-context'

const REFRESH_MS = 60_000
/** While a fact was never read (just started, a check running), main is asked this often. */
const PENDING_MS = 3000

export interface UpkeepState {
  readonly value: ClusterUpkeep | null
  readonly error: string | null
}

interface Entry {
  /** Replaced (never changed) on each answer: it is the store's snapshot. */
  state: UpkeepState
  readonly listeners: Set<() => void>
  timer: ReturnType<typeof setInterval> | null
  loadedAt: number
}

const entries = new Map<string, Entry>()
const EMPTY: UpkeepState = { value: null, error: null }

function entryOf(clusterId: string): Entry {
  let e = entries.get(clusterId)
  if (e === undefined) entries.set(clusterId, (e = { state: EMPTY, listeners: new Set(), timer: null, loadedAt: 0 }))
  return e
}

async function load(api: PveTrayApi, clusterId: string, channel: 'upkeep:get' | 'upkeep:check', node?: string): Promise<void> {
  const r = await call(api, channel, node === undefined ? { clusterId } : { clusterId, node })
  const e = entryOf(clusterId)
  e.loadedAt = Date.now()
  // A failed refresh keeps what was read before, with the error beside it.
  e.state = r.ok ? { value: r.value, error: null } : { value: e.state.value, error: r.error.message }
  for (const l of [...e.listeners]) l()
}

function pending(s: UpkeepState): boolean {
  const v = s.value
  return v === null || v.checking || v.nodes.some((n) => [n.updates, n.certificate, n.replication, n.subscription].some((f) => f.checkedAt === null))
}

export function useUpkeep(clusterId: string): UpkeepState & { check: (node?: string) => Promise<void> } {
  const api = useApi()
  const subscribe = useCallback(
    (onChange: () => void) => {
      const e = entryOf(clusterId)
      e.listeners.add(onChange)
      if (e.timer === null) {
        void load(api, clusterId, 'upkeep:get')
        e.timer = setInterval(() => {
          if (pending(e.state) || Date.now() - e.loadedAt >= REFRESH_MS) void load(api, clusterId, 'upkeep:get')
        }, PENDING_MS)
      }
      return () => {
        e.listeners.delete(onChange)
        if (e.listeners.size === 0 && e.timer !== null) {
          clearInterval(e.timer)
          e.timer = null
        }
      }
    },
    [api, clusterId]
  )
  const state = useSyncExternalStore(subscribe, () => entryOf(clusterId).state)
  const check = useCallback((node?: string) => load(api, clusterId, 'upkeep:check', node), [api, clusterId])
  return { ...state, check }
}
