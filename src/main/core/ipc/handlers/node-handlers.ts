import type { RrdPoint, TaskView } from '../../../../shared/views'
import type { HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function toTaskView(raw: unknown): TaskView | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  const upid = str(r.upid)
  const starttime = num(r.starttime)
  if (upid === null || starttime === null) return null
  const status = str(r.status)
  return {
    upid,
    node: str(r.node) ?? '',
    type: str(r.type) ?? '',
    id: str(r.id) ?? '',
    user: str(r.user) ?? '',
    starttime,
    endtime: num(r.endtime),
    status,
    ok: status === null || status === 'running' ? null : status === 'OK' || /^WARNINGS: \d+$/.test(status)
  }
}

export const nodeHandlers: HandlerGroup<'nodes:rrd' | 'tasks:list'> = {
  'nodes:rrd': async (input, ctx) => {
    const c = runtimeCluster(ctx, input.clusterId)
    const rows = await c.api.nodeRrd(input.node, input.timeframe)
    return rows.map(
      (r): RrdPoint => ({ time: num(r.time) ?? 0, cpu: num(r.cpu), memused: num(r.memused), memtotal: num(r.memtotal), netin: num(r.netin), netout: num(r.netout), loadavg: num(r.loadavg) })
    )
  },

  'tasks:list': async (input, ctx) => {
    const c = runtimeCluster(ctx, input.clusterId)
    const raw = await c.api.clusterTasks(input.limit)
    return raw.map(toTaskView).filter((t): t is TaskView => t !== null).slice(0, input.limit)
  }
}
