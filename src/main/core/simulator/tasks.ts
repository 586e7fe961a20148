import { createRng, type Rng } from './prng'
import type { SimHistoricTaskSpec, SimTaskState } from './types'

export interface TaskRec {
  readonly upid: string
  readonly node: string
  readonly pid: number
  readonly pstart: number
  readonly starttime: number
  readonly type: string
  readonly id: string
  /** as in the UPID: user@realm or user@realm!token */
  readonly user: string
  status: 'running' | 'stopped'
  exitstatus?: string
  endtime?: number
  log: string[]
  timer?: NodeJS.Timeout
  onStop?: () => void
}

export interface TaskOutcome {
  /** undefined = OK; a string = error text */
  error?: string
  warnings?: number
  log?: string[]
}

export const UPID_RE = /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/

const hex8 = (n: number): string => (n >>> 0).toString(16).toUpperCase().padStart(8, '0')

/** Worker tasks as pve-common PVE::RESTEnvironment fork_worker / PVE::UPID describe them. */
export class TaskRegistry {
  private readonly tasks = new Map<string, TaskRec>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly rng: Rng

  constructor(
    private readonly now: () => number,
    seed: number,
    private readonly bootAt: (node: string) => number
  ) {
    this.rng = createRng(seed ^ 0x5eed)
  }

  private makeUpid(node: string, type: string, id: string, user: string, startMs: number): TaskRec {
    const pid = 1000 + Math.floor(this.rng() * 4_000_000)
    const pstart = Math.max(1, Math.floor((startMs - this.bootAt(node)) / 10))
    const starttime = Math.floor(startMs / 1000)
    const upid = `UPID:${node}:${hex8(pid)}:${hex8(pstart)}:${hex8(starttime)}:${type}:${id}:${user}:`
    return { upid, node, pid, pstart, starttime, type, id, user, status: 'running', log: [] }
  }

  /** starts a task that runs `durationMs`, then `finish` applies its effect and tells the outcome */
  start(node: string, type: string, id: string, user: string, durationMs: number, finish: () => TaskOutcome, initialLog: string[] = []): TaskRec {
    const t = this.makeUpid(node, type, id, user, this.now())
    t.log.push(...initialLog)
    this.tasks.set(t.upid, t)
    t.timer = setTimeout(() => {
      delete t.timer
      if (t.status !== 'running') return
      let out: TaskOutcome
      try {
        out = finish()
      } catch (e) {
        out = { error: e instanceof Error ? e.message : String(e) }
      }
      this.end(t, out)
    }, durationMs)
    return t
  }

  end(t: TaskRec, out: TaskOutcome): void {
    if (t.timer) clearTimeout(t.timer)
    delete t.timer
    t.log.push(...(out.log ?? []))
    if (out.error !== undefined) {
      t.exitstatus = out.error.replace(/\n+$/, '')
      t.log.push(`TASK ERROR: ${t.exitstatus}`)
    } else if (out.warnings) {
      t.exitstatus = `WARNINGS: ${out.warnings}`
      t.log.push(`TASK WARNINGS: ${out.warnings}`)
    } else {
      t.exitstatus = 'OK'
      t.log.push('TASK OK')
    }
    t.status = 'stopped'
    t.endtime = Math.floor(this.now() / 1000)
    t.onStop?.()
  }

  addHistoric(h: SimHistoricTaskSpec): void {
    const startMs = this.now() - h.agoSec * 1000
    const t = this.makeUpid(h.node, h.type, h.id, h.user, startMs)
    t.log.push(...(h.log ?? []))
    this.tasks.set(t.upid, t)
    if (h.agoSec >= h.durationSec) {
      const out: TaskOutcome =
        h.exitstatus === 'OK' ? {} : /^WARNINGS: (\d+)$/.test(h.exitstatus) ? { warnings: Number(h.exitstatus.slice(10)) } : { error: h.exitstatus }
      this.end(t, out)
      t.endtime = t.starttime + h.durationSec
    }
  }

  get(upid: string): TaskRec | undefined {
    return this.tasks.get(upid)
  }

  all(): TaskRec[] {
    return [...this.tasks.values()]
  }

  /** a node went down: its workers die with it (status becomes 'unexpected status' once it is back) */
  freezeNode(node: string): void {
    for (const t of this.tasks.values()) {
      if (t.node === node && t.timer) {
        clearTimeout(t.timer)
        delete t.timer
      }
    }
  }

  reviveNode(node: string): void {
    for (const t of this.tasks.values()) {
      if (t.node === node && t.status === 'running' && !t.timer) {
        t.status = 'stopped'
        t.exitstatus = 'unexpected status'
        t.endtime = Math.floor(this.now() / 1000)
      }
    }
  }

  /** a timer owned by the simulator (HA follow-up actions); cleared on close */
  later(ms: number, fn: () => void): void {
    const h = setTimeout(() => {
      this.timers.delete(h)
      fn()
    }, ms)
    this.timers.add(h)
  }

  close(): void {
    for (const t of this.tasks.values()) if (t.timer) clearTimeout(t.timer)
    for (const h of this.timers) clearTimeout(h)
    this.timers.clear()
  }

  view(t: TaskRec): SimTaskState {
    return {
      upid: t.upid,
      node: t.node,
      type: t.type,
      id: t.id,
      user: t.user,
      status: t.status,
      log: [...t.log],
      ...(t.exitstatus !== undefined && t.status === 'stopped' ? { exitstatus: t.exitstatus } : {})
    }
  }
}

/** Tasks.pm $convert_token_task: token tasks report user "user@realm" plus tokenid */
export function taskUserFields(user: string): { user: string; tokenid?: string } {
  const i = user.indexOf('!')
  return i < 0 ? { user } : { user: user.slice(0, i), tokenid: user.slice(i + 1) }
}
