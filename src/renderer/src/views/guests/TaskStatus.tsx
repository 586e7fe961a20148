// One action's progress in words: queued → running → OK, or the failure with Proxmox's exit status.
import type { TaskProgress } from '@shared/views'

import { actionLabel } from '../../lib/format'

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
      return `${label} failed: ${p.exitStatus ?? p.message ?? 'unknown error'}`
    case 'checking':
      return `${label}: outcome unknown, it may have been carried out: checking…`
    case 'unknown':
      return `${label}: outcome unknown: check the guest before trying again`
  }
}

/** The words plus Proxmox's own message when it says more: for the tooltip and the detail panel. */
export function taskFullText(p: TaskProgress): string {
  const text = taskText(p)
  return p.message !== null && p.message !== p.exitStatus && !text.includes(p.message) ? `${text} — ${p.message}` : text
}

export function TaskStatus({ progress, onDismiss }: { progress: TaskProgress; onDismiss?: () => void }): React.JSX.Element {
  const text = taskText(progress)
  return (
    <span className={`task-status task-${progress.phase}`} data-testid="task-status" data-phase={progress.phase} title={taskFullText(progress)}>
      <span className="task-text">{text}</span>
      {(progress.phase === 'failed' || progress.phase === 'unknown') && onDismiss !== undefined ? (
        <button type="button" className="btn btn-small" aria-label="Dismiss this failure" onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </span>
  )
}
