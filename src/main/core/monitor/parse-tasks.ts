// /cluster/tasks → task records. `status` is Proxmox's exit status once the task ended.
import type { TaskView } from '../../../shared/views'
import { isRecord, num, str } from './lenient'

/** A task as Proxmox lists it; the view adds only `ok`. */
export type ParsedTask = Omit<TaskView, 'ok'>

export function parseTasks(items: readonly unknown[]): readonly ParsedTask[] {
  const out: ParsedTask[] = []
  for (const item of items) {
    if (!isRecord(item)) continue
    const upid = str(item.upid)
    const starttime = num(item.starttime)
    if (!upid || starttime === null) continue
    const status = str(item.status)
    const endtime = num(item.endtime)
    out.push({
      upid,
      node: str(item.node) ?? '',
      type: str(item.type) ?? '',
      id: str(item.id) ?? '',
      user: str(item.user) ?? '',
      starttime,
      endtime,
      // A running task has no exit status; some versions report status "running".
      status: status === 'running' ? null : status
    })
  }
  return out
}

/** Anything but "OK" and "WARNINGS: n" is a failure (Proxmox's own rule). */
export function taskFailed(status: string | null): boolean {
  if (status === null) return false
  const s = status.trim()
  return s !== 'OK' && !/^WARNINGS: \d+$/.test(s)
}

/** Guest id of a UPID-bearing task, when the task's id is a vmid. */
export function taskVmid(t: ParsedTask): number | null {
  return /^\d+$/.test(t.id) ? Number(t.id) : null
}
