import type { TaskView } from '@shared/views'

/** "OK", "WARNINGS: 1", "failed: job errors" or "running": Proxmox's own exit status, marked when it is a failure. */
export function taskResult(t: TaskView): string {
  if (t.status === null) return 'running'
  return t.ok === true ? t.status : `failed: ${t.status}`
}
