// The cluster's task log: recent tasks of all users (tasks:cluster, from /cluster/tasks read by the monitor's
// one task parser) and one task's log on click (tasks:log, paged, asked of the task's node). Both on demand:
// the monitor's poll never reads a log. Log lines are the task's own output (hostile text): bounded here,
// rendered as text by the dashboard.
import type { ClusterTasksView, TaskLogView } from '../../../../shared/backup-views'
import type { ChannelParsedInput } from '../../../../shared/ipc/contract'
import type { TaskView } from '../../../../shared/views'
import { hasPrivilege } from '../../clusters/privileges'
import type { RuntimeCluster } from '../../clusters/types'
import { AppError } from '../../errors/app-error'
import { parseTasks, taskFailed } from '../../monitor/parse-tasks'
import type { HandlerContext } from '../handler-types'

/** A log line longer than this is cut (a runaway line must not make the dashboard hold megabytes). */
const MAX_LINE = 4000

function cluster(ctx: Pick<HandlerContext, 'clusters'>, clusterId: string): RuntimeCluster {
  const c = ctx.clusters.get(clusterId)
  if (c === undefined) throw new AppError('not-found', 'This cluster is not configured (it may have been removed).')
  return c
}

export async function clusterTasks(input: ChannelParsedInput<'tasks:cluster'>, ctx: Pick<HandlerContext, 'clusters'>): Promise<ClusterTasksView> {
  const c = cluster(ctx, input.clusterId)
  const [raw, perms] = await Promise.all([c.api.clusterTaskItems(), c.permissions.get()])
  const tasks = parseTasks(raw)
    .slice(0, input.limit)
    .map((t): TaskView => ({ ...t, ok: t.status === null ? null : !taskFailed(t.status) }))
  // Tasks.pm lists another user's task only with Sys.Audit on its node: without it, say whose these are.
  const onlyOwn =
    perms !== null && !hasPrivilege(perms, '/nodes', 'Sys.Audit')
      ? 'Only the tasks of this API token are listed: other users’ tasks need Sys.Audit on /nodes.'
      : null
  return { tasks, onlyOwn }
}

export async function taskLog(input: ChannelParsedInput<'tasks:log'>, ctx: Pick<HandlerContext, 'clusters'>): Promise<TaskLogView> {
  const c = cluster(ctx, input.clusterId)
  const node = input.upid.split(':')[1] ?? ''
  if (!(ctx.clusters.snapshot(c.id)?.nodes ?? []).some((n) => n.name === node)) throw new AppError('not-found', `Node ${node} is not in this cluster.`)
  const log = await c.api.taskLog(input.upid, { start: input.start, limit: input.limit })
  return {
    upid: input.upid,
    lines: log.lines.map((l) => ({ n: l.n, t: l.t.length > MAX_LINE ? `${l.t.slice(0, MAX_LINE)}…` : l.t })),
    total: log.total
  }
}
