// Which view is open. Main can open one too (`ui:navigate`, e.g. from a tray menu or notification).
import type { PveTrayApi } from '@shared/ipc/contract'
import type { NavigateTarget } from '@shared/views'
import { useCallback, useEffect, useState } from 'react'

export type Route = NavigateTarget

export interface NavigationHandle {
  readonly route: Route
  readonly navigate: (to: Route) => void
}

export function useNavigation(api: PveTrayApi, initial: Route): NavigationHandle {
  const [route, setRoute] = useState<Route>(initial)
  useEffect(() => api.on('ui:navigate', (to) => setRoute(to)), [api])
  const navigate = useCallback((to: Route) => setRoute(to), [])
  return { route, navigate }
}
