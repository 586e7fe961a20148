// The node's own storage (from the cluster snapshot) and its recent tasks (tasks:list, this node only).
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'
import type { TaskView } from '@shared/views'
import { useEffect, useState } from 'react'

import { call } from '../../api/api-context'
import { formatBytesOf, formatDateTime, formatPercent } from '../../lib/format'

export function NodeStorage({ cluster, node }: { cluster: ClusterSnapshot; node: string }): React.JSX.Element {
  const rows = cluster.storage.filter((s) => s.node === node)
  return (
    <section className="panel" aria-labelledby="node-storage-title">
      <h2 id="node-storage-title">Storage on {node}</h2>
      {rows.length === 0 ? (
        <p className="muted-text">No storage reported for this node.</p>
      ) : (
        <table className="data-table" aria-label={`Storage on ${node}`}>
          <thead>
            <tr>
              <th scope="col">Storage</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Used / total
              </th>
              <th scope="col" className="num">
                Use
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-storage={s.storage}>
                <th scope="row">
                  {s.storage}
                  {s.shared ? <span className="badge">shared</span> : null}
                </th>
                <td>{s.plugintype}</td>
                <td className="num">{s.usage === null ? `not available (${s.status})` : formatBytesOf(s.used, s.total)}</td>
                <td className="num">
                  {formatPercent(s.usage)}
                  {s.aboveThreshold ? <span className="badge badge-warn">almost full</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

const SHOWN_TASKS = 8

function taskOutcome(t: TaskView): string {
  if (t.status === null) return 'running'
  return t.ok === true ? 'OK' : t.status
}

export function NodeTasks({ api, clusterId, node }: { api: PveTrayApi; clusterId: string; node: string }): React.JSX.Element {
  const [tasks, setTasks] = useState<readonly TaskView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void call(api, 'tasks:list', { clusterId, node, limit: SHOWN_TASKS }).then((r) => {
      if (!live) return
      if (r.ok) {
        setTasks([...r.value].sort((a, b) => b.starttime - a.starttime))
        setError(null)
      } else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [api, clusterId, node])
  return (
    <section className="panel" aria-labelledby="node-tasks-title">
      <h2 id="node-tasks-title">Recent tasks on {node}</h2>
      {error !== null ? <p className="error-text">The tasks could not be read: {error}</p> : null}
      {tasks === null && error === null ? <p aria-busy="true">Reading the task list…</p> : null}
      {tasks !== null && tasks.length === 0 ? <p className="muted-text">No recent tasks on this node.</p> : null}
      {tasks !== null && tasks.length > 0 ? (
        <table className="data-table" aria-label={`Recent tasks on ${node}`}>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Task</th>
              <th scope="col">User</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t) => (
              <tr key={t.upid} data-task-type={t.type}>
                <td>{formatDateTime(t.starttime * 1000)}</td>
                <th scope="row">
                  {t.type}
                  {t.id !== '' ? ` ${t.id}` : ''}
                </th>
                <td>{t.user}</td>
                <td className={t.ok === false ? 'error-text' : undefined}>{taskOutcome(t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
