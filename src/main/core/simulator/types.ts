import type { SimBackupSpec } from './backup-spec'
import type { SimCephSpec } from './types-ceph'
import type { SimFaults, SimRequestMatch, SimRequestRecord } from './types-faults'
import type { SimNodeUpkeepSpec, SimUpkeepControl } from './types-upkeep'

/** Public types of the Proxmox VE simulator (tests, benches and the app's demo mode code against these). */

export type SimGuestType = 'qemu' | 'lxc'
/** qemu: running | stopped | paused (QMP state); lxc: running | stopped. Hibernated VMs are 'stopped' with lock 'suspended'. */
export type SimGuestStatus = 'running' | 'stopped' | 'paused'
export type SimTokenId = `${string}@${string}!${string}`

export interface SimToken {
  readonly id: SimTokenId
  readonly secret: string
}

export interface SimNodeSpec {
  name: string
  /** subscription level: '' (none), 'c', 'b', 's', 'p' */
  level: string
  maxcpu: number
  maxmem: number
  maxdisk: number
  cpuModel?: string
  /** What the node's SSH side reports (sensors, ZFS); defaults: a healthy Intel node with root on LVM. */
  health?: SimNodeHealthSpec
  /** Updates, certificate expiry, replication jobs and subscription (upkeep.ts); defaults: none pending, a fresh certificate. */
  upkeep?: SimNodeUpkeepSpec
}

export interface SimNodeHealthSpec {
  cpuVendor?: 'intel' | 'amd'
  /** CPU temperature when idle (°C); the simulated reading rises with the node's load. */
  cpuCelsius?: number
  /** 'none': root on LVM, no pools; 'healthy': root on an rpool mirror; 'degraded': one mirror member FAULTED. */
  zfs?: 'none' | 'healthy' | 'degraded'
}

export interface SimGuestSpec {
  vmid: number
  type: SimGuestType
  node: string
  name: string
  status: SimGuestStatus
  maxcpu: number
  maxmem: number
  maxdisk: number
  tags?: string
  lock?: string
  template?: boolean
  /** HA-managed: service state shown as `hastate` (started, stopped, ...) */
  hastate?: string
  pool?: string
  /** 0..1: typical CPU load when running (metrics oscillate around it) */
  load?: number
  /**
   * QEMU guest agent (VMs only): 'running' answers network-get-interfaces (the default), 'not-running' is
   * configured but silent inside the guest (500 "QEMU guest agent is not running"), 'none' is not configured.
   */
  agent?: 'running' | 'not-running' | 'none'
}

export interface SimStorageSpec {
  storage: string
  plugintype: 'dir' | 'lvmthin' | 'zfspool' | 'nfs' | 'rbd' | 'cephfs' | 'lvm' | 'pbs'
  content: string
  shared: boolean
  /** nodes where enabled; undefined = all nodes */
  nodes?: string[]
  maxdisk: number
  /** 0..1 fraction in use */
  used: number
  /** inactive storage: status 'unknown' without disk fields */
  active?: boolean
}

export interface SimPoolSpec {
  pool: string
  comment?: string
}

export interface SimHistoricTaskSpec {
  node: string
  type: string
  id: string
  user: string
  /** seconds before simulator start */
  agoSec: number
  durationSec: number
  /** 'OK', 'WARNINGS: n' or an error text */
  exitstatus: string
  log?: string[]
}

export interface SimClusterSpec {
  name: string
  nodes: SimNodeSpec[]
  guests: SimGuestSpec[]
  storages: SimStorageSpec[]
  pools: SimPoolSpec[]
  tasks?: SimHistoricTaskSpec[]
  ceph?: SimCephSpec // hyper-converged Ceph (pveceph): /cluster/ceph/status answers; omitted = not installed
  backups?: SimBackupSpec
}

export interface SimulatorOptions {
  cluster?: SimClusterSpec
  /** delay of 401 answers; real pveproxy: 3000 */
  authDelayMs?: number
  /** idle keep-alive close, default 5000 */
  idleTimeoutMs?: number
  /** default 100 (the 100th response carries Connection: close) */
  maxRequestsPerConnection?: number
  /** how long after a node goes down the cluster reports it offline (corosync), default 2000 */
  offlineAfterMs?: number
  /** how long an offline node's guests keep their last status (pmxcfs RRD expiry), default 300000 */
  rrdGraceMs?: number
  /** how long power tasks run, default 1500 */
  taskDurationMs?: number
  /** pvestatd update interval: metrics in /cluster/resources change in steps of this, default 10000 */
  statsIntervalMs?: number
  /** how long a proxied request waits for a hanging node before 596, default 30000 */
  proxyTimeoutMs?: number
  /** {"data":null,"message":...} (PVE >= 8.3) or only {"data":null} */
  errorBodies?: 'message' | 'legacy'
  /** deterministic demo data and metrics */
  seed?: number
  /** Starts a simulated sshd per node (127.0.0.1) that accepts these keys; off when omitted. */
  ssh?: SimSshOptions
}

export interface SimSshOptions {
  /** OpenSSH public key lines (`ssh-ed25519 AAAA… comment`) allowed to log in. */
  authorizedKeys: readonly string[]
  /** The login user; default root (Proxmox VE's own tooling runs as root). */
  user?: string
}

export interface SimSshEndpoint {
  readonly node: string
  readonly host: '127.0.0.1'
  readonly port: number
  /** OpenSSH `SHA256:…` of the node's current host key, and its type (ssh-ed25519). */
  readonly hostKeyFingerprint: string
  readonly hostKeyType: string
}

export interface SimEndpoint {
  readonly node: string
  readonly host: '127.0.0.1'
  readonly port: number
  /** SHA-256 of the node certificate, colon-separated upper-case hex (as node:tls reports it) */
  readonly fingerprint256: string
}

export interface SimGuestState {
  readonly vmid: number
  readonly type: SimGuestType
  readonly node: string
  readonly name: string
  readonly status: SimGuestStatus
  readonly tags?: string
  readonly lock?: string
  readonly template: boolean
  readonly hastate?: string
  readonly pool?: string
  readonly maxcpu: number
  readonly maxmem: number
  readonly maxdisk: number
}

export interface SimGuestPatch {
  name?: string
  status?: SimGuestStatus
  /** null removes */
  tags?: string | null
  lock?: string | null
  template?: boolean
  hastate?: string | null
  node?: string
}

export interface SimNodeState {
  readonly name: string
  readonly level: string
  readonly up: boolean
  readonly downMode?: 'refuse' | 'hang'
  readonly online: boolean
}

export interface SimAcl {
  path: string
  /** privilege names (e.g. 'VM.Audit') or role names ('PVEAuditor', 'Administrator', 'PVEVMUser', 'NoAccess') */
  privs: readonly string[]
  /** default true */
  propagate?: boolean
}

export interface SimTokenSpec {
  id: SimTokenId
  /** ACLs granted to the token (privsep) or to its user (privsep: false) */
  acls: readonly SimAcl[]
  /** default true: token only has the ACLs given to it */
  privsep?: boolean
  /** epoch seconds; 0/undefined = never */
  expire?: number
  secret?: string
}

export interface SimTaskState {
  readonly upid: string
  readonly node: string
  readonly type: string
  readonly id: string
  readonly user: string
  readonly status: 'running' | 'stopped'
  readonly exitstatus?: string
  readonly log: readonly string[]
}

export interface SimClusterControl {
  guests(): SimGuestState[]
  guest(vmid: number): SimGuestState | undefined
  updateGuest(vmid: number, patch: SimGuestPatch): void
  addGuest(spec: SimGuestSpec): void
  removeGuest(vmid: number): void
  nodes(): SimNodeState[]
  quorate(): boolean
  addToken(spec: SimTokenSpec): SimToken
  tasks(): SimTaskState[]
  /** makes the next shutdown of this guest hang (guest ignores ACPI) until its timeout */
  ignoreShutdown(vmid: number, ignore: boolean): void
  setCeph(spec: SimCephSpec | null): void // null: not installed. HA resources: updateGuest's `hastate`
  /** A vzdump of one guest (to `storage`, default a shared backup storage) failing with `fail` if given; its UPID. */
  runBackup(vmid: number, opts?: { storage?: string; fail?: string }): string
  setBackupCovered(vmid: number, covered: boolean): void
}

export interface Simulator {
  /** one HTTPS listener per node (fresh array on each read: fingerprints change on rotation) */
  readonly endpoints: ReadonlyArray<SimEndpoint>
  /** one simulated sshd per node when started with the ssh option, else empty (fresh array on each read) */
  readonly sshEndpoints: ReadonlyArray<SimSshEndpoint>
  /** cluster CA ("PVE Cluster Manager CA"); node certs are signed by it */
  readonly caPem: string
  readonly tokens: { readonly admin: SimToken; readonly auditor: SimToken; readonly noPrivs: SimToken; readonly operator: SimToken }
  readonly faults: SimFaults
  readonly cluster: SimClusterControl
  /** requests received (all listeners), optionally filtered */
  requests(filter?: SimRequestMatch): ReadonlyArray<SimRequestRecord>
  /** TCP connections accepted, all listeners */
  connectionsAccepted(): number
  /** bytes of responses written on the wire (heads and bodies, gzip-compressed where the client asked), all listeners */
  bytesSent(): number
  /** closes listeners, open sockets and timers */
  close(): Promise<void>
  /** Per node: pending updates, the certificate's expiry, replication jobs, the subscription (upkeep.ts). */
  readonly upkeep: SimUpkeepControl
}
