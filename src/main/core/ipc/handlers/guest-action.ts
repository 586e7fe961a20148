// guests:action — refused in main whatever the renderer shows: monitor-only cluster, a state that
// does not allow the action (the monitor's own guest-actions rule), or a token without VM.PowerMgmt.
// Otherwise the POST is sent, and the task is followed in the background as task:progress events.
import type { ChannelParsedInput } from '../../../../shared/ipc/contract'
import type { GuestView, PowerAction } from '../../../../shared/snapshot'
import type { ActionResult, TaskPhase, TaskProgress } from '../../../../shared/views'
import { canPowerGuest } from '../../clusters/privileges'
import type { ClusterApi, RuntimeCluster } from '../../clusters/types'
import { AppError } from '../../errors/app-error'
import { guestActions } from '../../monitor/guest-actions'
import { TaskFailedError } from '../../proxmox'
import type { HandlerContext } from '../handler-types'
import { errorCodeOf, toIpcError } from '../map-error'
import { runtimeCluster } from './lookup'
import { checkOutcome, guestRunState, OUTCOME_UNKNOWN_CHECKING, type OutcomeCheckInput, verdictProgress } from './outcome-check'

type Input = ChannelParsedInput<'guests:action'>
/** What guests:action uses of the app context (a bulk run passes its own emit/track/newId). */
export type ActionContext = Pick<HandlerContext, 'clusters' | 'newId' | 'now' | 'emit' | 'track' | 'timings' | 'stopping'>

async function findGuest(c: RuntimeCluster, input: Input, refresh: boolean): Promise<GuestView> {
  const find = (): GuestView | undefined => c.monitor.snapshot()?.guests.find((g) => g.vmid === input.vmid && g.kind === input.kind)
  let g = find()
  if (g === undefined && refresh) {
    await c.monitor.refreshNow()
    g = find()
  }
  if (g === undefined) throw new AppError('not-found', `Guest ${input.vmid} was not found on this cluster. Refresh the view.`)
  if (g.node !== input.node) throw new AppError('not-found', `Guest ${input.vmid} is now on node ${g.node}. Refresh the view and try again.`)
  return g
}

async function canPowerMgmt(c: RuntimeCluster, g: GuestView): Promise<boolean | null> {
  // The same cached permissions the snapshot's buttons use; unknown (null): let Proxmox decide (a 403 is
  // mapped to a 'permission' error, and the cache reads them again).
  const perms = await c.permissions.get()
  return perms === null ? null : canPowerGuest(perms, g)
}

function refusal(reason: string | null, action: PowerAction): AppError {
  if (reason === 'monitor-only cluster') return new AppError('refused', 'This cluster is set to monitor only: power actions are turned off in its settings.')
  if (reason?.startsWith('token lacks') === true)
    return new AppError('permission', `The API token ${reason.slice('token '.length)}: grant it to allow power actions.`)
  return new AppError('refused', `The guest cannot ${action} now${reason === null ? '' : ` (${reason})`}.`)
}

/**
 * The refusal rules, before anything is sent: the guest as the monitor sees it now, or an AppError saying why not.
 * A guest the snapshot lacks is looked for in a fresh poll, unless `refresh` is false (a bulk check polled once for all).
 */
export async function checkGuestAction(c: RuntimeCluster, input: Input, refresh = true): Promise<GuestView> {
  if (c.mode === 'monitor') throw refusal('monitor-only cluster', input.action)
  const g = await findGuest(c, input, refresh)
  const can = await canPowerMgmt(c, g)
  const rule = guestActions(
    { vmid: g.vmid, pool: g.pool, kind: g.kind, state: g.state, template: g.template, lock: g.lock, nodeOnline: !g.stale },
    { mode: c.mode, canPowerMgmt: () => can }
  )
  if (g.staleReason !== null && !rule.actions.includes(input.action))
    throw new AppError('refused', `The state of guest ${g.vmid} is unknown now (${g.staleReason}): nothing was sent.`)
  if (!rule.actions.includes(input.action)) throw refusal(rule.reason, input.action)
  return g
}

export async function guestAction(input: Input, ctx: ActionContext): Promise<ActionResult> {
  const c = runtimeCluster(ctx, input.clusterId)
  const g = await checkGuestAction(c, input)

  const actionId = ctx.newId()
  const base = { actionId, clusterId: c.id, node: g.node, vmid: g.vmid, kind: g.kind, action: input.action }
  const progress = (phase: TaskPhase, upid: string | null, exitStatus: string | null, message: string | null): void => {
    const p: TaskProgress = { ...base, upid, phase, exitStatus, message, at: ctx.now() }
    ctx.emit('task:progress', p)
  }
  progress('pending', null, null, null)
  let upid: string
  const sentAt = ctx.now()
  try {
    upid = (await c.api.powerAction(g.node, g.kind, g.vmid, input.action)).upid
  } catch (e) {
    if (errorCodeOf(e) === 'outcome-unknown') {
      // It may have been carried out: say so, and find out (never "failed, try again").
      progress('checking', null, null, OUTCOME_UNKNOWN_CHECKING)
      c.monitor.noteUserAction({ node: g.node, kind: g.kind, vmid: g.vmid, action: input.action, upid: null, done: false })
      ctx.track(findOut(ctx, c, { node: g.node, kind: g.kind, vmid: g.vmid, action: input.action, sentAt }, input, progress))
      return { actionId, upid: null, outcome: 'unknown' }
    }
    // Refused by Proxmox: a grant changed since the permissions were read; read them again.
    if (errorCodeOf(e) === 'permission') c.permissions.invalidate()
    progress('failed', null, null, toIpcError(e, []).message)
    throw e
  }
  c.monitor.noteUserAction({ node: g.node, kind: g.kind, vmid: g.vmid, action: input.action, upid, done: false })
  ctx.track(follow(ctx, c, upid, base.vmid, input, progress))
  return { actionId, upid, outcome: 'started' }
}

async function findOut(
  ctx: ActionContext,
  c: RuntimeCluster,
  o: OutcomeCheckInput,
  input: Input,
  progress: (phase: TaskPhase, upid: string | null, exitStatus: string | null, message: string | null) => void
): Promise<void> {
  const verdict = await checkOutcome(c, o, { delaysMs: ctx.timings.outcomeCheckDelaysMs ?? [0, 2000, 5000], signal: ctx.stopping })
  if (ctx.stopping.aborted) return
  if (verdict.found === 'task') {
    // Found it: from here it is an ordinary task, followed to Proxmox's own exit status.
    c.monitor.noteUserAction({ node: o.node, kind: o.kind, vmid: o.vmid, action: o.action, upid: verdict.upid, done: false })
    return follow(ctx, c, verdict.upid, o.vmid, input, progress)
  }
  const p = verdictProgress(verdict, o)
  c.monitor.noteUserAction({ node: o.node, kind: o.kind, vmid: o.vmid, action: o.action, upid: null, done: true })
  progress(p.phase, null, p.exitStatus, p.message)
  if (verdict.found === 'state') c.monitor.noteGuestStatus(o.vmid, verdict.state)
  await c.monitor.refreshNow().catch(() => undefined)
}

/** A task that ran and failed is an outcome (Proxmox's exit status), not a failure to follow it. */
async function taskEnd(
  api: Pick<ClusterApi, 'waitForTask'>,
  upid: string,
  opts: { pollMs: number; onRunning: () => void; signal: AbortSignal }
): Promise<{ ok: boolean; exitstatus: string }> {
  try {
    const r = await api.waitForTask(upid, {
      pollMs: opts.pollMs,
      signal: opts.signal,
      onProgress: (s) => {
        if (s.status === 'running') opts.onRunning()
      }
    })
    return { ok: true, exitstatus: r.exitstatus }
  } catch (e) {
    if (e instanceof TaskFailedError) return { ok: false, exitstatus: e.exitstatus }
    throw e
  }
}

async function follow(
  ctx: ActionContext,
  c: RuntimeCluster,
  upid: string,
  vmid: number,
  input: Input,
  progress: (phase: TaskPhase, upid: string | null, exitStatus: string | null, message: string | null) => void
): Promise<void> {
  let running = false
  const onRunning = (): void => {
    if (running) return
    running = true
    progress('running', upid, null, null)
  }
  try {
    const outcome = await taskEnd(c.api, upid, { pollMs: ctx.timings.taskPollMs, onRunning, signal: ctx.stopping })
    onRunning()
    if (outcome.ok) progress('ok', upid, outcome.exitstatus, null)
    else progress('failed', upid, outcome.exitstatus, `The ${input.action} task of guest ${vmid} failed: ${outcome.exitstatus}`)
  } catch (e) {
    // The task was started: whatever stopped us from following it, its outcome is unknown, not failed.
    if (!ctx.stopping.aborted) {
      const why = errorCodeOf(e) === 'aborted' ? "following it stopped (the cluster's settings changed)" : `following it failed (${toIpcError(e, []).message})`
      progress('unknown', upid, null, `The ${input.action} task was started, but ${why}: check the guest before trying again.`)
    }
  } finally {
    c.monitor.noteUserAction({ node: input.node, kind: input.kind, vmid, action: input.action, upid, done: true })
    if (!ctx.stopping.aborted) {
      // The cluster list lags the node by up to a pvestatd round (~10 s): ask the node itself, so the row
      // shows the new state the moment the task ends, never "running" next to "Stop: OK".
      try {
        c.monitor.noteGuestStatus(vmid, await guestRunState(c.api, input.node, input.kind, vmid))
      } catch {
        // Not known now: the next poll tells.
      }
      await c.monitor.refreshNow().catch(() => undefined)
    }
  }
}
