// The cluster's task log: recent tasks of all users (tasks:cluster) with their status; a task's log opens below
// the table on "Log" (tasks:log, read on demand). Everything from Proxmox is rendered as text.
import type { ClusterTasksView } from '@shared/backup-views'
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'
import type { TaskView } from '@shared/views'
import { useCallback, useEffect, useState } from 'react'

import { call } from '../../api/api-context'
import { formatDateTime } from '../../lib/format'
import { taskResult } from './task-result'
import { TaskLogPanel } from './TaskLogPanel'

type Load = { phase: 'loading' } | { phase: 'done'; view: ClusterTasksView } | { phase: 'failed'; message: string }

function ClusterTasks({ api, cluster }: { api: PveTrayApi; cluster: ClusterSnapshot }): React.JSX.Element {
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [asked, setAsked] = useState(0)
  const [open, setOpen] = useState<TaskView | null>(null)
  useEffect(() => {
    let live = true
    void call(api, 'tasks:cluster', { clusterId: cluster.clusterId, limit: 200 }).then((r) => {
      if (live) setLoad(r.ok ? { phase: 'done', view: r.value } : { phase: 'failed', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [api, cluster.clusterId, asked])
  const close = useCallback(() => setOpen(null), [])
  const titleId = `tasks-${cluster.clusterId}`
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="cluster-tasks">
      <div className="panel-head">
        <h2 id={titleId}>{cluster.clusterName}</h2>
        <button type="button" className="btn btn-small" onClick={() => setAsked((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {load.phase === 'loading' ? <p aria-busy="true">Reading the task list…</p> : null}
      {load.phase === 'failed' ? <p className="error-text">The tasks could not be read: {load.message}</p> : null}
      {load.phase === 'done' && load.view.onlyOwn !== null ? (
        <p className="muted-text" data-testid="tasks-only-own">
          {load.view.onlyOwn}
        </p>
      ) : null}
      {load.phase === 'done' && load.view.tasks.length === 0 ? <p className="muted-text">No recent tasks.</p> : null}
      {load.phase === 'done' && load.view.tasks.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" aria-label={`Recent tasks of ${cluster.clusterName}`}>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Node</th>
                <th scope="col">Task</th>
                <th scope="col">User</th>
                <th scope="col">Result</th>
                <th scope="col">
                  <span className="visually-hidden">Log</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {load.view.tasks.map((t) => (
                <tr key={t.upid} data-task-type={t.type} data-upid={t.upid} aria-current={open?.upid === t.upid ? 'true' : undefined}>
                  <td>{formatDateTime(t.starttime * 1000)}</td>
                  <td>{t.node}</td>
                  <th scope="row">
                    {t.type}
                    {t.id !== '' ? ` ${t.id}` : ''}
                  </th>
                  <td>{t.user}</td>
                  <td className={t.ok === false ? 'error-text' : undefined}>{taskResult(t)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Log of ${t.type}${t.id !== '' ? ` ${t.id}` : ''} on ${t.node}`}
                      onClick={() => setOpen(t)}
                    >
                      Log
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open !== null ? <TaskLogPanel key={open.upid} api={api} clusterId={cluster.clusterId} task={open} onClose={close} /> : null}
    </section>
  )
}

export function TasksView({ api, clusters }: { api: PveTrayApi; clusters: readonly ClusterSnapshot[] }): React.JSX.Element {
  return (
    <div className="view" data-view="tasks">
      <h1 className="view-title">Tasks</h1>
      <p className="muted-text">Recent tasks of every user, as Proxmox lists them. “Log” shows a task’s own output.</p>
      {clusters.map((c) => (
        <ClusterTasks key={c.clusterId} api={api} cluster={c} />
      ))}
    </div>
  )
}
