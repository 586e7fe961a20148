/**
 * Polls a task until Proxmox reports it stopped. The HTTP call that started it says nothing about success (power
 * actions return a UPID even when they will fail), so only the final `exitstatus` counts: `OK` and `WARNINGS: <n>`
 * succeed, anything else is a TaskFailedError.
 */
import { AbortedError, PveError, TaskFailedError, TimeoutError } from './errors'
import type { PveCallOptions, PveTaskResult, PveTaskStatus, PveUpid, PveWaitForTaskOptions } from './types'

const DEFAULT_TASK_TIMEOUT_MS = 10 * 60_000
const DEFAULT_TASK_POLL_MS = 1000

/** Errors worth polling through: the node may be briefly unreachable (e.g. while it reboots a guest under load). */
const TRANSIENT = new Set(['network', 'timeout', 'node-unreachable', 'malformed'])

export function taskOutcome(upid: PveUpid, status: PveTaskStatus): PveTaskResult {
  const exitstatus = status.exitstatus ?? ''
  if (exitstatus === 'OK') return { upid, exitstatus, warnings: 0, status }
  const warn = /^WARNINGS: (\d+)$/.exec(exitstatus)
  if (warn?.[1] !== undefined) return { upid, exitstatus, warnings: Number(warn[1]), status }
  throw new TaskFailedError(upid.upid, upid.node, exitstatus || 'no exit status reported', upid.type)
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error)
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

export async function waitForTask(
  getStatus: (upid: PveUpid, opts: PveCallOptions) => Promise<PveTaskStatus>,
  upid: PveUpid,
  opts: PveWaitForTaskOptions = {}
): Promise<PveTaskResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TASK_TIMEOUT_MS
  const pollMs = opts.pollMs ?? DEFAULT_TASK_POLL_MS
  const ctx = { path: `/nodes/${upid.node}/tasks/${encodeURIComponent(upid.upid)}/status`, method: 'GET', upid: upid.upid }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new TimeoutError('task', timeoutMs, ctx)), timeoutMs)
  const onUserAbort = (): void => controller.abort(new AbortedError({ ...ctx, cause: opts.signal?.reason }))
  if (opts.signal?.aborted === true) onUserAbort()
  else opts.signal?.addEventListener('abort', onUserAbort, { once: true })
  try {
    for (;;) {
      let status: PveTaskStatus | undefined
      try {
        status = await getStatus(upid, { signal: controller.signal })
      } catch (err) {
        if (controller.signal.aborted) throw controller.signal.reason as Error
        if (!(err instanceof PveError) || !TRANSIENT.has(err.kind)) throw err
      }
      if (status !== undefined) {
        opts.onProgress?.(status)
        if (status.status === 'stopped') return taskOutcome(upid, status)
      }
      await sleep(pollMs, controller.signal)
    }
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onUserAbort)
  }
}
