// The actions started from this window, newest first, announced to screen readers as they change.
import type { TaskProgress } from '@shared/views'

import { formatClock } from '../../lib/format'
import { taskDetails, taskFullText, taskText } from './TaskStatus'

export function RecentTasks({
  tasks,
  names
}: {
  tasks: readonly TaskProgress[]
  names: (clusterId: string, vmid: number) => string
}): React.JSX.Element | null {
  if (tasks.length === 0) return null
  return (
    <section className="recent-tasks" aria-label="Recent tasks">
      <ul aria-live="polite">
        {tasks.map((t) => (
          <li key={t.actionId} className={`task-${t.phase}`} data-testid="recent-task" data-phase={t.phase} title={taskDetails(t) ?? undefined}>
            <time>{formatClock(t.at)}</time> <span className="guest-name">{names(t.clusterId, t.vmid)}</span> ({t.vmid}): {taskText(t)}
            {/* Proxmox's message when it says more than the line above (never the same words twice). */}
            {(t.phase === 'failed' || t.phase === 'unknown' || t.phase === 'checking') && taskFullText(t) !== taskText(t) ? (
              <span className="muted-text">{taskFullText(t).slice(taskText(t).length)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
