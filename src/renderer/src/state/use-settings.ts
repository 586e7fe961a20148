// Settings as main reports them (never secrets). Every settings call returns the new view, which
// replaces ours, so the screen always shows what was actually saved.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { SettingsView } from '@shared/views'
import { useCallback, useEffect, useState } from 'react'

import { call } from '../api/api-context'

export interface SettingsHandle {
  readonly settings: SettingsView | null
  readonly error: string | null
  readonly replace: (s: SettingsView) => void
  readonly reload: () => void
}

export function useSettings(api: PveTrayApi): SettingsHandle {
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    void call(api, 'settings:get', {}).then((r) => {
      if (!live) return
      if (r.ok) {
        setSettings(r.value)
        setError(null)
      } else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [api, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { settings, error, replace: setSettings, reload }
}
