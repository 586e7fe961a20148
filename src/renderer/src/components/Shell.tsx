// The window's frame: navigation, banners, and the open view.
import type { PveTrayApi } from '@shared/ipc/contract'
import { useEffect } from 'react'

import { figuresDemandOf } from '../state/guest-figures-demand'
import { useAppState } from '../state/use-app-state'
import { type Route, useNavigation } from '../state/use-navigation'
import type { SettingsHandle } from '../state/use-settings'
import { useTaskProgress } from '../state/use-task-progress'
import { Banners } from './Banners'
import { Sidebar } from './Sidebar'
import { ViewSwitch } from './ViewSwitch'

export interface ShellProps {
  readonly api: PveTrayApi
  readonly settings: SettingsHandle
  readonly initial: Route
}

export function Shell({ api, settings, initial }: ShellProps): React.JSX.Element {
  const { state, error } = useAppState(api)
  const nav = useNavigation(api, initial)
  const tasks = useTaskProgress(api)
  // Main sends every guest's figures until the page says which it shows: say it once at the start ("none" on the
  // overview). Runs after the open view's effects, so it sends the demand a guests view already set, never over it.
  useEffect(() => figuresDemandOf(api).start(), [api])
  return (
    <div className="app">
      {/* Moves focus without touching the URL fragment (the bridge keeps its token there). */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to main content
      </a>
      <Sidebar route={nav.route} navigate={nav.navigate} clusters={state?.clusters ?? []} />
      <main className="main" id="main" tabIndex={-1}>
        <Banners state={state} settings={settings.settings} route={nav.route} navigate={nav.navigate} />
        {error !== null && state === null ? (
          <p role="alert" className="error-text">
            Could not load the monitor state: {error}
          </p>
        ) : null}
        <ViewSwitch api={api} route={nav.route} navigate={nav.navigate} state={state} settings={settings} tasks={tasks} />
      </main>
    </div>
  )
}
