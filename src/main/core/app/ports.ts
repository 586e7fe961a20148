// The narrow slices of the REST client, the monitor and the SSH pool the handlers use. The real parts
// are adapted to these in app/adapters (so a handler never depends on transport details, and a part
// that changes shape is fixed in one place).
import type { ClusterMode, ClusterSnapshot, GuestKind, MonitorEvent, PowerAction } from '../../../shared/snapshot'
import type { ExecResult } from '../ssh/ssh-pool'
import type { CertificateInfo, GuestInterfaceView, KnownHostsReport, NodeHealthReport, SshHostState, SshTestResult } from '../../../shared/views'
import type { SettingsDoc } from '../settings/settings-schema'

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

export interface MonitorFactoryInput {
  readonly clusterId: string
  readonly clusterName: string
  readonly mode: ClusterMode
  readonly demo: boolean
  readonly api: ClusterApi
  readonly settings: () => SettingsDoc
  readonly pollIntervalMs: number
  readonly onSnapshot: (s: ClusterSnapshot) => void
  readonly onEvent: (e: MonitorEvent) => void
}

export type MonitorFactory = (input: MonitorFactoryInput) => ClusterMonitorPort

/** A host key the node presented that no pin or known_hosts entry vouches for yet. */
export interface PendingHostKey {
  /** `host:port`, the key the pin is stored under. */
  readonly hostPort: string
  readonly keyType: string
}

/** A pinned host key the node just failed to match (a node reinstall, or an interception). */
export interface ChangedHostKey {
  /** `host:port`, the key the pin is stored under. */
  readonly hostPort: string
  /** The pin it failed to match (from the settings, or from known_hosts). */
  readonly pinnedFingerprint: string
}

export interface SshPort {
  /**
   * Runs the health probes on a node. Rejects with the pool's SshError (duck-typed by `kind` in
   * ipc/map-ssh-error) when the node cannot be reached or logged into at all; an unknown host key is
   * remembered as pending so ssh:trust-host-key can pin exactly that key.
   */
  nodeHealth(clusterId: string, node: string): Promise<NodeHealthReport>
  /**
   * "Test SSH": logs into the node with the saved settings and runs `pveversion`. Fails like nodeHealth
   * (an unknown key is remembered as pending for ssh:trust-host-key, a changed one for ssh:forget-host-key).
   */
  testNode(clusterId: string, node: string): Promise<SshTestResult>
  /** Whether the cluster has SSH set up (or is the demo cluster with its own). */
  configured(clusterId: string): boolean
  /**
   * Runs one command on a node: on a connection of its own (`fresh`: what a new login meets now, nothing
   * left open) or on the pool's. Rejects with the pool's SshError, or ssh-not-configured.
   */
  run(clusterId: string, node: string, argv: readonly string[], o: { readonly fresh: boolean; readonly timeoutMs: number }): Promise<ExecResult>
  /** What known_hosts says of each node's SSH address (read now), beside the pins. */
  knownHosts(clusterId: string, nodes: readonly string[]): Promise<KnownHostsReport>
  /** Pins a key known_hosts trusts (not revoked) for the node's address; refuses to replace another pin. */
  importKnownHost(clusterId: string, node: string, fingerprint: string): Promise<void>
  /** The node's pending unknown key when `fingerprint` is the one it presented; else null. Consumes it. */
  pendingHostKey(clusterId: string, node: string, fingerprint: string): PendingHostKey | null
  /** The pin the node's last check failed to match (ssh-host-key-changed), else null. Consumes it. */
  changedHostKey(clusterId: string, node: string): ChangedHostKey | null
  state(): SshHostState[]
  /** Every change of any pool's host states (coalesced by the pool), as the `ssh:state` event carries. */
  onState(listener: (s: SshHostState[]) => void): () => void
  closeAll(): Promise<void>
}

export type CertificateProbe = (host: string, port: number, timeoutMs: number) => Promise<CertificateInfo>
