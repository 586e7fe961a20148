// Backups as Proxmox keeps them: vzdump archives on storages with the `backup` content type (listed by
// GET /nodes/{node}/storage/{storage}/content?content=backup, with the owner's vmid and ctime), and the
// datacenter's backup jobs (GET /cluster/backup-info/not-backed-up: the guests no job covers).
// A backup run here is a vzdump worker task like pve-manager's: a guest's failure is logged as
// "ERROR: Backup of VM <vmid> failed - <reason>" and the task ends with vzdump's own "job errors".
import { type BackupBook, type BackupVolume } from './backup-book'
import { type ApiHandler, die, str } from './context'
import type { TaskRegistry } from './tasks'
import type { SimStorageSpec } from './types'

const two = (n: number): string => String(n).padStart(2, '0')

/** vzdump's archive name: vzdump-qemu-102-2026_12_05-21_00_02.vma.zst (dir/nfs), or PBS's vm/102/<iso time>. */
function volid(v: BackupVolume, plugintype: string): { volid: string; format: string } {
  const d = new Date(v.ctime * 1000)
  if (plugintype === 'pbs')
    return { volid: `${v.storage}:backup/${v.type === 'qemu' ? 'vm' : 'ct'}/${v.vmid}/${d.toISOString().replace(/\.\d+Z$/, 'Z')}`, format: 'pbs-vm' }
  const stamp = `${d.getUTCFullYear()}_${two(d.getUTCMonth() + 1)}_${two(d.getUTCDate())}-${two(d.getUTCHours())}_${two(d.getUTCMinutes())}_${two(d.getUTCSeconds())}`
  const ext = v.type === 'qemu' ? 'vma.zst' : 'tar.zst'
  return { volid: `${v.storage}:backup/vzdump-${v.type}-${v.vmid}-${stamp}.${ext}`, format: ext }
}

export interface RunBackupDeps {
  readonly tasks: TaskRegistry
  readonly book: BackupBook
  readonly durationMs: number
  readonly now: () => number
}

/** Test control: a vzdump of one guest, ending OK (a new archive on `storage`) or failing with `fail` as its log's reason. */
export function runBackup(
  deps: RunBackupDeps,
  g: { vmid: number; type: 'qemu' | 'lxc'; node: string },
  opts: { storage: string; shared: boolean; fail?: string; user?: string }
): string {
  const what = `${g.type === 'qemu' ? 'VM' : 'CT'} ${g.vmid}`
  const t = deps.tasks.start(
    g.node,
    'vzdump',
    String(g.vmid),
    opts.user ?? 'root@pam',
    deps.durationMs,
    () => {
      if (opts.fail !== undefined) {
        return { error: 'job errors', log: [`ERROR: Backup of ${what} failed - ${opts.fail}`, 'INFO: Backup job finished with errors'] }
      }
      deps.book.volumes.push({
        storage: opts.storage,
        node: opts.shared ? null : g.node,
        vmid: g.vmid,
        type: g.type,
        ctime: Math.floor(deps.now() / 1000),
        size: 1 << 30
      })
      return { log: [`INFO: Finished Backup of ${what}`, 'INFO: Backup job finished successfully'] }
    },
    [`INFO: starting new backup job: vzdump ${g.vmid} --storage ${opts.storage} --mode snapshot`, `INFO: Starting Backup of ${what} (${g.type})`]
  )
  return t.upid
}

export const backupHandlers: Record<string, ApiHandler> = {
  // Storage.pm / API2/Storage/Content.pm: the storage must exist and be enabled on this node. Only backup
  // archives are simulated: any other content type lists nothing.
  'GET /nodes/{node}/storage/{storage}/content': (c) => {
    const sid = str(c, 'storage')
    const s = c.sim.state.storages.find((x) => x.storage === sid)
    if (!s) die(`storage '${sid}' does not exist`)
    const spec = s as SimStorageSpec
    if (spec.nodes && !spec.nodes.includes(c.local)) die(`storage '${sid}' is not available on node '${c.local}'`)
    const content = c.params.content === undefined ? undefined : str(c, 'content')
    const vmid = c.params.vmid === undefined ? undefined : Number(c.params.vmid)
    if ((content !== undefined && content !== 'backup') || !spec.content.split(',').includes('backup')) return { data: [] }
    const data = c.sim.backups
      .onStorage(spec, c.local)
      .filter((v) => vmid === undefined || v.vmid === vmid)
      .map((v) => ({ ...volid(v, spec.plugintype), content: 'backup', subtype: v.type, vmid: v.vmid, ctime: v.ctime, size: v.size }))
    return { data }
  },

  'GET /cluster/backup-info/not-backed-up': (c) => {
    const data = [...c.sim.state.guests.values()]
      .filter((g) => !c.sim.backups.covered(g.vmid))
      .sort((a, b) => a.vmid - b.vmid)
      .map((g) => ({ vmid: g.vmid, type: g.type, name: g.name }))
    return { data }
  }
}
