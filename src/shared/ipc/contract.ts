// THE IPC contract: every channel the renderer may invoke (name → zod input schema → result type)
// and every event main pushes. Main, preload and renderer derive their types from this table.
// How to add a channel: add an entry here, add its handler in src/main/core/ipc/handlers (the
// `IpcHandlers` type then fails to compile until you do), use it in the renderer via window.pveTray.
import { z } from 'zod'

import type { BackupInfoView, ClusterTasksView, TaskLogView } from '../backup-views'
import type { BulkActionResult, BulkCancelResult } from '../bulk-actions'
import type { AppStateDelta, RevisedAppState } from '../state-delta'
import type { ClusterUpkeep } from '../upkeep'
import type {
  ActionResult,
  AppState,
  CertificateInfo,
  ConnectionTestResult,
  GuestAddressesView,
  KnownHostsReport,
  NavigateTarget,
  NodeDiagnosis,
  NodeHealthReport,
  RrdPoint,
  ServiceRestartResult,
  SettingsView,
  SshHostState,
  SshTestResult,
  TaskProgress,
  TaskView
} from '../views'
import { bulkActionInputSchema, bulkCancelInputSchema } from './bulk-schemas'
import { type EventChannel, type InvokeChannel, invokeChannelNames, type RendererEventChannel, rendererEventChannelNames } from './channels'
import {
  clusterIdSchema,
  clusterInputSchema,
  endpointInputSchema,
  fingerprint256Schema,
  generalSettingsInputSchema,
  guestRefSchema,
  hostSchema,
  muteModeSchema,
  muteTargetSchema,
  nodeNameSchema,
  portSchema,
  powerActionSchema,
  tokenIdSchema,
  tokenSecretSchema,
  vmidSchema
} from './schemas'

/** A channel: its input schema, and (type-only) its result. */
export interface ChannelSpec<I extends z.ZodType, R> {
  readonly input: I
  readonly result?: R
}
const channel =
  <R>() =>
  <I extends z.ZodType>(input: I): ChannelSpec<I, R> => ({ input })
const none = z.object({}).strict()
/** At most this many guests' figures asked one by one (a screenful and its margins is ~150); more is `all`. */
export const MAX_FIGURE_GUESTS = 500

export const invokeContract = {
  'app:get-state': channel<RevisedAppState>()(none),
  /**
   * The cluster's web UI (at a node's endpoint), at one guest (`vmid`), or that guest's noVNC console. Main
   * builds the URL from the settings and the snapshot (the guest's kind and node): the renderer names, never links.
   */
  'app:open-web-ui': channel<null>()(
    z
      .object({ clusterId: clusterIdSchema, node: nodeNameSchema.optional(), vmid: vmidSchema.optional(), console: z.boolean().optional() })
      .strict()
      .refine((i) => i.console !== true || i.vmid !== undefined, { message: 'A console needs a guest', path: ['vmid'] })
  ),
  'clusters:refresh': channel<null>()(z.object({ clusterId: clusterIdSchema.optional() }).strict()),
  'guests:action': channel<ActionResult>()(guestRefSchema.extend({ action: powerActionSchema }).strict()),
  /** One action on several guests (dashboard only): main re-checks each as for guests:action, runs at most a few per node at a time. */
  'guests:bulk-action': channel<BulkActionResult>()(bulkActionInputSchema),
  /** Drops the not-yet-sent remainder of a bulk run; what was sent runs on. */
  'guests:bulk-cancel': channel<BulkCancelResult>()(bulkCancelInputSchema),
  /** A guest's IP addresses, asked of the guest now (or from a short cache); main finds its node and kind. */
  'guests:addresses': channel<GuestAddressesView>()(z.object({ clusterId: clusterIdSchema, vmid: vmidSchema }).strict()),
  /**
   * Which guests' moving figures (cpu, mem, disk, uptime, I/O rates) the dashboard shows now: all of them (a table
   * sorted by one), or only these (the rows on screen and the open detail). Main builds and sends figures for those
   * only; every other guest's are null ("—") in the state. A renderer that never says gets all of them.
   */
  'guests:show-figures': channel<null>()(
    z
      .object({
        all: z.boolean(),
        guests: z.array(z.object({ clusterId: clusterIdSchema, vmid: vmidSchema }).strict()).max(MAX_FIGURE_GUESTS)
      })
      .strict()
  ),
  'guests:set-alerts': channel<null>()(guestRefSchema.pick({ clusterId: true, vmid: true }).extend({ enabled: z.boolean() }).strict()),
  'mute:set': channel<null>()(z.object({ target: muteTargetSchema, mode: muteModeSchema }).strict()),
  'nodes:rrd': channel<RrdPoint[]>()(z.object({ clusterId: clusterIdSchema, node: nodeNameSchema, timeframe: z.enum(['hour', 'day', 'week']) }).strict()),
  'nodes:health': channel<NodeHealthReport>()(z.object({ clusterId: clusterIdSchema, node: nodeNameSchema }).strict()),
  /** What SSH says of a node its API does not answer for; null when SSH is not set up. `fresh`: log in again now. */
  'nodes:diagnose': channel<NodeDiagnosis | null>()(z.object({ clusterId: clusterIdSchema, node: nodeNameSchema, fresh: z.boolean().default(false) }).strict()),
  /** `systemctl restart pveproxy` on the node over SSH, after the user confirmed (monitor-and-control clusters only). */
  'nodes:restart-pveproxy': channel<ServiceRestartResult>()(z.object({ clusterId: clusterIdSchema, node: nodeNameSchema }).strict()),
  'tasks:list': channel<TaskView[]>()(
    z.object({ clusterId: clusterIdSchema, node: nodeNameSchema.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict()
  ),
  'notifications:pause': channel<{ pausedUntil: number | null }>()(
    z
      .object({
        minutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
      })
      .strict()
  ),
  'settings:get': channel<SettingsView>()(none),
  'settings:update': channel<SettingsView>()(generalSettingsInputSchema.strict()),
  'settings:save-cluster': channel<SettingsView>()(clusterInputSchema.strict()),
  'settings:remove-cluster': channel<SettingsView>()(z.object({ clusterId: clusterIdSchema }).strict()),
  /** After the user compared them: pin the certificate an endpoint presents now (main checks it still does). */
  'settings:trust-certificate': channel<SettingsView>()(
    z.object({ clusterId: clusterIdSchema, host: hostSchema, port: portSchema, fingerprint256: fingerprint256Schema }).strict()
  ),
  'onboarding:probe-certificate': channel<CertificateInfo>()(z.object({ host: hostSchema, port: portSchema }).strict()),
  'onboarding:test-connection': channel<ConnectionTestResult>()(
    z
      .object({
        /** When editing a saved cluster with no new secret typed, main uses the stored one. */
        clusterId: clusterIdSchema.optional(),
        endpoint: endpointInputSchema,
        tokenId: tokenIdSchema,
        tokenSecret: tokenSecretSchema.optional(),
        caPem: z
          .string()
          .max(64 * 1024)
          .nullable()
          .optional()
      })
      .strict()
  ),
  'ssh:trust-host-key': channel<null>()(
    z.object({ clusterId: clusterIdSchema, node: nodeNameSchema, fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/) }).strict()
  ),
  'ssh:state': channel<SshHostState[]>()(none),
  /** Drops a node's pinned SSH host key after it presented a different one (reinstall); the next check offers the new key for trust. */
  'ssh:forget-host-key': channel<null>()(z.object({ clusterId: clusterIdSchema, node: nodeNameSchema }).strict()),
  /** Logs into one node with the cluster's saved SSH settings and runs `pveversion` (read-only). */
  'ssh:test': channel<SshTestResult>()(z.object({ clusterId: clusterIdSchema, node: nodeNameSchema }).strict()),
  /** What the user's known_hosts says of each node's SSH address, beside the app's pins. */
  'ssh:known-hosts': channel<KnownHostsReport>()(z.object({ clusterId: clusterIdSchema }).strict()),
  /** Pins a key known_hosts trusts for the node's address (main reads the file again; revoked keys refused). */
  'ssh:import-known-host': channel<KnownHostsReport>()(
    z.object({ clusterId: clusterIdSchema, node: nodeNameSchema, fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/) }).strict()
  ),
  /**
   * Newest backup per guest (archives on the backup storages) and the guests no backup job covers. Read rarely:
   * kept 10 min, `refresh` reads again (at most every 30 s); never by the monitor's poll.
   */
  'backups:info': channel<BackupInfoView>()(z.object({ clusterId: clusterIdSchema, refresh: z.boolean().default(false) }).strict()),
  /** Recent tasks of all users in the cluster (/cluster/tasks, the monitor's task reader), and whether only the token's own are listed. */
  'tasks:cluster': channel<ClusterTasksView>()(z.object({ clusterId: clusterIdSchema, limit: z.number().int().min(1).max(500).default(200) }).strict()),
  /** A task's log, paged (asked of the task's node, on demand). */
  'tasks:log': channel<TaskLogView>()(
    z
      .object({
        clusterId: clusterIdSchema,
        upid: z
          .string()
          .max(512)
          .regex(/^UPID:[A-Za-z0-9-]+:[0-9A-Fa-f]{8}:[0-9A-Fa-f]{8,9}:[0-9A-Fa-f]{8}:[^:\s/]+:[^:\s/]*:[^:\s/]+:$/),
        start: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(1000).default(200)
      })
      .strict()
  ),
  /** Each node's updates, certificate expiry, replication jobs and subscription as last read (main reads them on a schedule). */
  'upkeep:get': channel<ClusterUpkeep>()(z.object({ clusterId: clusterIdSchema }).strict()),
  /** Reads them now ("Check again"), for one node or all online nodes, and answers when done. Never refreshes the package index. */
  'upkeep:check': channel<ClusterUpkeep>()(z.object({ clusterId: clusterIdSchema, node: nodeNameSchema.optional() }).strict())
} as const satisfies Record<InvokeChannel, ChannelSpec<z.ZodType, unknown>>

/** Events of the core; main → renderer for those in rendererEventChannelNames. */
export interface EventContract extends Record<EventChannel, unknown> {
  /** The whole state after a change (in-process consumers only). */
  'state:changed': AppState
  /** What changed, for renderers: applies to revision `rev - 1` (see shared/state-delta.ts). */
  'state:delta': AppStateDelta
  'task:progress': TaskProgress
  'ssh:state': SshHostState[]
  'ui:navigate': NavigateTarget
}

export type ChannelInput<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>
export type ChannelParsedInput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['input']>
export type ChannelResult<C extends InvokeChannel> = Exclude<(typeof invokeContract)[C]['result'], undefined>

/** Errors cross IPC as data, not as thrown Errors (Electron flattens those to a message string). */
export interface IpcError {
  /** 'invalid-input' | 'not-found' | 'refused' | 'auth' | 'permission' | 'unreachable' | 'tls' | 'timeout' | 'internal' | … */
  readonly code: string
  /** Plain words, says what to do. Never contains a secret. */
  readonly message: string
  /** Field-level messages for forms (zod issue paths joined with '.'). */
  readonly fields?: Readonly<Record<string, string>>
}
export type IpcResponse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

/** The API the preload exposes as `window.pveTray` (and the browser bridge reproduces). */
export interface PveTrayApi {
  invoke<C extends InvokeChannel>(channel: C, input: ChannelInput<C>): Promise<IpcResponse<ChannelResult<C>>>
  /** Subscribe to a main → renderer event; returns the unsubscribe function. */
  on<E extends RendererEventChannel>(event: E, listener: (payload: EventContract[E]) => void): () => void
}

export { invokeChannelNames, rendererEventChannelNames }
export type { EventChannel, InvokeChannel, RendererEventChannel }
