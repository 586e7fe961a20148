// A power request that got no usable answer after it was sent may have been carried out. Never "failed,
// try again": the app finds out. It looks in the node's recent tasks for a task of that action on that
// guest started after the request (then follows it like any other), and at the guest's own state; only
// when neither tells does it say "unknown", with what to check.
import type { GuestKind, PowerAction } from '../../../../shared/snapshot'
import type { TaskPhase } from '../../../../shared/views'
import type { ClusterApi, RuntimeCluster } from '../../clusters/types'

/** Task types Proxmox starts for each action (qemu-server, pve-container, and the HA manager's requests). */
const TASK_TYPES: Readonly<Record<GuestKind, Readonly<Record<PowerAction, readonly string[]>>>> = {
  qemu: {
    start: ['qmstart', 'hastart'],
    stop: ['qmstop', 'hastop'],
    shutdown: ['qmshutdown', 'hastop'],
    reboot: ['qmreboot'],
    suspend: ['qmsuspend', 'qmpause'],
    resume: ['qmresume']
  },
  lxc: {
    start: ['vzstart', 'hastart'],
    stop: ['vzstop', 'hastop'],
    shutdown: ['vzshutdown', 'hastop'],
    reboot: ['vzreboot'],
    suspend: ['vzsuspend'],
    resume: ['vzresume']
  }
}

/** The run state an action leads to, where the state alone proves it happened (a reboot cannot be seen so). */
const TARGET: Readonly<Partial<Record<PowerAction, readonly string[]>>> = {
  start: ['running'],
  resume: ['running'],
  stop: ['stopped'],
  shutdown: ['stopped'],
  suspend: ['paused', 'suspended']
}

export const OUTCOME_UNKNOWN_CHECKING = "No usable answer after the request was sent: it may have been carried out. Checking the node's tasks and the guest…"

export interface OutcomeCheckInput {
  readonly node: string
  readonly kind: GuestKind
  readonly vmid: number
  readonly action: PowerAction
  /** Epoch ms just before the request was sent. */
  readonly sentAt: number
}

export type OutcomeVerdict =
  | { readonly found: 'task'; readonly upid: string }
  | { readonly found: 'state'; readonly state: string }
  | { readonly found: 'nothing'; readonly state: string | null }

/** Looks a few times (a slow node may register the task late); stops early on an answer. */
export async function checkOutcome(
  c: Pick<RuntimeCluster, 'api'>,
  o: OutcomeCheckInput,
  opts: { readonly delaysMs: readonly number[]; readonly signal: AbortSignal }
): Promise<OutcomeVerdict> {
  const types = TASK_TYPES[o.kind][o.action]
  // Proxmox's starttime is in seconds; allow for a clock a little behind ours.
  const since = Math.floor(o.sentAt / 1000) - 5
  let state: string | null = null
  for (const delay of opts.delaysMs) {
    if (delay > 0) await sleep(delay, opts.signal)
    if (opts.signal.aborted) break
    // source 'all': a task still running (a long shutdown) is what we most need to find.
    const tasks = await c.api.nodeTasks(o.node, { vmid: o.vmid, limit: 20, source: 'all' }).catch(() => null)
    const task = tasks?.find((t) => types.includes(t.type) && t.starttime >= since)
    if (task !== undefined) return { found: 'task', upid: task.upid }
    state = await guestRunState(c.api, o.node, o.kind, o.vmid).catch(() => state)
    if (state !== null && (TARGET[o.action] ?? []).includes(state)) return { found: 'state', state }
  }
  return { found: 'nothing', state }
}

/**
 * The guest's run state as its node reports it now (status/current), in the words of /cluster/resources (as
 * pvestatd writes it there: qemu's QMP run state first, paused, suspended, …), so the monitor can show it.
 */
export async function guestRunState(api: Pick<ClusterApi, 'guestStatus'>, node: string, kind: GuestKind, vmid: number): Promise<string> {
  const s = await api.guestStatus(node, kind, vmid)
  return (kind === 'qemu' ? s.qmpstatus : undefined) ?? s.status
}

/** The words for a verdict that did not lead to a task to follow. */
export function verdictProgress(
  v: Exclude<OutcomeVerdict, { found: 'task' }>,
  o: OutcomeCheckInput
): { phase: TaskPhase; exitStatus: string | null; message: string } {
  if (v.found === 'state') {
    return {
      phase: 'ok',
      exitStatus: `done (the guest is ${v.state})`,
      message: `The ${o.action} request got no answer, but the guest is now ${v.state}: it was carried out.`
    }
  }
  const now = v.state === null ? 'its state could not be read either' : `the guest is still ${v.state}`
  return {
    phase: 'unknown',
    exitStatus: null,
    message: `Outcome unknown: no ${o.action} task for guest ${o.vmid} has appeared on ${o.node} so far, and ${now}. Check the guest before sending it again.`
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(t)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const t = setTimeout(done, ms)
    t.unref()
    signal.addEventListener('abort', done, { once: true })
  })
}
