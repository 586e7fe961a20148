// What the monitor publishes: one immutable snapshot per cluster, plus the events between snapshots.
// Shared by main (producer), the tray/notification builders and the renderer (consumers).
// Everything here is plain data (structured-clone safe): no classes, no functions, no Dates.
import type { CephView, HaView } from './ha-ceph'

export type GuestKind = 'qemu' | 'lxc'
export type PowerAction = 'start' | 'stop' | 'shutdown' | 'reboot' | 'suspend' | 'resume'
export type ClusterMode = 'monitor' | 'control'

/** Node status as Proxmox reports it; `unknown` = online member whose pvestatd is not reporting. */
export type NodeStatus = 'online' | 'offline' | 'unknown'

/**
 * Guest state, normalised from Proxmox's raw status (qemu's QMP run state or lxc status).
 * `unknown` covers guests on an offline node: we never claim "running" for them.
 */
export type GuestState = 'running' | 'stopped' | 'paused' | 'suspended' | 'unknown' | 'other'

/** Overall health, also the tray icon state (with `paused` and `demo` added by the shell). */
export type ClusterHealth = 'ok' | 'degraded' | 'down' | 'unreachable' | 'auth' | 'unknown'

export type MuteMode = 'hour' | 'until-up' | 'always'
export interface MuteInfo {
  readonly mode: MuteMode
  /** Epoch ms for `hour`; null otherwise. */
  readonly until: number | null
}

/** Usage figures as /cluster/resources reports them; null when Proxmox gives none (offline, missing Sys.Audit). */
export interface ResourceUsage {
  /** CPU usage as a fraction 0..1. */
  readonly cpu: number | null
  readonly maxcpu: number | null
  readonly mem: number | null
  readonly maxmem: number | null
  readonly disk: number | null
  readonly maxdisk: number | null
  readonly uptime: number | null
}

export interface NodeView extends ResourceUsage {
  readonly name: string
  readonly status: NodeStatus
  readonly ip: string | null
  /** Subscription level ('' = none). */
  readonly level: string | null
  /** Epoch ms at which the node was confirmed down; null while up. */
  readonly downSince: number | null
  readonly flapping: boolean
  readonly muted: MuteInfo | null
  /**
   * Why this node's status is not known now although it was reported before (the cluster did not answer the
   * last poll, the token was rejected, the certificate changed): its figures are the last ones seen, at
   * `lastSeen`. Null while the cluster answers.
   */
  readonly staleReason: string | null
  readonly lastSeen: number | null
}

export interface GuestView extends ResourceUsage {
  /** `qemu/100` or `lxc/101`, as Proxmox's resource id. Unique within a cluster. */
  readonly id: string
  readonly vmid: number
  readonly kind: GuestKind
  readonly node: string
  /** Untrusted text from the guest config: render as text only. Falls back to "VM <vmid>" / "CT <vmid>". */
  readonly name: string
  /** Raw Proxmox status string (e.g. "running", "paused", "io-error", "unknown"). */
  readonly status: string
  readonly state: GuestState
  readonly template: boolean
  readonly tags: readonly string[]
  readonly lock: string | null
  readonly hastate: string | null
  readonly pool: string | null
  /**
   * Disk and network rates in bytes/s between pvestatd's last two readings (~10 s apart). Null for a first
   * reading, a restart (counters began again), a stopped guest, or while figures are off (no dashboard open).
   */
  readonly diskReadRate: number | null
  readonly diskWriteRate: number | null
  readonly netInRate: number | null
  readonly netOutRate: number | null
  /** Its last reported status is no longer trustworthy (its node is offline, or the cluster did not answer). */
  readonly stale: boolean
  /** Why the state shown is 'unknown', in words ("node pve-b is offline", "the cluster is not answering"). */
  readonly staleReason: string | null
  /** Guest-down notifications enabled (opt-in; on by default for HA-managed guests). */
  readonly alerts: boolean
  readonly muted: MuteInfo | null
  /** Actions the user may take now (state, template/lock, cluster mode and token privileges considered). */
  readonly actions: readonly PowerAction[]
  /** Why actions are unavailable, in words (monitor-only cluster, missing VM.PowerMgmt on /vms/105, ...). */
  readonly actionsDisabledReason: string | null
  /** A task the user started on this guest is running. */
  readonly busy: boolean
}

export interface StorageView {
  /** `storage/<node>/<storeid>` */
  readonly id: string
  readonly storage: string
  readonly node: string
  readonly plugintype: string
  readonly shared: boolean
  readonly status: string
  readonly content: readonly string[]
  readonly used: number | null
  readonly total: number | null
  /** used/total, 0..1 */
  readonly usage: number | null
  readonly aboveThreshold: boolean
}

export interface SnapshotError {
  /** Error class name, e.g. 'auth', 'permission', 'unreachable', 'tls', 'timeout', 'malformed', 'http'. */
  readonly kind: string
  /** Plain-language message that says what to do. Never contains a secret. */
  readonly message: string
}

export interface ClusterSnapshot {
  readonly clusterId: string
  readonly clusterName: string
  readonly mode: ClusterMode
  readonly demo: boolean
  readonly health: ClusterHealth
  /** One line in words: "3/4 nodes up · 27 guests running" or "pve-b down for 4 min". */
  readonly summary: string
  readonly quorate: boolean | null
  readonly nodes: readonly NodeView[]
  readonly guests: readonly GuestView[]
  readonly storage: readonly StorageView[]
  /** `host:port` of the endpoint that answered the last poll. */
  readonly endpoint: string | null
  /** Epoch ms of the last successful poll. */
  readonly fetchedAt: number | null
  /** The last poll failed: figures are from `fetchedAt`. */
  readonly stale: boolean
  readonly lastError: SnapshotError | null
  /** The token authenticates but sees nothing (privilege separation without ACLs). */
  readonly emptyView: boolean
  /**
   * Endpoints presenting another certificate than the pinned one (checked on every endpoint, even while
   * another answers). Nothing is sent to them; the user compares and may trust the new one.
   */
  readonly certificateMismatches: readonly CertificateMismatch[]
  /** HA manager and resources; null when the cluster has no HA configured (filled in by the app's HA/Ceph watch). */
  readonly ha: HaView | null
  /** Ceph health; null when the cluster has no Ceph (filled in by the app's HA/Ceph watch). */
  readonly ceph: CephView | null
}

export interface CertificateMismatch {
  readonly host: string
  readonly port: number
  readonly node: string | null
  readonly pinned: string
  readonly presented: string
}

/**
 * Every kind of monitor event: the one list. The IPC schema, the notification builders and defaults and
 * the settings labels are all keyed by it, so a kind added here fails to compile until each has it.
 */
export const MONITOR_EVENT_KINDS = [
  'node-down',
  'node-up',
  'node-flapping',
  'guest-state',
  'guest-down',
  'guest-up',
  'quorum-lost',
  'quorum-regained',
  'storage-high',
  'task-failed',
  'cluster-unreachable',
  'cluster-reachable',
  'auth-failed',
  'certificate-changed',
  'ha-problem',
  'ha-recovered',
  'ceph-degraded',
  'ceph-ok',
  'backup-failed',
  'certificate-expiring',
  'replication-failed'
] as const

export type MonitorEventKind = (typeof MONITOR_EVENT_KINDS)[number]

export type EventSeverity = 'info' | 'warning' | 'critical'

export interface MonitorEvent {
  readonly id: string
  readonly at: number
  readonly kind: MonitorEventKind
  readonly severity: EventSeverity
  readonly clusterId: string
  readonly clusterName: string
  readonly node: string | null
  readonly guest: { readonly vmid: number; readonly kind: GuestKind; readonly name: string } | null
  readonly storage: string | null
  /** Plain text, untrusted parts (guest names) included verbatim: render as text. */
  readonly message: string
  /** Proxmox's exit status or error text, where there is one. */
  readonly detail: string | null
  /**
   * About a task the user started from this app (its UPID was noted): the outcome was already
   * reported through task:progress, so the timeline shows it but the notification policy skips it.
   */
  readonly byUser?: boolean
}
