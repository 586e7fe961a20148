// The backups a simulated cluster holds: archives per storage and which guests the backup job leaves out
// (see backups.ts for the API side).
import type { SimBackupSpec } from './backup-spec'
import type { SimStorageSpec } from './types'

export interface BackupVolume {
  readonly storage: string
  /** The node holding it, for a storage that is not shared. */
  readonly node: string | null
  readonly vmid: number
  readonly type: 'qemu' | 'lxc'
  /** Epoch seconds. */
  readonly ctime: number
  readonly size: number
}

export class BackupBook {
  readonly volumes: BackupVolume[] = []
  /** vmids the cluster's backup job leaves out; null: the cluster has no backup job at all. */
  private exclude: Set<number> | null

  constructor(spec: SimBackupSpec | undefined, now: () => number, typeOf: (vmid: number) => 'qemu' | 'lxc' | undefined) {
    this.exclude = spec?.job ? new Set(spec.job.exclude) : null
    for (const v of spec?.volumes ?? []) {
      const type = typeOf(v.vmid)
      if (type === undefined) throw new Error(`backup of unknown guest ${v.vmid}`)
      this.volumes.push({ storage: v.storage, node: v.node ?? null, vmid: v.vmid, type, ctime: Math.floor(now() / 1000) - v.agoSec, size: v.size ?? 0 })
    }
  }

  covered(vmid: number): boolean {
    return this.exclude !== null && !this.exclude.has(vmid)
  }

  /** Test control: put a guest in or out of the backup job (a cluster without a job gets one covering all). */
  setCovered(vmid: number, covered: boolean): void {
    this.exclude ??= new Set()
    if (covered) this.exclude.delete(vmid)
    else this.exclude.add(vmid)
  }

  onStorage(s: SimStorageSpec, node: string): BackupVolume[] {
    return this.volumes.filter((v) => v.storage === s.storage && (s.shared || v.node === node))
  }
}
