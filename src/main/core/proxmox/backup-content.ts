/**
 * Backups as Proxmox lists them: the archives on one storage (`GET /nodes/{node}/storage/{storage}/content
 * ?content=backup` → volid, vmid, ctime, …) and the guests no backup job covers (`GET /cluster/backup-info/
 * not-backed-up` → vmid, type, name). Read leniently: an item without what we need (an archive without an owner
 * vmid or a creation time, say one copied there by hand) is dropped, the others still count; only a wrong
 * overall shape is an error.
 */
import { z } from 'zod'

import { InvalidArgumentError } from './errors'

export interface PveBackupVolume {
  readonly volid: string
  readonly vmid: number
  /** Epoch seconds. */
  readonly ctime: number
  readonly size: number | null
}

export interface PveUncoveredGuest {
  readonly vmid: number
  readonly type: 'qemu' | 'lxc'
  readonly name: string | null
}

/** pve-storage-id: a letter, then letters, digits, '-', '_', '.'. */
const STORAGE_ID_RE = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i

export function assertStorageId(storage: string): string {
  if (typeof storage !== 'string' || storage.length > 100 || !STORAGE_ID_RE.test(storage))
    throw new InvalidArgumentError('storage', `"${String(storage).slice(0, 80)}" is not a valid Proxmox storage ID.`)
  return storage
}

// Proxmox sends integers, sometimes as numeric strings (reference §9).
const int = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().nonnegative())

const volumeSchema = z.object({ volid: z.string().max(4096), vmid: int.pipe(z.number().min(1)), ctime: int, size: int.optional() })

export const backupVolumesSchema: z.ZodType<PveBackupVolume[]> = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const r = volumeSchema.safeParse(item)
    return r.success ? [{ volid: r.data.volid, vmid: r.data.vmid, ctime: r.data.ctime, size: r.data.size ?? null }] : []
  })
)

const uncoveredSchema = z.object({ vmid: int, type: z.enum(['qemu', 'lxc']), name: z.string().max(256).optional() })

export const notBackedUpSchema: z.ZodType<PveUncoveredGuest[]> = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const r = uncoveredSchema.safeParse(item)
    return r.success ? [{ vmid: r.data.vmid, type: r.data.type, name: r.data.name ?? null }] : []
  })
)
