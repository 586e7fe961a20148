// One action's progress in words: queued → running → OK, or the failure with Proxmox's reason. The
// request that failed (address, method, path) is kept out of the words: it goes in a tooltip.
import type { TaskProgress } from '@shared/views'

import { actionLabel } from '../../lib/format'
import { plainReason } from '../../lib/plain-reason'

/** Proxmox's message in plain words (null when there is none). */
function reasonOf(p: TaskProgress): string | null {
  return p.message === null ? null : plainReason(p.message).text
}

export function taskText(p: TaskProgress): string {
  const label = actionLabel(p.action)
  switch (p.phase) {
    case 'pending':
      return `${label}: queued…`
    case 'running':
      return `${label}: running…`
    case 'ok':
      return `${label}: ${p.exitStatus ?? 'OK'}`
    case 'failed':
      return `${label} failed: ${p.exitStatus ?? reasonOf(p) ?? 'unknown error'}`
    case 'checking':
      return `${label}: outcome unknown, it may have been carried out: checking…`
    case 'unknown':
      return `${label}: outcome unknown: check the guest before trying again`
  }
}

/** The words plus Proxmox's reason when it says more: for the tooltip and the detail panel. */
export function taskFullText(p: TaskProgress): string {
  const text = taskText(p)
  const reason = reasonOf(p)
  return reason !== null && reason !== p.exitStatus && !text.includes(reason) ? `${text} — ${reason}` : text
}

/** The failed request (address, method, path, HTTP status), when the message named one. */
export function taskDetails(p: TaskProgress): string | null {
  return p.message === null ? null : plainReason(p.message).details
}

export interface TaskStatusProps {
  readonly progress: TaskProgress
  readonly onDismiss?: () => void
  /** -1 while the row is not the table's Tab stop (or lies under the detail panel). */
  readonly tabIndex?: number
}

export function TaskStatus({ progress, onDismiss, tabIndex }: TaskStatusProps): React.JSX.Element {
  const text = taskText(progress)
  return (
    <span className={`task-status task-${progress.phase}`} data-testid="task-status" data-phase={progress.phase} title={taskFullText(progress)}>
      <span className="task-text">{text}</span>
      {(progress.phase === 'failed' || progress.phase === 'unknown') && onDismiss !== undefined ? (
        <button
          type="button"
          className="btn btn-small"
          aria-label="Dismiss this failure"
          tabIndex={tabIndex}
          onClick={(e) => {
            e.stopPropagation()
            onDismiss()
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') e.stopPropagation()
          }}
        >
          ×
        </button>
      ) : null}
    </span>
  )
}
