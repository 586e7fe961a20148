// Route → view. Views get only what they need, so a poll does not re-render hidden screens.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { AppState } from '@shared/views'

import type { Route } from '../state/use-navigation'
import type { SettingsHandle } from '../state/use-settings'
import type { TaskProgressHandle } from '../state/use-task-progress'
import { GuestsView } from '../views/guests/GuestsView'
import { NodeDetailsView } from '../views/node/NodeDetailsView'
import { OnboardingView } from '../views/onboarding/OnboardingView'
import { OverviewView } from '../views/overview/OverviewView'
import { SettingsScreen } from '../views/settings/SettingsScreen'
import { StorageView } from '../views/storage/StorageView'
import { TasksView } from '../views/tasks/TasksView'

export interface ViewSwitchProps {
  readonly api: PveTrayApi
  readonly route: Route
  readonly navigate: (to: Route) => void
  readonly state: AppState | null
  readonly settings: SettingsHandle
  readonly tasks: TaskProgressHandle
}

export function ViewSwitch({ api, route, navigate, state, settings, tasks }: ViewSwitchProps): React.JSX.Element {
  const clusters = state?.clusters ?? []
  switch (route.view) {
    case 'overview':
      return <OverviewView state={state} navigate={navigate} />
    case 'guests':
      return (
        <GuestsView
          api={api}
          clusters={clusters}
          tasks={tasks}
          focusVmid={route.vmid ?? null}
          focusClusterId={route.clusterId ?? null}
          focusNode={route.node ?? null}
        />
      )
    case 'storage':
      return <StorageView api={api} clusters={clusters} thresholdPct={settings.settings?.storageThresholdPct ?? 85} />
    case 'tasks':
      return <TasksView api={api} clusters={clusters} />
    case 'node':
      return (
        <NodeDetailsView
          api={api}
          clusters={clusters}
          clusterId={route.clusterId ?? clusters[0]?.clusterId ?? null}
          node={route.node ?? null}
          navigate={navigate}
        />
      )
    case 'settings':
      return <SettingsScreen api={api} settings={settings} clusters={clusters} navigate={navigate} />
    case 'onboarding':
      return <OnboardingView api={api} settings={settings} editClusterId={route.clusterId ?? null} navigate={navigate} />
  }
}
