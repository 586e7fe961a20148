// Typed options and results of the Proxmox API calls, normalised from the wire (see schemas.ts for the
// parsing). Imports nothing: types.ts re-exports it for the client's users.

/** Options every call accepts. */
export interface PveCallOptions {
  signal?: AbortSignal
  /** Overrides the config's responseTimeoutMs for this call. */
  timeoutMs?: number
}

export type PveGuestKind = 'qemu' | 'lxc'
export type PveNodeState = 'online' | 'offline' | 'unknown'

// ---- GET /version ----
export interface PveVersion {
  version: string
  release: string
  repoid: string
  console?: string
}

/** Usage figures Proxmox includes when it has them (not for offline nodes or without Sys.Audit). */
export interface PveUsage {
  uptime?: number
  cpu?: number
  maxcpu?: number
  mem?: number
  maxmem?: number
  disk?: number
  maxdisk?: number
}

// ---- GET /nodes ----
export interface PveNodeListItem extends PveUsage {
  node: string
  status: PveNodeState
  id?: string
  level?: string
  /** Colon hex SHA-256 of the node certificate (useful to pre-fill pins for the other endpoints). */
  ssl_fingerprint?: string
}

// ---- GET /nodes/{node}/status ----
export interface PveNodeStatus {
  uptime?: number
  /** Fraction 0..1 */
  cpu?: number
  wait?: number
  idle?: number
  /** 1, 5, 15 minutes (Proxmox sends strings; parsed). */
  loadavg?: number[]
  kversion?: string
  pveversion?: string
  memory?: { total?: number; used?: number; free?: number; available?: number }
  swap?: { total?: number; used?: number; free?: number }
  rootfs?: { total?: number; used?: number; free?: number; avail?: number }
  cpuinfo?: { model?: string; sockets?: number; cpus?: number; cores?: number; mhz?: number }
  'current-kernel'?: { sysname?: string; release?: string; version?: string; machine?: string }
  'boot-info'?: { mode?: string; secureboot?: boolean }
}

// ---- GET /cluster/resources ----
interface PveResourceBase {
  /** `qemu/100`, `node/pve1`, `storage/pve1/local`, `/pool/p1` (pools only: leading slash), ... */
  id: string
}

export interface PveGuestResource extends PveResourceBase, PveUsage {
  type: 'qemu' | 'lxc'
  vmid: number
  node: string
  /** qemu: QMP run state (running, stopped, paused, prelaunch, io-error, ...); 'unknown' without RRD data. */
  status: string
  name?: string
  template?: boolean
  memhost?: number
  netin?: number
  netout?: number
  diskread?: number
  diskwrite?: number
  lock?: string
  /** Split on `;`, `,` and whitespace. */
  tags?: string[]
  pool?: string
  hastate?: string
}

export interface PveNodeResource extends PveResourceBase, PveUsage {
  type: 'node'
  node: string
  // The known states, for the reader; Proxmox may send others, hence `string`.
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  status: PveNodeState | string
  level?: string
  hastate?: string
  'cgroup-mode'?: number
  'host-arch'?: string
}

export interface PveStorageResource extends PveResourceBase {
  type: 'storage'
  storage: string
  node: string
  status: string
  plugintype?: string
  shared?: boolean
  content?: string[]
  disk?: number
  maxdisk?: number
}

export interface PvePoolResource extends PveResourceBase {
  type: 'pool'
  pool: string
  uptime?: number
  cpu?: number
  maxcpu?: number
  mem?: number
  maxmem?: number
}

export interface PveSdnResource extends PveResourceBase {
  type: 'sdn'
  sdn: string
  node: string
  status?: string
  'zone-type'?: string
}

export interface PveNetworkResource extends PveResourceBase {
  type: 'network'
  network: string
  node: string
  'network-type'?: string
  status?: string
  protocol?: string
  'zone-type'?: string
}

/** A resource type this client does not model (openvz, future types): kept so nothing is silently lost. */
export interface PveOtherResource extends PveResourceBase {
  type: 'other'
  rawType: string
  node?: string
  status?: string
}

export type PveClusterResource =
  PveGuestResource | PveNodeResource | PveStorageResource | PvePoolResource | PveSdnResource | PveNetworkResource | PveOtherResource

// ---- GET /cluster/status ----
export interface PveClusterStatusCluster {
  type: 'cluster'
  id: string
  name: string
  nodes?: number
  version?: number
  quorate: boolean
}

export interface PveClusterStatusNode {
  type: 'node'
  id: string
  name: string
  nodeid?: number
  local?: boolean
  online: boolean
  ip?: string
  level?: string
}

/** Standalone nodes have no 'cluster' entry. */
export type PveClusterStatusEntry = PveClusterStatusCluster | PveClusterStatusNode

// ---- GET /nodes/{node}/storage ----
export interface PveNodeStorage {
  storage: string
  type: string
  content: string[]
  active?: boolean
  enabled?: boolean
  shared?: boolean
  total?: number
  used?: number
  avail?: number
  used_fraction?: number
}

// ---- UPIDs and tasks ----
/** Decoded `UPID:node:pid:pstart:starttime:type:id:user:` */
export interface PveUpid {
  upid: string
  node: string
  pid: number
  pstart: number
  /** Epoch seconds */
  starttime: number
  type: string
  /** VMID or other object id; may be '' */
  id: string
  /** `user@realm` or a token id `user@realm!name` */
  user: string
}

export interface PveTaskListItem extends PveUpid {
  /** Absent while running; then 'OK', 'WARNINGS: n' or the error text. */
  status?: string
  endtime?: number
}

export interface PveTaskStatus extends PveUpid {
  status: 'running' | 'stopped'
  exitstatus?: string
  /** Token name for tasks started with an API token (then `user` is `user@realm`). */
  tokenid?: string
}

export interface PveTaskLogLine {
  /** 1-based line number */
  n: number
  t: string
}

export interface PveTaskLog {
  lines: PveTaskLogLine[]
  /** Total line count of the log (Proxmox's top-level `total`). */
  total: number
}

export interface PveTaskListOptions extends PveCallOptions {
  start?: number
  limit?: number
  vmid?: number
  typefilter?: string
  errors?: boolean
  source?: 'archive' | 'active' | 'all'
}

export interface PveWaitForTaskOptions {
  signal?: AbortSignal
  /** Overall limit; rejects with a TimeoutError (phase 'task'). Default 10 minutes. */
  timeoutMs?: number
  /** Delay between status polls. Default 1000. */
  pollMs?: number
  onProgress?: (status: PveTaskStatus) => void
}

/** A task that finished successfully: `OK` or `WARNINGS: <n>`. Failures reject with TaskFailedError. */
export interface PveTaskResult {
  upid: PveUpid
  exitstatus: string
  /** n of `WARNINGS: n`, else 0 */
  warnings: number
  status: PveTaskStatus
}

// ---- guests ----
export interface PveGuestStatus {
  kind: PveGuestKind
  vmid: number
  /** running | stopped (qemu's finer run state is in qmpstatus) */
  status: string
  qmpstatus?: string
  name?: string
  cpus?: number
  cpu?: number
  maxmem?: number
  mem?: number
  maxdisk?: number
  disk?: number
  uptime?: number
  pid?: number
  lock?: string
  tags?: string[]
  template?: boolean
  ha: { managed: boolean; state?: string }
}

export interface PvePowerOptions extends PveCallOptions {
  /** shutdown/reboot/stop: seconds Proxmox waits */
  timeout?: number
  /** shutdown: fall back to stop when the guest ignores ACPI */
  forceStop?: boolean
}

// ---- rrd / permissions ----
export interface PveRrdPoint {
  /** Epoch seconds */
  time: number
  /** Data sources with no value are omitted by Proxmox. */
  [dataSource: string]: number
}

/** path → privilege → propagate */
export type PvePermissions = Record<string, Record<string, boolean>>
