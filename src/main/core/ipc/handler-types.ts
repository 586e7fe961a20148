// What every handler gets: the app's services, no transport. `IpcHandlers` maps EVERY channel of the
// contract to a handler, so adding a channel without its handler fails to compile.
import type { ChannelParsedInput, ChannelResult, EventChannel, EventContract, InvokeChannel } from '../../../shared/ipc/contract'
import type { ClusterMode, ClusterSnapshot } from '../../../shared/snapshot'
import type { RevisedAppState } from '../../../shared/state-delta'
import type { AppCoreTimings, PlatformPort } from '../app/app-core-types'
import type { GuestPrefs } from '../app/guest-prefs'
import type { NodeDiagnoser } from '../app/node-diagnoser'
import type { ApiConfig, CertificateProbe, ClusterApi, ClusterMonitorPort, SshPort } from '../app/ports'
import type { SettingsService } from '../settings/settings-service'

/** A cluster the app is watching now (a configured one, or the demo cluster). */
export interface RuntimeCluster {
  readonly id: string
  readonly name: string
  readonly mode: ClusterMode
  readonly demo: boolean
  readonly endpoints: readonly { readonly host: string; readonly port: number; readonly node: string | null }[]
  readonly api: ClusterApi
  readonly monitor: ClusterMonitorPort
}

export interface ClusterRegistry {
  get(clusterId: string): RuntimeCluster | undefined
  all(): readonly RuntimeCluster[]
  snapshot(clusterId: string): ClusterSnapshot | null
}

export interface HandlerContext {
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
}

export type IpcHandler<C extends InvokeChannel> = (input: ChannelParsedInput<C>, ctx: HandlerContext) => Promise<ChannelResult<C>>
export type IpcHandlers = { readonly [C in InvokeChannel]: IpcHandler<C> }
export type HandlerGroup<K extends InvokeChannel> = { readonly [C in K]: IpcHandler<C> }
