/**
 * The Proxmox domain calls, typed. Node-specific calls go to the endpoint of that node when one is configured
 * (no proxying, no 595 from a middle node), else by the cluster-wide endpoint rule (see requester.ts).
 */
import type { z } from 'zod'

import { assertStorageId, backupVolumesSchema, notBackedUpSchema, type PveBackupVolume, type PveUncoveredGuest } from './backup-content'
import { InvalidArgumentError } from './errors'
import type { FlatListScanner } from './flat-list-scanner'
import { agentInterfacesSchema, lxcInterfacesSchema, type PveGuestInterface, readInterfaces } from './guest-interfaces'
import { decodeList, scanList } from './list-decoder'
import { NODE_UPKEEP_READS, type NodeUpkeepAnswer, type NodeUpkeepRead } from './node-upkeep'
import type { PveParams } from './params'
import { apiPath, assertGuestKind, assertNodeName, assertVmid } from './params'
import { Requester } from './requester'
import { clusterResourcesSchema } from './resource-schema'
import {
  cephStatusSchema,
  clusterStatusSchema,
  guestStatusSchema,
  haStatusSchema,
  nodeListSchema,
  nodeStatusSchema,
  nodeStorageSchema,
  permissionsSchema,
  powerResultSchema,
  rrdSchema,
  taskListSchema,
  taskLogSchema,
  taskStatusSchema,
  versionSchema
} from './schemas'
import type {
  PveCallOptions,
  PveClusterResource,
  PveClusterStatusEntry,
  PveEndpoint,
  PveGuestKind,
  PveGuestStatus,
  PveLxcPowerAction,
  PveNodeListItem,
  PveNodeStatus,
  PveNodeStorage,
  PvePermissions,
  PvePowerOptions,
  PveQemuPowerAction,
  PveResourceType,
  PveRrdCf,
  PveRrdPoint,
  PveTaskListItem,
  PveTaskListOptions,
  PveTaskLog,
  PveTaskResult,
  PveTaskStatus,
  PveUpid,
  PveVersion,
  PveWaitForTaskOptions
} from './types'
import { parseUpid } from './upid'
import { waitForTask } from './wait-for-task'

const RESOURCE_TYPES: readonly PveResourceType[] = ['vm', 'storage', 'node', 'sdn']
const TIMEFRAMES = ['hour', 'day', 'week', 'month', 'year', 'decade'] as const

/** Which optional parameters each power endpoint accepts (anything else is a 400 from Proxmox). */
const POWER_PARAMS: Record<PveGuestKind, Record<string, ReadonlyArray<'timeout' | 'forceStop'>>> = {
  qemu: { start: ['timeout'], stop: ['timeout'], shutdown: ['timeout', 'forceStop'], reboot: ['timeout'], suspend: [], resume: [] },
  lxc: { start: [], stop: [], shutdown: ['timeout', 'forceStop'], reboot: ['timeout'] }
}

interface GetSpec<T> extends PveCallOptions {
  path: string
  schema: z.ZodType<T>
  params?: PveParams
  node?: string
}

export class PveApi {
  readonly #rq: Requester
  readonly #scopeNode: string | undefined

  constructor(requester: Requester, scopeNode?: string) {
    this.#rq = requester
    this.#scopeNode = scopeNode
  }

  /** The endpoint that answered last (preferred for the next cluster-wide call). */
  get lastEndpoint(): PveEndpoint | undefined {
    return this.#rq.lastEndpoint
  }

  /** A view whose calls prefer `node`'s endpoint. Shares connections with this client; close the client, not the view. */
  clientForNode(node: string): PveApi {
    return new PveApi(this.#rq, assertNodeName(node))
  }

  async #get<T>(spec: GetSpec<T>): Promise<T> {
    const env = await this.#rq.call({
      method: 'GET',
      path: spec.path,
      params: spec.params,
      node: spec.node ?? this.#scopeNode,
      signal: spec.signal,
      timeoutMs: spec.timeoutMs
    })
    return Requester.parse(spec.schema, env.data, env.ctx)
  }

  async version(opts: PveCallOptions = {}): Promise<PveVersion> {
    return this.#get({ ...opts, path: '/version', schema: versionSchema })
  }

  async nodes(opts: PveCallOptions = {}): Promise<PveNodeListItem[]> {
    return this.#get({ ...opts, path: '/nodes', schema: nodeListSchema })
  }

  async nodeStatus(node: string, opts: PveCallOptions = {}): Promise<PveNodeStatus> {
    return this.#get({ ...opts, path: apiPath`/nodes/${assertNodeName(node)}/status`, schema: nodeStatusSchema, node })
  }

  async clusterResources(type?: PveResourceType, opts: PveCallOptions = {}): Promise<PveClusterResource[]> {
    if (type !== undefined && !RESOURCE_TYPES.includes(type))
      throw new InvalidArgumentError('type', `"${String(type)}" is not a resource type (vm, storage, node, sdn).`)
    return this.#get({ ...opts, path: '/cluster/resources', params: { type }, schema: clusterResourcesSchema })
  }

  /**
   * /cluster/resources for the monitor's hot path: each item goes through `map` as soon as it is decoded
   * (see list-decoder.ts), unvalidated by zod: the monitor's lenient parser reads each item once and drops
   * malformed ones, and validating 5,000 items first would double the work of every poll. With a `scanner`
   * (one per cluster: it remembers the strings of the last answer) the answer is read from its bytes, and
   * each item is a record lent to `map` for the call only.
   */
  async clusterResourceItems<T>(map: (item: unknown) => T, opts: PveCallOptions & { scanner?: FlatListScanner } = {}): Promise<T[]> {
    const scanner = opts.scanner
    const spec = { method: 'GET', path: '/cluster/resources', signal: opts.signal, timeoutMs: opts.timeoutMs, node: this.#scopeNode } as const
    if (scanner === undefined) return this.#rq.callWith(spec, (res, ctx) => decodeList(res, ctx, map))
    const { res, ctx } = await this.#rq.callWith({ ...spec, wantBytes: true }, (res, ctx) => ({ res, ctx }))
    return scanList(res, ctx, scanner, map)
  }

  async clusterStatus(opts: PveCallOptions = {}): Promise<PveClusterStatusEntry[]> {
    return this.#get({ ...opts, path: '/cluster/status', schema: clusterStatusSchema })
  }

  async nodeStorage(node: string, opts: PveCallOptions = {}): Promise<PveNodeStorage[]> {
    return this.#get({ ...opts, path: apiPath`/nodes/${assertNodeName(node)}/storage`, schema: nodeStorageSchema, node })
  }

  async nodeTasks(node: string, opts: PveTaskListOptions = {}): Promise<PveTaskListItem[]> {
    const { signal, timeoutMs, vmid, ...filters } = opts
    const params: PveParams = { ...filters, vmid: vmid === undefined ? undefined : assertVmid(vmid) }
    return this.#get({ signal, timeoutMs, path: apiPath`/nodes/${assertNodeName(node)}/tasks`, params, schema: taskListSchema, node })
  }

  /** Recent and running tasks of the whole cluster, as Proxmox lists them (the app's one task reader is the monitor's). */
  async clusterTaskItems(opts: PveCallOptions = {}): Promise<unknown[]> {
    return this.#rq.callWith({ method: 'GET', path: '/cluster/tasks', signal: opts.signal, timeoutMs: opts.timeoutMs, node: this.#scopeNode }, (res, ctx) =>
      decodeList(res, ctx, (item) => item)
    )
  }

  /** Recent and running tasks of the whole cluster. */
  async clusterTasks(opts: PveCallOptions = {}): Promise<PveTaskListItem[]> {
    return this.#get({ ...opts, path: '/cluster/tasks', schema: taskListSchema })
  }

  /** Asks the node named in the UPID: tasks are files on that node. */
  async taskStatus(upid: string | PveUpid, opts: PveCallOptions = {}): Promise<PveTaskStatus> {
    const u = typeof upid === 'string' ? parseUpid(upid) : upid
    return this.#get({ ...opts, path: apiPath`/nodes/${u.node}/tasks/${u.upid}/status`, schema: taskStatusSchema, node: u.node })
  }

  /** `start` lines skipped, `limit` lines returned (Proxmox default 50; 0 = all). */
  async taskLog(upid: string | PveUpid, opts: PveCallOptions & { start?: number; limit?: number } = {}): Promise<PveTaskLog> {
    const u = typeof upid === 'string' ? parseUpid(upid) : upid
    const path = apiPath`/nodes/${u.node}/tasks/${u.upid}/log`
    const env = await this.#rq.call({
      method: 'GET',
      path,
      params: { start: opts.start, limit: opts.limit },
      node: u.node,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs
    })
    const lines = Requester.parse(taskLogSchema, env.data, env.ctx)
    return { lines, total: env.total ?? lines.length }
  }

  async waitForTask(upid: string | PveUpid, opts: PveWaitForTaskOptions = {}): Promise<PveTaskResult> {
    const u = typeof upid === 'string' ? parseUpid(upid) : upid
    return waitForTask((x, o) => this.taskStatus(x, o), u, opts)
  }

  async guestStatus(node: string, kind: PveGuestKind, vmid: number, opts: PveCallOptions = {}): Promise<PveGuestStatus> {
    const path = apiPath`/nodes/${assertNodeName(node)}/${assertGuestKind(kind)}/${assertVmid(vmid)}/status/current`
    return this.#get({ ...opts, path, schema: guestStatusSchema(kind), node })
  }

  /**
   * A running guest's interfaces and addresses: asked of the QEMU guest agent for a VM (Proxmox answers 500
   * "QEMU guest agent is not running" when it does not answer), of the container itself for a CT.
   */
  async guestInterfaces(node: string, kind: PveGuestKind, vmid: number, opts: PveCallOptions = {}): Promise<PveGuestInterface[]> {
    const base = apiPath`/nodes/${assertNodeName(node)}/${assertGuestKind(kind)}/${assertVmid(vmid)}`
    if (kind === 'qemu')
      return readInterfaces((await this.#get({ ...opts, path: `${base}/agent/network-get-interfaces`, schema: agentInterfacesSchema, node })).result)
    return readInterfaces((await this.#get({ ...opts, path: `${base}/interfaces`, schema: lxcInterfacesSchema, node })) ?? [])
  }

  /** Starts a power task and returns its parsed UPID (poll it with waitForTask: 200 does not mean success). */
  async powerAction(node: string, kind: PveGuestKind, vmid: number, action: PveQemuPowerAction, opts: PvePowerOptions = {}): Promise<PveUpid> {
    const allowed = POWER_PARAMS[assertGuestKind(kind)][action]
    if (allowed === undefined) throw new InvalidArgumentError('action', `Containers cannot ${action}.`)
    const params: PveParams = {}
    if (allowed.includes('timeout')) params.timeout = opts.timeout
    if (allowed.includes('forceStop')) params.forceStop = opts.forceStop
    const path = apiPath`/nodes/${assertNodeName(node)}/${kind}/${assertVmid(vmid)}/status/${action}`
    const env = await this.#rq.call({ method: 'POST', path, params, node, signal: opts.signal, timeoutMs: opts.timeoutMs })
    return Requester.parse(powerResultSchema, { upid: env.data }, env.ctx)
  }

  async vmStart(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'qemu', vmid, 'start', opts)
  }
  async vmStop(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'qemu', vmid, 'stop', opts)
  }
  async vmShutdown(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'qemu', vmid, 'shutdown', opts)
  }
  async vmReboot(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'qemu', vmid, 'reboot', opts)
  }
  async vmSuspend(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'qemu', vmid, 'suspend', opts)
  }
  async vmResume(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'qemu', vmid, 'resume', opts)
  }
  async ctStart(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'lxc', vmid, 'start' satisfies PveLxcPowerAction, opts)
  }
  async ctStop(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'lxc', vmid, 'stop' satisfies PveLxcPowerAction, opts)
  }
  async ctShutdown(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'lxc', vmid, 'shutdown' satisfies PveLxcPowerAction, opts)
  }
  async ctReboot(node: string, vmid: number, opts?: PvePowerOptions): Promise<PveUpid> {
    return this.powerAction(node, 'lxc', vmid, 'reboot' satisfies PveLxcPowerAction, opts)
  }

  /** Served from the answering node's RRD copy: works for offline nodes too (historic data). */
  async nodeRrd(node: string, timeframe: (typeof TIMEFRAMES)[number], cf: PveRrdCf = 'AVERAGE', opts: PveCallOptions = {}): Promise<PveRrdPoint[]> {
    if (!TIMEFRAMES.includes(timeframe)) throw new InvalidArgumentError('timeframe', `"${String(timeframe)}" is not a timeframe (${TIMEFRAMES.join(', ')}).`)
    if (cf !== 'AVERAGE' && cf !== 'MAX') throw new InvalidArgumentError('cf', `"${String(cf)}" is not AVERAGE or MAX.`)
    return this.#get({ ...opts, path: apiPath`/nodes/${assertNodeName(node)}/rrddata`, params: { timeframe, cf }, schema: rrdSchema, node })
  }

  /** The backup archives on one storage, as `node` sees it (a storage that is not shared: that node's own). */
  async backupVolumes(node: string, storage: string, opts: PveCallOptions = {}): Promise<PveBackupVolume[]> {
    const path = apiPath`/nodes/${assertNodeName(node)}/storage/${assertStorageId(storage)}/content`
    return this.#get({ ...opts, path, params: { content: 'backup' }, schema: backupVolumesSchema, node })
  }

  /** The guests no backup job covers (needs Sys.Audit on /). */
  async notBackedUp(opts: PveCallOptions = {}): Promise<PveUncoveredGuest[]> {
    return this.#get({ ...opts, path: '/cluster/backup-info/not-backed-up', schema: notBackedUpSchema })
  }

  /** One of a node's upkeep reads (updates apt knows of, certificates, replication, subscription): GETs only, asked rarely. */
  async nodeUpkeep<K extends NodeUpkeepRead>(node: string, what: K, opts: PveCallOptions = {}): Promise<NodeUpkeepAnswer<K>> {
    const read = NODE_UPKEEP_READS[what]
    const schema = read.schema as unknown as z.ZodType<NodeUpkeepAnswer<K>>
    return this.#get({ ...opts, path: `${apiPath`/nodes/${assertNodeName(node)}`}/${read.path}`, schema, node })
  }

  /** The token's effective privileges: path → privilege → propagate. */
  async permissions(opts: PveCallOptions & { path?: string } = {}): Promise<PvePermissions> {
    const { path, ...rest } = opts
    return this.#get({ ...rest, path: '/access/permissions', params: { path }, schema: permissionsSchema })
  }

  /** GET /cluster/ha/status/current (Sys.Audit on /): the HA manager, its LRMs and each resource's state. */
  async haStatusItems(opts: PveCallOptions = {}): Promise<unknown[]> {
    return this.#get({ ...opts, path: '/cluster/ha/status/current', schema: haStatusSchema })
  }

  /** GET /cluster/ceph/status (Sys.Audit or Datastore.Audit on /): `ceph status`; fails where Ceph is not installed. */
  async cephStatus(opts: PveCallOptions = {}): Promise<Record<string, unknown>> {
    return this.#get({ ...opts, path: '/cluster/ceph/status', schema: cephStatusSchema })
  }
}
