import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { PveClient, PveTaskStatus } from '../../../../src/main/core/proxmox'
import { AbortedError, TaskFailedError, taskOutcome, TimeoutError } from '../../../../src/main/core/proxmox'
import { parseUpid } from '../../../../src/main/core/proxmox'
import type { Simulator } from '../../../../src/main/core/simulator'
import { startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'

let sim: Simulator
let client: PveClient
beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 10, taskDurationMs: 250 })
  client = simClient(sim, sim.tokens.admin).client
})
afterAll(async () => {
  await client.close()
  await sim.close()
})

describe('waitForTask', () => {
  test('polls the node in the UPID until stopped; OK → success, progress reported', async () => {
    const upid = await client.vmStart('pve-a', 108)
    const seen: PveTaskStatus[] = []
    const res = await client.waitForTask(upid.upid, { pollMs: 50, onProgress: (s) => seen.push(s) })
    expect(res).toMatchObject({ exitstatus: 'OK', warnings: 0 })
    expect(res.upid.upid).toBe(upid.upid)
    expect(seen[0]?.status).toBe('running')
    expect(seen.at(-1)?.status).toBe('stopped')
    expect(new Set(sim.requests({ path: /\/tasks\/.*\/status$/ }).map((r) => r.endpoint))).toEqual(new Set(['pve-a']))
  })

  test('WARNINGS: n is success and keeps the count', async () => {
    const task = (await client.clusterTasks()).find((t) => t.status === 'WARNINGS: 1')
    expect(task).toBeDefined()
    const res = await client.waitForTask(task!.upid)
    expect(res).toMatchObject({ exitstatus: 'WARNINGS: 1', warnings: 1 })
  })

  test('any other exit status rejects with TaskFailedError', async () => {
    const upid = await client.vmStart('pve-b', 9001) // a template
    const err = await client.waitForTask(upid, { pollMs: 50 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TaskFailedError)
    expect((err as TaskFailedError).exitstatus).toMatch(/template/)
    expect((err as Error).message).toContain('qmstart')
  })

  test('timeout and abort', async () => {
    const upid = await client.vmStart('pve-b', 109) // stopped, not HA-managed: a real qmstart task
    await expect(client.waitForTask(upid, { pollMs: 20, timeoutMs: 60 })).rejects.toMatchObject({ kind: 'timeout', phase: 'task' })
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 40)
    await expect(client.waitForTask(upid, { pollMs: 20, signal: ac.signal })).rejects.toBeInstanceOf(AbortedError)
    await expect(client.waitForTask(upid, { pollMs: 20 })).resolves.toBeTruthy()
  })

  test('keeps polling through answers that say the node is briefly unreachable (595)', async () => {
    const ct = await client.ctStart('pve-d', 207)
    const fault = sim.faults.serverError(595, { path: /\/tasks\/.*\/status$/ }, 'No route to host')
    setTimeout(() => fault.remove(), 150)
    const seen: string[] = []
    const res = await client.waitForTask(ct, { pollMs: 40, timeoutMs: 5000, onProgress: (s) => seen.push(s.status) })
    expect(res.exitstatus).toBe('OK')
    expect(sim.requests({ path: /\/tasks\/.*\/status$/ }).some((r) => r.status === 595)).toBe(true)
  })
})

describe('taskOutcome', () => {
  const u = parseUpid('UPID:pve1:000A1B2C:0164E5F1:66B0C0DE:qmstart:100:root@pam:')
  const st = (exitstatus?: string): PveTaskStatus => ({ ...u, status: 'stopped', exitstatus })
  test.each([
    ['OK', 0],
    ['WARNINGS: 3', 3]
  ])('%s succeeds', (exit, warnings) => {
    expect(taskOutcome(u, st(exit)).warnings).toBe(warnings)
  })
  test.each(['unexpected status', 'VM 100 already running', 'WARNINGS: x', ''])('"%s" fails', (exit) => {
    expect(() => taskOutcome(u, st(exit))).toThrow(TaskFailedError)
  })
  test('TimeoutError phase task names the UPID', () => {
    expect(new TimeoutError('task', 5, { upid: u.upid }).message).toContain(u.upid)
  })
})
