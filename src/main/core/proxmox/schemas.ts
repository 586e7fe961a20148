/**
 * zod schemas for Proxmox results. Lenient where Proxmox is loose (Perl scalars: numbers as strings, 0/1 booleans,
 * omitted or null optional fields), strict where a wrong value would mislead: node names, VMIDs, ids, UPIDs.
 */
import { z } from 'zod'

import { NODE_NAME_RE } from './params'
import type {
  PveClusterStatusEntry,
  PveGuestStatus,
  PveNodeListItem,
  PveNodeStatus,
  PveNodeStorage,
  PvePermissions,
  PveRrdPoint,
  PveTaskListItem,
  PveTaskLogLine,
  PveTaskStatus,
  PveVersion
} from './types'
import { tryParseUpid } from './upid'

const NUMERIC_RE = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/

export const num = z.union([z.number(), z.string().trim().regex(NUMERIC_RE).transform(Number)])
export const bool = z.union([
  z.boolean(),
  z.number().transform((n) => n !== 0),
  z.enum(['0', '1', 'true', 'false']).transform((s) => s === '1' || s === 'true')
])
export const optNum = num
  .nullish()
  .transform((v) => v ?? undefined)
  .optional()
export const optBool = bool
  .nullish()
  .transform((v) => v ?? undefined)
  .optional()
/** Strings Proxmox may also send as numbers (e.g. a name copied from a config file). */
export const optStr = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .transform((v) => v ?? undefined)
  .optional()
export const nodeName = z.string().regex(NODE_NAME_RE, 'not a node name')
export const vmid = num.pipe(z.number().int().min(100).max(999_999_999))
/** "images,rootdir" / "a;b c" → ['images', 'rootdir'] */
export const list = z
  .string()
  .nullish()
  .transform((s) => (s == null || s === '' ? undefined : s.split(/[;,\s]+/).filter(Boolean)))
  .optional()

export const versionSchema: z.ZodType<PveVersion> = z.object({
  version: z.string(),
  release: z.string(),
  repoid: z.string(),
  console: optStr
})

export const nodeListSchema: z.ZodType<PveNodeListItem[]> = z.array(
  z.object({
    node: nodeName,
    status: z.enum(['online', 'offline', 'unknown']).catch('unknown'),
    id: optStr,
    level: optStr,
    uptime: optNum,
    cpu: optNum,
    maxcpu: optNum,
    mem: optNum,
    maxmem: optNum,
    disk: optNum,
    maxdisk: optNum,
    ssl_fingerprint: optStr
  })
)

const usage = { total: optNum, used: optNum, free: optNum }
export const nodeStatusSchema: z.ZodType<PveNodeStatus> = z.object({
  uptime: optNum,
  cpu: optNum,
  wait: optNum,
  idle: optNum,
  loadavg: z
    .array(num)
    .nullish()
    .transform((v) => v ?? undefined)
    .optional(),
  kversion: optStr,
  pveversion: optStr,
  memory: z.object({ ...usage, available: optNum }).optional(),
  swap: z.object(usage).optional(),
  rootfs: z.object({ ...usage, avail: optNum }).optional(),
  cpuinfo: z.object({ model: optStr, sockets: optNum, cpus: optNum, cores: optNum, mhz: optNum }).optional(),
  'current-kernel': z.object({ sysname: optStr, release: optStr, version: optStr, machine: optStr }).optional(),
  'boot-info': z.object({ mode: optStr, secureboot: optBool }).optional()
})

export const clusterStatusSchema: z.ZodType<PveClusterStatusEntry[]> = z.array(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('cluster'), id: z.string(), name: z.string(), nodes: optNum, version: optNum, quorate: bool }),
    z.object({
      type: z.literal('node'),
      id: z.string().regex(/^node\//),
      name: nodeName,
      nodeid: optNum,
      local: optBool,
      online: bool,
      ip: optStr,
      level: optStr
    })
  ])
)

export const nodeStorageSchema: z.ZodType<PveNodeStorage[]> = z.array(
  z.object({
    storage: z.string().min(1),
    type: z.string(),
    content: z
      .string()
      .optional()
      .transform((s) => (s ?? '').split(/[;,\s]+/).filter(Boolean)),
    active: optBool,
    enabled: optBool,
    shared: optBool,
    total: optNum,
    used: optNum,
    avail: optNum,
    used_fraction: optNum
  })
)

const upidString = z.string().refine((s) => tryParseUpid(s) !== null, 'not a UPID')
const upidFields = z
  .object({ upid: upidString })
  .loose()
  .transform((o) => tryParseUpid(o.upid)!)

export const taskListSchema: z.ZodType<PveTaskListItem[]> = z.array(
  z.object({ upid: upidString, status: optStr, endtime: optNum }).transform((o) => ({ ...tryParseUpid(o.upid)!, status: o.status, endtime: o.endtime }))
)

export const taskStatusSchema: z.ZodType<PveTaskStatus> = z
  .object({ upid: upidString, status: z.enum(['running', 'stopped']), exitstatus: optStr, tokenid: optStr, user: optStr })
  .transform((o) => {
    const u = tryParseUpid(o.upid)!
    // For token tasks Proxmox reports user@realm plus tokenid; the UPID keeps the full token id.
    return { ...u, status: o.status, exitstatus: o.exitstatus, tokenid: o.tokenid }
  })

export const taskLogSchema: z.ZodType<PveTaskLogLine[]> = z.array(
  z.object({
    n: num,
    t: z
      .string()
      .nullish()
      .transform((t) => t ?? '')
  })
)

export const powerResultSchema = upidFields

export const guestStatusSchema = (kind: 'qemu' | 'lxc'): z.ZodType<PveGuestStatus> =>
  z
    .object({
      vmid,
      status: z.string(),
      qmpstatus: optStr,
      name: optStr,
      cpus: optNum,
      cpu: optNum,
      maxmem: optNum,
      mem: optNum,
      maxdisk: optNum,
      disk: optNum,
      uptime: optNum,
      pid: optNum,
      lock: optStr,
      tags: list,
      template: optBool,
      ha: z
        .object({ managed: bool.optional(), state: optStr })
        .loose()
        .nullish()
        .transform((h) => ({ managed: h?.managed ?? false, state: h?.state }))
    })
    .transform((o) => ({ kind, ...o }))

export const rrdSchema: z.ZodType<PveRrdPoint[]> = z.array(
  z.record(z.string(), z.unknown()).transform((rec, ctx) => {
    const point: Record<string, number> = {}
    for (const [k, v] of Object.entries(rec)) {
      const parsed = num.safeParse(v)
      if (parsed.success) point[k] = parsed.data
    }
    if (point.time === undefined) ctx.addIssue({ code: 'custom', message: 'rrd point without time' })
    return point as PveRrdPoint
  })
)

export const permissionsSchema: z.ZodType<PvePermissions> = z.record(z.string(), z.record(z.string(), bool))

/** Read leniently by the monitor's HA reader (monitor/ha-status.ts): only "a list" is checked here. */
export const haStatusSchema: z.ZodType<unknown[]> = z.array(z.unknown())
/** `ceph status` as Proxmox passes it on; read leniently by monitor/ceph-status.ts. */
export const cephStatusSchema: z.ZodType<Record<string, unknown>> = z.record(z.string(), z.unknown())
