// The running clusters as the app core and the IPC handlers see them: the narrow slice of the REST
// client and of the monitor each cluster offers (adapted to these in app/pve-adapters and
// app/cluster-runtime, so a handler never depends on transport details). Both app/ and ipc/ import
// this module; it imports neither.
import type { ClusterMode, ClusterSnapshot, GuestKind, PowerAction } from '../../../shared/snapshot'
import type { GuestInterfaceView } from '../../../shared/views'
import type { PermissionsCache } from './permissions-cache'

export interface TaskOutcome {
  /** 'OK', 'WARNINGS: n', or the error text. */
  readonly exitstatus: string
  readonly ok: boolean
}

export interface ClusterApi {
  version(): Promise<{ readonly version: string; readonly release: string }>
  /** GET /access/permissions: path → privilege → propagate. */
  permissions(): Promise<Readonly<Record<string, Readonly<Record<string, boolean>>>>>
  clusterResources(): Promise<readonly unknown[]>
  clusterStatus(): Promise<readonly unknown[]>
  nodes(): Promise<readonly { readonly node: string; readonly ssl_fingerprint?: string }[]>
  /** POST .../status/<action> → UPID */
  guestPower(node: string, kind: GuestKind, vmid: number, action: PowerAction): Promise<string>
  /** The node's recent tasks for one guest (newest first): to find a task whose start request got no answer. */
  recentGuestTasks(node: string, vmid: number): Promise<readonly { readonly upid: string; readonly type: string; readonly starttime: number }[]>
  /** The guest's run state as its node reports it now (status/current), in /cluster/resources' words. */
  guestRunState(node: string, kind: GuestKind, vmid: number): Promise<string>
  /** Resolves when the task stops (ok or not); rejects only when it cannot be followed. */
  waitForTask(upid: string, opts: { pollMs: number; onRunning: () => void; signal: AbortSignal }): Promise<TaskOutcome>
  nodeRrd(node: string, timeframe: 'hour' | 'day' | 'week'): Promise<readonly Readonly<Record<string, number>>[]>
  /** A running guest's interfaces: the QEMU guest agent's for a VM, the container's own for a CT (on demand only). */
  guestInterfaces(node: string, kind: GuestKind, vmid: number): Promise<readonly GuestInterfaceView[]>
  clusterTasks(): Promise<readonly unknown[]>
  /** A task's log lines from `start` (0-based), at most `limit` (on demand only). */
  taskLog(
    upid: string,
    start: number,
    limit: number
  ): Promise<{ readonly lines: readonly { readonly n: number; readonly t: string }[]; readonly total: number }>
  /** The backup archives (owner vmid, ctime in epoch s) on one storage as `node` sees it (read rarely, see ipc/handlers/backup-info). */
  backupVolumes(node: string, storage: string): Promise<readonly { readonly vmid: number; readonly ctime: number }[]>
  /** GET /cluster/backup-info/not-backed-up: the guests no backup job covers. */
  notBackedUp(): Promise<readonly { readonly vmid: number; readonly type: GuestKind; readonly name: string | null }[]>
  close(): Promise<void>
}

export interface ApiConfig {
  readonly id: string
  readonly name: string
  readonly endpoints: readonly { readonly host: string; readonly port: number; readonly node: string | null; readonly fingerprint256: string | null }[]
  readonly tokenId: string
  readonly tokenSecret: string
  readonly caPem: string | null
}

export interface UserActionNote {
  readonly node: string
  readonly kind: GuestKind
  readonly vmid: number
  readonly action: PowerAction
  readonly upid: string | null
  /** The task ended (busy flag cleared). */
  readonly done: boolean
}

export interface ClusterMonitorPort {
  snapshot(): ClusterSnapshot | null
  refreshNow(): Promise<void>
  noteUserAction(note: UserActionNote): void
  /** The node's own word on a guest's status, shown at once (see MonitorCore.noteGuestStatus). */
  noteGuestStatus(vmid: number, status: string): void
  suspend(): void
  resume(): void
  stop(): Promise<void>
}

/** A cluster the app is watching now (a configured one, or the demo cluster). */
export interface RuntimeCluster {
  readonly id: string
  readonly name: string
  readonly mode: ClusterMode
  readonly demo: boolean
  readonly endpoints: readonly { readonly host: string; readonly port: number; readonly node: string | null }[]
  readonly api: ClusterApi
  readonly monitor: ClusterMonitorPort
  /** The token's `/access/permissions`, read once and shared by the snapshot's buttons and the click path. */
  readonly permissions: PermissionsCache
}

export interface ClusterRegistry {
  get(clusterId: string): RuntimeCluster | undefined
  all(): readonly RuntimeCluster[]
  snapshot(clusterId: string): ClusterSnapshot | null
}
