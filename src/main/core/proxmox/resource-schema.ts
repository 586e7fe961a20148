/** GET /cluster/resources items → a discriminated union by `type` (see reference §1 for what each type carries). */
import { z } from 'zod'

import { list, nodeName, optBool, optNum, optStr, vmid } from './schemas'
import type { PveClusterResource } from './types'

const metrics = { uptime: optNum, cpu: optNum, maxcpu: optNum, mem: optNum, maxmem: optNum, disk: optNum, maxdisk: optNum }

const guest = z
  .object({
    id: z.string().regex(/^(qemu|lxc)\/\d+$/),
    type: z.enum(['qemu', 'lxc']),
    vmid,
    node: nodeName,
    status: z
      .string()
      .nullish()
      .transform((s) => s ?? 'unknown'),
    name: optStr,
    template: optBool,
    ...metrics,
    memhost: optNum,
    netin: optNum,
    netout: optNum,
    diskread: optNum,
    diskwrite: optNum,
    lock: optStr,
    tags: list,
    pool: optStr,
    hastate: optStr
  })
  .refine((g) => g.id === `${g.type}/${g.vmid}`, 'id does not match type/vmid')

const node = z.object({
  id: z.string().regex(/^node\//),
  type: z.literal('node'),
  node: nodeName,
  status: z
    .string()
    .nullish()
    .transform((s) => s ?? 'unknown'),
  level: optStr,
  ...metrics,
  hastate: optStr,
  'cgroup-mode': optNum,
  'host-arch': optStr
})

const storage = z.object({
  id: z.string().regex(/^storage\//),
  type: z.literal('storage'),
  storage: z.string().min(1),
  node: nodeName,
  status: z
    .string()
    .nullish()
    .transform((s) => s ?? 'unknown'),
  plugintype: optStr,
  shared: optBool,
  content: list,
  disk: optNum,
  maxdisk: optNum
})

const pool = z.object({
  id: z.string().min(1),
  type: z.literal('pool'),
  pool: z.string().min(1),
  uptime: optNum,
  cpu: optNum,
  maxcpu: optNum,
  mem: optNum,
  maxmem: optNum
})

const sdn = z.object({ id: z.string().min(1), type: z.literal('sdn'), sdn: z.string(), node: nodeName, status: optStr, 'zone-type': optStr })

const network = z.object({
  id: z.string().min(1),
  type: z.literal('network'),
  network: z.string(),
  node: nodeName,
  'network-type': optStr,
  status: optStr,
  protocol: optStr,
  'zone-type': optStr
})

const other = z
  .object({ id: z.string().min(1), type: z.string(), node: optStr, status: optStr })
  .transform((o) => ({ id: o.id, type: 'other' as const, rawType: o.type, node: o.node, status: o.status }))

const byType: Record<string, z.ZodType<PveClusterResource>> = { qemu: guest, lxc: guest, node, storage, pool, sdn, network }

export const clusterResourcesSchema: z.ZodType<PveClusterResource[]> = z.array(
  z.unknown().transform((item, ctx) => {
    const type = typeof item === 'object' && item !== null && 'type' in item ? item.type : undefined
    const schema = (typeof type === 'string' ? byType[type] : undefined) ?? other
    const parsed = schema.safeParse(item)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
      return z.NEVER
    }
    return parsed.data
  })
)
