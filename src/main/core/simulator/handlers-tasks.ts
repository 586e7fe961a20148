import { type ApiHandler, type CallContext, die, paramError, str } from './context'
import { canSeeTask, taskListEntry } from './handlers-cluster'
import { boolParam, intParam } from './param-check'
import { type TaskRec, taskUserFields, UPID_RE } from './tasks'

/** Tasks.pm read_task_status: unparsable → 'unable to parse worker upid'; not on this node → 'no such task' */
function findTask(c: CallContext): TaskRec {
  const upid = str(c, 'upid')
  const m = UPID_RE.exec(upid)
  if (!m) paramError({ upid: 'unable to parse worker upid' })
  const t = c.sim.tasks.get(upid)
  if (!t || m?.[1] !== c.local || t.node !== c.local) paramError({ upid: 'no such task' })
  const task = t as TaskRec
  if (!canSeeTask(c, task)) die(`Permission check failed (/nodes/${c.local}, Sys.Audit)`, 403)
  return task
}

export const taskHandlers: Record<string, ApiHandler> = {
  'GET /nodes/{node}/tasks/{upid}/status': (c) => {
    const t = findTask(c)
    const d: Record<string, unknown> = {
      upid: t.upid,
      node: t.node,
      pid: t.pid,
      pstart: t.pstart,
      starttime: t.starttime,
      type: t.type,
      id: t.id,
      ...taskUserFields(t.user),
      status: t.status
    }
    if (t.status === 'stopped') d.exitstatus = t.exitstatus
    return { data: d }
  },

  'GET /nodes/{node}/tasks/{upid}/log': (c) => {
    const t = findTask(c)
    const start = intParam(c.params.start, 0)
    const limit = intParam(c.params.limit, 50)
    const lines = t.log.length === 0 ? ['no content'] : t.log
    const slice = lines.slice(start, limit === 0 ? undefined : start + limit)
    return { data: slice.map((text, i) => ({ n: start + i + 1, t: text })), total: lines.length }
  },

  'DELETE /nodes/{node}/tasks/{upid}': (c) => {
    const t = findTask(c)
    if (t.user !== c.tokenId && !c.sim.acl.has(c.tokenId, `/nodes/${c.local}`, ['Sys.Modify']))
      die(`Permission check failed (/nodes/${c.local}, Sys.Modify)`, 403)
    if (t.status === 'running') c.sim.tasks.end(t, { error: 'received interrupt' })
    return { data: null }
  },

  'GET /nodes/{node}/tasks': (c) => {
    const source = c.params.source === undefined ? 'archive' : str(c, 'source')
    const errorsOnly = boolParam(c.params.errors)
    const vmid = c.params.vmid === undefined ? undefined : str(c, 'vmid')
    const type = c.params.typefilter === undefined ? undefined : str(c, 'typefilter')
    const user = c.params.userfilter === undefined ? undefined : str(c, 'userfilter')
    const since = intParam(c.params.since, 0)
    const until = intParam(c.params.until, Number.MAX_SAFE_INTEGER)
    const statuses = c.params.statusfilter === undefined ? undefined : str(c, 'statusfilter').split(/[,;\s]+/)
    const all = c.sim.tasks
      .all()
      .filter((t) => t.node === c.local && canSeeTask(c, t))
      .filter((t) => (source === 'all' ? true : source === 'active' ? t.status === 'running' : t.status === 'stopped'))
      .filter((t) => !errorsOnly || (t.status === 'stopped' && t.exitstatus !== 'OK' && !/^WARNINGS: \d+$/.test(t.exitstatus ?? '')))
      .filter((t) => (vmid === undefined || t.id === vmid) && (type === undefined || t.type.includes(type)) && (user === undefined || t.user.includes(user)))
      .filter((t) => t.starttime >= since && t.starttime <= until)
      .filter((t) => !statuses || statuses.includes(taskState(t)))
      .sort((a, b) => b.starttime - a.starttime)
    const start = intParam(c.params.start, 0)
    const limit = intParam(c.params.limit, 50)
    return { data: all.slice(start, start + limit).map(taskListEntry), total: all.length }
  }
}

function taskState(t: TaskRec): string {
  if (t.status === 'running') return 'running'
  if (t.exitstatus === 'OK') return 'ok'
  if (/^WARNINGS/.test(t.exitstatus ?? '')) return 'warning'
  return t.exitstatus === 'unexpected status' ? 'unknown' : 'error'
}
