// One task's log, asked of its node when opened, 200 lines at a time ("Show more"). The lines are the task's
// own output (guest names, error texts): rendered as text, never as HTML.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { TaskView } from '@shared/views'
import { useEffect, useRef, useState } from 'react'

import { call } from '../../api/api-context'
import { taskResult } from './task-result'

const PAGE = 200

type Line = { readonly n: number; readonly t: string }

export function TaskLogPanel({
  api,
  clusterId,
  task,
  onClose
}: {
  api: PveTrayApi
  clusterId: string
  task: TaskView
  onClose: () => void
}): React.JSX.Element {
  const [lines, setLines] = useState<readonly Line[]>([])
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [start, setStart] = useState(0)
  const ref = useRef<HTMLElement>(null)

  useEffect(() => {
    ref.current?.focus()
  }, [])

  useEffect(() => {
    let live = true
    void call(api, 'tasks:log', { clusterId, upid: task.upid, start, limit: PAGE }).then((r) => {
      if (!live) return
      if (r.ok) {
        setLines((prev) => [...prev.filter((l) => l.n <= start), ...r.value.lines])
        setTotal(r.value.total)
        setError(null)
      } else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [api, clusterId, task.upid, start])

  const what = `${task.type}${task.id !== '' ? ` ${task.id}` : ''} on ${task.node}`
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="task-log"
      aria-label={`Log of ${what}`}
      data-testid="task-log"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <div className="panel-head">
        <h3>
          Log of {what} <span className="muted-text">({taskResult(task)})</span>
        </h3>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close log
        </button>
      </div>
      {error !== null ? <p className="error-text">The log could not be read: {error}</p> : null}
      {total === null && error === null ? <p aria-busy="true">Reading the log…</p> : null}
      {lines.length > 0 ? (
        <ol className="task-log-lines" data-testid="task-log-lines">
          {lines.map((l) => (
            <li key={l.n} value={l.n}>
              {l.t}
            </li>
          ))}
        </ol>
      ) : null}
      {total !== null && lines.length < total ? (
        <button type="button" className="btn btn-small" onClick={() => setStart(lines.length)}>
          Show more ({total - lines.length} more lines)
        </button>
      ) : null}
    </section>
  )
}
