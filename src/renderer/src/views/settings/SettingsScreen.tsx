// Settings: secret storage, clusters, general options.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'
import type { SettingsView } from '@shared/views'

import type { Route } from '../../state/use-navigation'
import type { SettingsHandle } from '../../state/use-settings'
import { ClusterList } from './ClusterList'
import { GeneralSettings } from './GeneralSettings'
import { KeyringPanel } from './KeyringPanel'

export interface SettingsScreenProps {
  readonly api: PveTrayApi
  readonly settings: SettingsHandle
  /** The watched clusters (for what is wrong with them now, e.g. a changed certificate). */
  readonly clusters: readonly ClusterSnapshot[]
  readonly navigate: (to: Route) => void
}

export function SettingsScreen({ api, settings, clusters, navigate }: SettingsScreenProps): React.JSX.Element {
  const s = settings.settings
  if (s === null) return <p aria-busy="true">Loading…</p>
  return (
    <div className="view" data-view="settings">
      <h1 className="view-title">Settings</h1>
      <RecoveredNotice recovered={s.recovered} what="settings" testId="recovered-notice" />
      <RecoveredNotice recovered={s.secretsRecovered} what="file" testId="secrets-recovered-notice" />
      <KeyringPanel keyring={s.keyring} />
      <ClusterList api={api} clusters={s.clusters} snapshots={clusters} onSaved={settings.replace} navigate={navigate} />
      <GeneralSettings api={api} settings={s} onSaved={settings.replace} />
    </div>
  )
}

/** A file that could not be read at start: what happened, and where the unreadable copy was kept. */
function RecoveredNotice({ recovered, what, testId }: { recovered: SettingsView['recovered']; what: string; testId: string }): React.JSX.Element | null {
  if (recovered === null) return null
  return (
    <div className="panel panel-warning" role="alert" data-testid={testId}>
      <p>{recovered.message}</p>
      {recovered.backupPath !== null ? (
        <p className="muted-text">
          The unreadable {what} {what === 'settings' ? 'were' : 'was'} kept at {recovered.backupPath}.
        </p>
      ) : null}
    </div>
  )
}
