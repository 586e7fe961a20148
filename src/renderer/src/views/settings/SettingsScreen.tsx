// Settings: secret storage, clusters, general options.
import type { PveTrayApi } from '@shared/ipc/contract'

import type { Route } from '../../state/use-navigation'
import type { SettingsHandle } from '../../state/use-settings'
import { ClusterList } from './ClusterList'
import { GeneralSettings } from './GeneralSettings'
import { KeyringPanel } from './KeyringPanel'

export interface SettingsScreenProps {
  readonly api: PveTrayApi
  readonly settings: SettingsHandle
  readonly navigate: (to: Route) => void
}

export function SettingsScreen({ api, settings, navigate }: SettingsScreenProps): React.JSX.Element {
  const s = settings.settings
  if (s === null) return <p aria-busy="true">Loading…</p>
  return (
    <div className="view" data-view="settings">
      <h1 className="view-title">Settings</h1>
      {s.recovered !== null ? (
        <div className="panel panel-warning" role="alert" data-testid="recovered-notice">
          <p>{s.recovered.message}</p>
          {s.recovered.backupPath !== null ? <p className="muted-text">The unreadable settings were kept at {s.recovered.backupPath}.</p> : null}
        </div>
      ) : null}
      {s.secretsRecovered !== null ? (
        <div className="panel panel-warning" role="alert" data-testid="secrets-recovered-notice">
          <p>{s.secretsRecovered.message}</p>
          {s.secretsRecovered.backupPath !== null ? <p className="muted-text">The unreadable file was kept at {s.secretsRecovered.backupPath}.</p> : null}
        </div>
      ) : null}
      <KeyringPanel keyring={s.keyring} />
      <ClusterList api={api} clusters={s.clusters} onSaved={settings.replace} navigate={navigate} />
      <GeneralSettings api={api} settings={s} onSaved={settings.replace} />
    </div>
  )
}
