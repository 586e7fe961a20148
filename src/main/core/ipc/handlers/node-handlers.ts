import type { RrdPoint, TaskView } from '../../../../shared/views'
import { parseTasks, taskFailed } from '../../monitor/parse-tasks'
import type { HandlerContext, HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export const nodeHandlers: HandlerGroup<'nodes:rrd' | 'tasks:list', Pick<HandlerContext, 'clusters'>> = {
  'nodes:rrd': async (input, ctx) => {
    const c = runtimeCluster(ctx, input.clusterId)
    const rows = await c.api.nodeRrd(input.node, input.timeframe)
    return rows.map((r): RrdPoint => ({
      time: num(r.time) ?? 0,
      cpu: num(r.cpu),
      memused: num(r.memused),
      memtotal: num(r.memtotal),
      netin: num(r.netin),
      netout: num(r.netout),
      loadavg: num(r.loadavg)
    }))
  },

  'tasks:list': async (input, ctx) => {
    const c = runtimeCluster(ctx, input.clusterId)
    const raw = await c.api.clusterTaskItems()
    // The monitor's own task reader: one reading of Proxmox's task list in the whole app.
    return parseTasks(raw)
      .filter((t) => input.node === undefined || t.node === input.node)
      .slice(0, input.limit)
      .map((t): TaskView => ({ ...t, ok: t.status === null ? null : !taskFailed(t.status) }))
  }
}
