// The monitor's state as main publishes it: fetched once, then replaced on every `state:changed`.
import { useEffect, useState } from 'react'

import type { PveTrayApi } from '@shared/ipc/contract'
import type { AppState } from '@shared/views'

import { call } from '../api/api-context'

export interface AppStateResult {
  readonly state: AppState | null
  readonly error: string | null
}

export function useAppState(api: PveTrayApi): AppStateResult {
  const [state, setState] = useState<AppState | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    let pushed = false
    const off = api.on('state:changed', (s) => {
      // User Timing marks (cheap, standard) let bench/render.bench.ts time one poll's update.
      performance.mark('pve-tray:state-received')
      pushed = true
      setState(s)
    })
    void call(api, 'app:get-state', {}).then((r) => {
      if (!live) return
      if (r.ok) {
        // A push that arrived while we waited is newer than this answer.
        if (!pushed) setState(r.value)
      } else setError(r.error.message)
    })
    return () => {
      live = false
      off()
    }
  }, [api])
  return { state, error }
}
