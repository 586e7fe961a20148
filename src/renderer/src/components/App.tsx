// Root: loads settings (they decide the first view), then the shell with its live state.
import type { PveTrayApi } from '@shared/ipc/contract'

import { initialRoute } from '../lib/initial-route'
import { useSettings } from '../state/use-settings'
import { Shell } from './Shell'

export function App({ api }: { api: PveTrayApi }): React.JSX.Element {
  const settings = useSettings(api)
  if (settings.settings === null) {
    return (
      <main className="loading" aria-busy="true">
        {settings.error === null ? <p>Loading…</p> : <p role="alert">Could not load the settings: {settings.error}</p>}
      </main>
    )
  }
  return <Shell api={api} settings={settings} initial={initialRoute(window.location.hash, settings.settings.clusters.length)} />
}
