// What the app core offers the layers above it (the IPC handlers): its services, no transport.
import type { ChannelParsedInput, EventChannel, EventContract } from '../../../shared/ipc/contract'
import type { RevisedAppState } from '../../../shared/state-delta'
import type { ApiConfig, ClusterApi, ClusterRegistry } from '../clusters/types'
import type { SettingsService } from '../settings/settings-service'
import type { UpkeepWatch } from '../upkeep/upkeep-watch'
import type { AppCoreTimings, PlatformPort } from './app-core-types'
import type { GuestPrefs } from './guest-prefs'
import type { NodeDiagnoser } from './node-diagnoser'
import type { CertificateProbe, SshPort } from './ports'

export interface AppContext {
  readonly settings: SettingsService
  /** Mutes and guest alerts: the settings for configured clusters, memory for the demo cluster. */
  readonly prefs: GuestPrefs
  readonly clusters: ClusterRegistry
  readonly platform: PlatformPort
  readonly ssh: SshPort
  /** What SSH says of nodes the API does not answer for; restarts pveproxy on request. */
  readonly nodeDiagnosis: NodeDiagnoser
  readonly probeCertificate: CertificateProbe
  /** A short-lived client for onboarding (closed by the caller). */
  readonly createApi: (config: ApiConfig) => ClusterApi
  readonly emit: <E extends EventChannel>(event: E, payload: EventContract[E]) => void
  readonly timings: AppCoreTimings
  readonly now: () => number
  readonly newId: () => string
  readonly log: (line: string) => void
  /** Background work (task streaming) the core waits for on stop. */
  readonly track: (work: Promise<unknown>) => void
  readonly stopping: AbortSignal
  /** Pushes the current AppState after a change made outside the monitors. */
  readonly stateChanged: () => void
  /** The last published state and its revision (the base for later `state:delta`s). */
  readonly appState: () => RevisedAppState
  /** Which guests' moving figures the dashboard shows now (see the `guests:show-figures` channel). */
  readonly showGuestFigures: (shown: ChannelParsedInput<'guests:show-figures'>) => void
  /** Each node's updates, certificate, replication and subscription, read on a schedule of their own and on demand. */
  readonly upkeep: Pick<UpkeepWatch, 'view' | 'checkNow'>
}
