// The running clusters as the app core and the IPC handlers see them: the slice of the REST client and
// of the monitor each cluster offers (the monitor adapted in app/cluster-runtime). Both app/ and ipc/
// import this module; it imports neither.
import type { ClusterMode, ClusterSnapshot, GuestKind, PowerAction } from '../../../shared/snapshot'
import type { PveClient } from '../proxmox'
import type { PermissionsCache } from './permissions-cache'

/**
 * The calls of the REST client the app core and the handlers make: a slice of PveClient, which is itself the
 * implementation (a handler's fake provides just these).
 */
export type ClusterApi = Pick<
  PveClient,
  | 'version'
  | 'permissions'
  | 'clusterResources'
  | 'clusterStatus'
  | 'nodes'
  | 'powerAction'
  | 'nodeTasks'
  | 'guestStatus'
  | 'waitForTask'
  | 'nodeRrd'
  | 'guestInterfaces'
  | 'clusterTaskItems'
  | 'taskLog'
  | 'backupVolumes'
  | 'notBackedUp'
  | 'close'
  | 'nodeUpkeep'
>

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
