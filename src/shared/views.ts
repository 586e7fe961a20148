// Plain-data shapes the renderer receives besides snapshots: settings (never secrets), tasks, RRD
// points, SSH health, onboarding reports. Structured-clone safe.
import type { ClusterMode, ClusterSnapshot, GuestKind, MonitorEvent, MonitorEventKind, PowerAction } from './snapshot'

export interface EndpointView {
  readonly host: string
  readonly port: number
  readonly node: string | null
  readonly fingerprint256: string | null
}

export interface ClusterSettingsView {
  readonly id: string
  readonly name: string
  readonly mode: ClusterMode
  readonly endpoints: readonly EndpointView[]
  readonly tokenId: string
  /** Whether a token secret is stored. The secret itself never leaves the main process. */
  readonly hasTokenSecret: boolean
  readonly hasCaPem: boolean
  /** Notify when a backup (vzdump) of this cluster fails; on unless turned off. */
  readonly backupFailureAlerts: boolean
  readonly ssh: {
    readonly user: string
    readonly keyPath: string | null
    readonly useAgent: boolean
    readonly hasPassphrase: boolean
    readonly port: number
    /** node name → address override */
    readonly hostOverrides: Readonly<Record<string, string>>
  }
}

export interface NotificationPrefs {
  readonly enabled: Readonly<Record<MonitorEventKind, boolean>>
  /** Epoch ms until which notifications are paused; null = not paused. */
  readonly pausedUntil: number | null
}

export interface KeyringStatus {
  /** Electron safeStorage backend: 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet*', 'basic_text', 'unknown'. */
  readonly backend: string
  /** False when secrets are only obfuscated (Linux without a keyring): the settings screen says so plainly. */
  readonly secure: boolean
  readonly message: string | null
}

export interface SettingsView {
  readonly clusters: readonly ClusterSettingsView[]
  readonly pollIntervalSec: number
  readonly storageThresholdPct: number
  readonly notifications: NotificationPrefs
  readonly startAtLogin: boolean
  readonly keyring: KeyringStatus
  /** A settings problem found at start (corrupt store backed up to `backupPath`), shown once. */
  readonly recovered: { readonly message: string; readonly backupPath: string | null } | null
  /** The secrets file could not be read: kept aside at `backupPath`; the clusters' secrets must be entered again. */
  readonly secretsRecovered: { readonly message: string; readonly backupPath: string | null } | null
}

export interface AppState {
  readonly demo: boolean
  readonly clusters: readonly ClusterSnapshot[]
  readonly events: readonly MonitorEvent[]
  readonly notificationsPausedUntil: number | null
}

/**
 * 'checking': the request got no usable answer after it was sent, so it may have been carried out; the app is
 * finding out (the node's task list, the guest's state). 'unknown': it could not find out. Neither is "failed".
 */
export type TaskPhase = 'pending' | 'running' | 'ok' | 'failed' | 'checking' | 'unknown'

export interface TaskProgress {
  /** Correlates with the ActionResult of the call that started it. */
  readonly actionId: string
  readonly clusterId: string
  readonly node: string
  readonly vmid: number
  readonly kind: GuestKind
  readonly action: PowerAction
  readonly upid: string | null
  readonly phase: TaskPhase
  /** Proxmox's exit status ("OK", "WARNINGS: 2", or the error text) once stopped. */
  readonly exitStatus: string | null
  /** Plain-language message for failures (including HTTP errors before a task existed). */
  readonly message: string | null
  readonly at: number
  /** Set when the action is one guest of a bulk run (shared/bulk-actions.ts). */
  readonly batchId?: string
}

export interface ActionResult {
  readonly actionId: string
  /** null when the request's outcome is unknown (see TaskPhase 'checking'). */
  readonly upid: string | null
  /** 'unknown': no usable answer after the request was sent; task:progress says what really happened. */
  readonly outcome: 'started' | 'unknown'
}

export interface TaskView {
  readonly upid: string
  readonly node: string
  readonly type: string
  /** The task's object id: the vmid for guest tasks, '' when none. */
  readonly id: string
  readonly user: string
  /** Epoch seconds. */
  readonly starttime: number
  readonly endtime: number | null
  /** Proxmox's exit status once the task ended ('OK', an error text), null while it runs. */
  readonly status: string | null
  readonly ok: boolean | null
}

export interface RrdPoint {
  readonly time: number
  readonly cpu: number | null
  readonly memused: number | null
  readonly memtotal: number | null
  readonly netin: number | null
  readonly netout: number | null
  readonly loadavg: number | null
}

export interface CertificateInfo {
  readonly host: string
  readonly port: number
  readonly fingerprint256: string
  readonly subject: string
  readonly issuer: string
  readonly validFrom: string
  readonly validTo: string
}

export type FeatureId =
  | 'nodes'
  | 'guests'
  | 'storage'
  | 'power'
  | 'guest-agent'
  | 'ssh-health'
  | 'ha'
  | 'ceph'
  | 'backups'
  | 'backup-jobs'
  | 'task-log'
  | 'updates'
  | 'replication'
  | 'subscription'

export interface PrivilegeCheck {
  readonly feature: FeatureId
  readonly label: string
  readonly ok: boolean
  /** What is missing, e.g. [{ path: '/vms', privilege: 'VM.PowerMgmt' }]. */
  readonly missing: readonly { readonly path: string; readonly privilege: string }[]
  readonly explanation: string
}

export interface ConnectionTestResult {
  readonly ok: boolean
  readonly version: string | null
  readonly certificate: CertificateInfo | null
  /** The certificate is not trusted yet: the user must confirm this fingerprint. */
  readonly needsTrust: boolean
  readonly privileges: readonly PrivilegeCheck[]
  /** Token authenticates but sees nothing (privilege separation without ACLs). */
  readonly emptyView: boolean
  /** Field-level errors for the onboarding form ("host", "port", "tokenId", "tokenSecret", "fingerprint"). */
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly message: string | null
  /** Discovered endpoints (node IPs from /cluster/status) to save with the cluster. */
  readonly discoveredEndpoints: readonly EndpointView[]
}

export interface NodeHealthItem<T> {
  readonly ok: boolean
  readonly value: T | null
  /** "not available" when the command does not exist on the node, or the error text. */
  readonly error: string | null
}

export interface TemperatureView {
  readonly sensor: string
  readonly celsius: number
  /** The limits the sensor itself reports (lm-sensors _max / _crit); null when it reports none. */
  readonly high: number | null
  readonly critical: number | null
}

export interface ZfsProblemView {
  readonly pool: string
  readonly state: string | null
  readonly status: string | null
  readonly action: string | null
}

export interface NodeHealthReport {
  readonly node: string
  readonly host: string
  /** ISO time the probes finished. */
  readonly checkedAt: string
  readonly pveversion: NodeHealthItem<{
    readonly proxmoxVe: string | null
    readonly manager: string | null
    readonly runningKernel: string | null
    readonly packages: readonly { readonly name: string; readonly version: string }[]
  }>
  readonly loadavg: NodeHealthItem<readonly [number, number, number]>
  readonly temperatures: NodeHealthItem<readonly TemperatureView[]>
  readonly zpools: NodeHealthItem<readonly { readonly name: string; readonly health: string; readonly size: string; readonly alloc: string }[]>
  /** `zpool status -x`: what is wrong with which pool (empty when all are healthy). */
  readonly zfsProblems: NodeHealthItem<readonly ZfsProblemView[]>
  readonly rootfs: NodeHealthItem<{ readonly filesystem: string; readonly total: number; readonly used: number; readonly usedPercent: number }>
  readonly services: NodeHealthItem<readonly { readonly unit: string; readonly state: string }[]>
  /** Findings that need attention, in words (a hot sensor, a degraded pool, a stopped service, a full disk). */
  readonly warnings: readonly string[]
  readonly durationMs: number
}

export interface SshHostState {
  /** The pool's key: `user@host:port`. */
  readonly host: string
  readonly status: 'idle' | 'connecting' | 'connected' | 'failed'
  readonly reason: string | null
  readonly activeChannels: number
  readonly queued: number
  /** Which cluster's pool holds this connection, and the nodes reached through it. */
  readonly clusterId: string
  readonly nodes: readonly string[]
  /** The host key fingerprint pinned for `host:port`; null when none is pinned yet. */
  readonly pinnedFingerprint: string | null
}

export interface NavigateTarget {
  readonly view: 'overview' | 'guests' | 'storage' | 'node' | 'settings' | 'onboarding' | 'tasks'
  readonly clusterId?: string
  readonly node?: string
  readonly vmid?: number
}

/** One IP address of a guest, as the guest reports it (QEMU guest agent, or the container). */
export interface GuestAddressView {
  readonly address: string
  readonly family: 'ipv4' | 'ipv6'
  readonly prefix: number | null
}

export interface GuestInterfaceView {
  readonly name: string
  readonly mac: string | null
  readonly addresses: readonly GuestAddressView[]
}

/**
 * A guest's addresses, asked on demand (guests:addresses) and kept briefly. `unavailable` says in words why
 * there are none to show ("QEMU guest agent not running", a missing privilege, "it is not running").
 */
export interface GuestAddressesView {
  readonly clusterId: string
  readonly vmid: number
  readonly source: 'agent' | 'container'
  readonly interfaces: readonly GuestInterfaceView[]
  readonly unavailable: string | null
  /** When the guest answered (ms since epoch); cached answers keep their time. */
  readonly fetchedAt: number
}

export type * from './ssh-views'
