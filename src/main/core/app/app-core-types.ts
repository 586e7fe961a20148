// The app core: everything the Electron glue, the tray and the browser bridge talk to. Transport-free
// (no ipcMain here): the glue forwards `invoke` calls to `dispatch` and `on` events to webContents.
import type { EventChannel, EventContract, IpcResponse } from '../../../shared/ipc/contract'
import type { MonitorEvent } from '../../../shared/snapshot'
import type { AppState, SettingsView } from '../../../shared/views'
import type { SettingsStore } from '../settings/settings-store'
import type { SecretVault } from '../vault/secret-vault'

export interface PlatformPort {
  /** Opens a URL the app built itself (never one from the renderer). */
  openExternal(url: string): Promise<void>
  setStartAtLogin(enabled: boolean): Promise<void>
}

/** A running demo cluster (the built-in simulator) the app monitors when nothing is configured. */
export interface DemoCluster {
  readonly name: string
  readonly endpoints: readonly { readonly node: string; readonly host: string; readonly port: number; readonly fingerprint256: string }[]
  readonly tokenId: string
  readonly tokenSecret: string
  readonly caPem: string | null
  /** The demo's simulated SSH hosts and the key that logs into them (absent: no SSH in this demo). */
  readonly ssh?: DemoSsh
  close(): Promise<void>
}

/** SSH into the demo's simulated nodes: its own key pair and host keys, all made when the demo started. */
export interface DemoSsh {
  readonly user: string
  /** OpenSSH private key generated for this demo run; a secret like any other (never sent to the renderer). */
  readonly privateKey: string
  /** Every node's sshd; its host key is pinned up front (the demo vouches for its own hosts). */
  readonly hosts: readonly { readonly node: string; readonly host: string; readonly port: number; readonly fingerprint: string; readonly keyType: string }[]
}

/** Who sent an IPC call. The glue has already checked it; core only uses it for log lines. */
export interface SenderInfo {
  readonly url?: string
  readonly frameId?: number
}

export interface AppCoreDeps {
  settingsStore: SettingsStore
  vault: SecretVault
  platform: PlatformPort
  /** Starts the demo simulator; default: `startDefaultDemo` (simulator with realistic timings). */
  startDemo?: () => Promise<DemoCluster>
  /** An OpenSSH known_hosts file consulted for SSH hosts with no pin yet (a key found there is pinned without asking). Pins live in the settings document. */
  sshKnownHostsPath?: string
  /** How the settings screen names that file (`~/.ssh/known_hosts`); the path itself when not given. */
  sshKnownHostsLabel?: string
  /** One line per notable step. Never receives a secret. */
  logger?: (line: string) => void
  now?: () => number
  /** Whether a dashboard is open to take `state:delta`s (the Electron glue: the window exists). Default: yes. */
  rendererOpen?: () => boolean
  /** Test hooks: shorten timings (poll interval floor, task poll delay). */
  timings?: Partial<AppCoreTimings>
}

export interface AppCoreTimings {
  /** Delay between task status polls while streaming task:progress. Default 1000. */
  taskPollMs: number
  /** Overrides settings.pollIntervalSec for the monitors (tests). */
  pollIntervalMs: number | null
  /** TLS probe / connection test limit. Default 10000. */
  connectTimeoutMs: number
  /** When to look for the task of a request that got no answer (ms after it, cumulative waits). Default [0, 2000, 5000]. */
  outcomeCheckDelaysMs?: readonly number[]
  /** Response deadline of the API clients (tests). Default the client's. */
  responseTimeoutMs?: number
  /** Between two looks at every endpoint's certificate. Default 5 min. */
  certificateCheckMs?: number
  /** The whole of onboarding's "Test connection". Default 30 s. */
  testConnectionDeadlineMs?: number
  /** Between two looks for due node upkeep reads (../upkeep); the first look after this too. Default 15 s, the first after 3 s. */
  upkeepTickMs?: number
}

export interface AppCore {
  /** Validates with the contract, runs the handler; never throws. */
  dispatch(channel: string, rawInput: unknown, sender?: SenderInfo): Promise<IpcResponse<unknown>>
  /** main → renderer pushes; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventContract[E]) => void): () => void
  /** Every monitor event (for the notification glue). */
  onMonitorEvent(listener: (e: MonitorEvent) => void): () => void
  getState(): AppState
  settings(): SettingsView
  /** From powerMonitor: stop polling while asleep, poll at once on wake. */
  suspend(): void
  resume(): void
  start(): Promise<void>
  /** Monitors stopped, SSH closeAll(), clients closed, demo simulator closed. Idempotent. */
  stop(): Promise<void>
}
