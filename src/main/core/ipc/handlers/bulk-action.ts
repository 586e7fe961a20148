// guests:bulk-action — one power action on several guests (the dashboard's selection). Each guest is
// checked with the single action's own refusal rules (checkGuestAction) before anything is sent, and again
// when its turn comes (the state may have changed meanwhile); then it IS the single action (guestAction),
// so its progress, its "outcome unknown" check and its follow-up are the same, reported as task:progress
// with the run's batchId. At most BULK_PER_NODE of a run are in flight per node: from the request until
// its task ended (or its unknown outcome was looked into). guests:bulk-cancel drops what was not sent yet.
import { BULK_PER_NODE, type BulkActionResult, type BulkCancelResult, type BulkQueued, type BulkSkipped } from '../../../../shared/bulk-actions'
import type { ChannelParsedInput } from '../../../../shared/ipc/contract'
import type { TaskProgress } from '../../../../shared/views'
import type { HandlerContext } from '../handler-types'
import { toIpcError } from '../map-error'
import { type ActionContext, checkGuestAction, guestAction } from './guest-action'
import { runtimeCluster } from './lookup'
import { type PerKeyRun, runPerKey } from './per-key-queue'

type Input = ChannelParsedInput<'guests:bulk-action'>
type Action = Input['action']

// The runs of one app core (its `stopping` signal is one per core), for guests:bulk-cancel.
const runsOf = new WeakMap<AbortSignal, Map<string, PerKeyRun<BulkQueued>>>()
function runs(ctx: Pick<HandlerContext, 'stopping'>): Map<string, PerKeyRun<BulkQueued>> {
  const known = runsOf.get(ctx.stopping)
  if (known !== undefined) return known
  const m = new Map<string, PerKeyRun<BulkQueued>>()
  runsOf.set(ctx.stopping, m)
  return m
}

export async function guestBulkAction(input: Input, ctx: ActionContext): Promise<BulkActionResult> {
  const batchId = ctx.newId()
  const queued: BulkQueued[] = []
  const skipped: BulkSkipped[] = []
  // At most one fresh poll per cluster for guests its snapshot lacks (not one per guest: up to 500 refs).
  for (const id of new Set(input.guests.map((r) => r.clusterId))) {
    const c = ctx.clusters.get(id)
    const known = new Set((c?.monitor.snapshot()?.guests ?? []).map((g) => `${g.kind}/${g.vmid}`))
    const missing = input.guests.some((r) => r.clusterId === id && !known.has(`${r.kind}/${r.vmid}`))
    if (c !== undefined && missing) await c.monitor.refreshNow().catch(() => undefined)
  }
  for (const ref of input.guests) {
    try {
      await checkGuestAction(runtimeCluster(ctx, ref.clusterId), { ...ref, action: input.action }, false)
      queued.push({ ...ref, actionId: ctx.newId() })
    } catch (e) {
      const err = toIpcError(e, [])
      skipped.push({ ...ref, code: err.code, reason: err.message })
    }
  }
  const run = runPerKey(
    queued,
    (q) => `${q.clusterId}/${q.node}`,
    BULK_PER_NODE,
    (q) => runOne(ctx, batchId, input.action, q),
    ctx.stopping
  )
  const active = runs(ctx)
  active.set(batchId, run)
  ctx.track(run.done.finally(() => active.delete(batchId)))
  return { batchId, action: input.action, queued, skipped, perNode: BULK_PER_NODE }
}

export async function guestBulkCancel(input: ChannelParsedInput<'guests:bulk-cancel'>, ctx: Pick<HandlerContext, 'stopping'>): Promise<BulkCancelResult> {
  // A run that already ended has nothing left to cancel.
  return {
    cancelled:
      runs(ctx)
        .get(input.batchId)
        ?.cancel()
        .map((q) => q.actionId) ?? []
  }
}

/** One guest: the single action with the queued actionId, awaited until its background follow-up ended. */
async function runOne(ctx: ActionContext, batchId: string, action: Action, q: BulkQueued): Promise<void> {
  const background: Promise<unknown>[] = []
  let reported = false
  const emitProgress = (p: TaskProgress): void => {
    reported = true
    ctx.emit('task:progress', { ...p, batchId })
  }
  const scoped: ActionContext = {
    clusters: ctx.clusters,
    now: ctx.now,
    timings: ctx.timings,
    stopping: ctx.stopping,
    newId: () => q.actionId,
    emit: (event, payload) => (event === 'task:progress' ? emitProgress(payload as TaskProgress) : ctx.emit(event, payload)),
    track: (work) => {
      background.push(work)
      ctx.track(work)
    }
  }
  try {
    await guestAction({ clusterId: q.clusterId, node: q.node, kind: q.kind, vmid: q.vmid, action }, scoped)
  } catch (e) {
    // Refused when its turn came (nothing was sent): said in its progress line, like any failure before a task.
    if (!reported) {
      const message = `Nothing was sent: ${toIpcError(e, []).message}`
      emitProgress({ ...q, action, upid: null, phase: 'failed', exitStatus: null, message, at: ctx.now() })
    }
  }
  await Promise.allSettled(background)
}
