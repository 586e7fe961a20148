import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { call, get, waitFor, waitTask } from './sim-client'

let sim: Simulator
beforeAll(async () => {
  // pvestatd rounds of 300 ms: /cluster/resources catches up with a status change within a round.
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 80, statsIntervalMs: 300 })
})
afterAll(() => sim.close())

const UPID = /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-F]{8}):([0-9A-F]{8,9}):([0-9A-F]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/

async function post(path: string, body?: string): Promise<{ status: number; reason: string; upid: string }> {
  const node = /^\/nodes\/([^/]+)/.exec(path)?.[1]
  const r = await call(sim, 'POST', path, { ...(body !== undefined ? { body } : {}), ...(node ? { node } : {}) })
  return { status: r.status, reason: r.reason, upid: r.status === 200 ? String((r.json as { data: string }).data) : '' }
}

describe('§5 UPIDs and tasks', () => {
  test('§5 power POST returns a real-format UPID (upper-case hex, token user, trailing colon) and the task runs then stops OK', async () => {
    const r = await post('/nodes/pve-a/qemu/108/status/start')
    expect(r.status).toBe(200)
    const m = UPID.exec(r.upid)
    expect(m?.[1]).toBe('pve-a')
    expect(m?.[6]).toBe('qmstart')
    expect(m?.[7]).toBe('108')
    expect(m?.[8]).toBe(sim.tokens.admin.id)
    const done = await waitTask(sim, r.upid)
    expect(done).toMatchObject({ status: 'stopped', exitstatus: 'OK', user: 'root@pam', tokenid: 'pvetray', node: 'pve-a', type: 'qmstart', id: '108' })
    expect(sim.cluster.guest(108)?.status).toBe('running')
  })

  test('§5 task log: {n,t} lines + total, start/limit, last line "TASK OK" / "TASK ERROR: ..."', async () => {
    const r = await post('/nodes/pve-c/qemu/110/status/start')
    const st = await waitTask(sim, r.upid)
    expect(st.exitstatus).toBe('VM 110 already running')
    const res = await call(sim, 'GET', `/nodes/pve-c/tasks/${encodeURIComponent(r.upid)}/log?start=0&limit=50`, { node: 'pve-c' })
    const body = res.json as { data: { n: number; t: string }[]; total: number }
    expect(body.data.at(-1)).toEqual({ n: body.total, t: 'TASK ERROR: VM 110 already running' })
    const skip = await call(sim, 'GET', `/nodes/pve-c/tasks/${encodeURIComponent(r.upid)}/log?start=${body.total - 1}&limit=1`)
    expect((skip.json as { data: unknown[] }).data).toEqual([{ n: body.total, t: 'TASK ERROR: VM 110 already running' }])
  })

  test('§5 unparsable upid → 400 "unable to parse worker upid"; task asked on the wrong node → 400 "no such task"', async () => {
    const bad = await call(sim, 'GET', '/nodes/pve-a/tasks/nonsense/status')
    expect((bad.json as { errors: unknown }).errors).toEqual({ upid: 'unable to parse worker upid' })
    const r = await post('/nodes/pve-a/qemu/100/status/resume')
    const wrong = await call(sim, 'GET', `/nodes/pve-b/tasks/${encodeURIComponent(r.upid)}/status`, { node: 'pve-b' })
    expect((wrong.json as { errors: unknown }).errors).toEqual({ upid: 'no such task' })
  })

  test('§5 task status is running without exitstatus; DELETE a running task stops it with "received interrupt"', async () => {
    sim.cluster.ignoreShutdown(111, true)
    const r = await post('/nodes/pve-a/qemu/111/status/shutdown', 'timeout=30')
    const running = await get<Record<string, unknown>>(sim, `/nodes/pve-a/tasks/${encodeURIComponent(r.upid)}/status`)
    expect(running.status).toBe('running')
    expect('exitstatus' in running).toBe(false)
    const del = await call(sim, 'DELETE', `/nodes/pve-a/tasks/${encodeURIComponent(r.upid)}`)
    expect(del.json).toEqual({ data: null })
    expect((await waitTask(sim, r.upid)).exitstatus).toBe('received interrupt')
    sim.cluster.ignoreShutdown(111, false)
  })

  test('§5 historic demo tasks include OK, WARNINGS: n and a failure; node task list is archive-only by default with total', async () => {
    const all = await get<{ status?: string }[]>(sim, '/cluster/tasks')
    const statuses = all.map((t) => t.status)
    expect(statuses).toContain('OK')
    expect(statuses.some((s) => s !== undefined && /^WARNINGS: \d+$/.test(s))).toBe(true)
    expect(statuses.some((s) => s !== undefined && s !== 'OK' && !/^WARNINGS/.test(s))).toBe(true)
    const list = await call(sim, 'GET', '/nodes/pve-b/tasks', { node: 'pve-b' })
    const body = list.json as { data: { status?: string }[]; total: number }
    expect(body.data.every((t) => t.status !== undefined)).toBe(true)
    expect(body.total).toBe(body.data.length)
  })
})

describe('§6 power endpoints (qemu-server / pve-container semantics)', () => {
  test('§6 qemu stop of a stopped VM → 200 + UPID, task OK (no-op)', async () => {
    const r = await post('/nodes/pve-b/qemu/109/status/stop')
    expect((await waitTask(sim, r.upid)).exitstatus).toBe('OK')
  })

  test('§6 qemu reboot/reset/suspend of a stopped VM → immediate 500 "VM <id> not running"', async () => {
    for (const a of ['reboot', 'reset', 'suspend']) {
      const r = await post(`/nodes/pve-b/qemu/109/status/${a}`)
      expect([r.status, r.reason]).toEqual([500, 'VM 109 not running'])
    }
  })

  test('§6 template start → task error "you can\'t start a vm if it\'s a template"', async () => {
    const r = await post('/nodes/pve-a/qemu/9000/status/start')
    expect((await waitTask(sim, r.upid)).exitstatus).toBe("you can't start a vm if it's a template")
  })

  test('§6 locked guest → task error "VM is locked (backup)" / "CT is locked (backup)"', async () => {
    const vm = await post('/nodes/pve-b/qemu/104/status/shutdown')
    expect((await waitTask(sim, vm.upid)).exitstatus).toBe('VM is locked (backup)')
    const ct = await post('/nodes/pve-c/lxc/206/status/reboot')
    expect((await waitTask(sim, ct.upid)).exitstatus).toBe('CT is locked (backup)')
  })

  test('§6 lxc is stricter: "CT <id> already running" / "CT <id> not running" immediate 500, reboot of stopped says "VM"', async () => {
    expect(await post('/nodes/pve-a/lxc/204/status/start')).toMatchObject({ status: 500, reason: 'CT 204 already running' })
    expect(await post('/nodes/pve-b/lxc/205/status/stop')).toMatchObject({ status: 500, reason: 'CT 205 not running' })
    expect(await post('/nodes/pve-b/lxc/205/status/shutdown')).toMatchObject({ status: 500, reason: 'CT 205 not running' })
    expect(await post('/nodes/pve-b/lxc/205/status/reboot')).toMatchObject({ status: 500, reason: 'VM 205 not running' })
  })

  test('§6 HA-managed start/stop → hastart/hastop task, the guest changes state afterwards via the HA manager', async () => {
    const r = await post('/nodes/pve-c/qemu/114/status/start')
    expect(r.upid).toContain(':hastart:114:')
    expect((await waitTask(sim, r.upid)).exitstatus).toBe('OK')
    await waitFor(() => sim.cluster.guest(114)?.status === 'running')
    expect(sim.cluster.guest(114)?.hastate).toBe('started')
    const s = await post('/nodes/pve-c/qemu/114/status/shutdown')
    expect(s.upid).toContain(':hastop:114:')
    await waitFor(() => sim.cluster.guest(114)?.status === 'stopped')
  })

  test('§6 paused VM: shutdown → 500 "VM is paused - cannot shutdown"; resume → running; suspend → paused in resources', async () => {
    expect(await post('/nodes/pve-c/qemu/105/status/shutdown')).toMatchObject({ status: 500, reason: 'VM is paused - cannot shutdown' })
    const res = await post('/nodes/pve-c/qemu/105/status/resume')
    await waitTask(sim, res.upid)
    expect(sim.cluster.guest(105)?.status).toBe('running')
    const sus = await post('/nodes/pve-c/qemu/105/status/suspend')
    expect(sus.upid).toContain(':qmpause:')
    await waitTask(sim, sus.upid)
    // The node knows at once; the cluster list shows it from pvestatd's next round.
    const cur = await get<{ status: string; qmpstatus: string }>(sim, '/nodes/pve-c/qemu/105/status/current', 'pve-c')
    expect([cur.status, cur.qmpstatus]).toEqual(['running', 'paused'])
    await waitFor(
      async () => (await get<{ vmid?: number; status: string }[]>(sim, '/cluster/resources?type=vm')).find((i) => i.vmid === 105)?.status === 'paused'
    )
  })

  test('§6 non-existent VMID: start → task "Configuration file ... does not exist"; stop → task "unable to find configuration file"; reboot → 500', async () => {
    const s = await post('/nodes/pve-a/qemu/4242/status/start')
    expect((await waitTask(sim, s.upid)).exitstatus).toBe("Configuration file 'nodes/pve-a/qemu-server/4242.conf' does not exist")
    const st = await post('/nodes/pve-a/qemu/4242/status/stop')
    expect((await waitTask(sim, st.upid)).exitstatus).toBe("unable to find configuration file for VM 4242 on node 'pve-a'")
    expect(await post('/nodes/pve-a/qemu/4242/status/reboot')).toMatchObject({
      status: 500,
      reason: "unable to find configuration file for VM 4242 on node 'pve-a'"
    })
  })

  test('§6 shutdown timeout without forceStop → "VM quit/powerdown failed - got timeout"; lxc → "container did not stop"', async () => {
    sim.cluster.ignoreShutdown(112, true)
    const vm = await post('/nodes/pve-b/qemu/112/status/shutdown', 'timeout=0')
    expect((await waitTask(sim, vm.upid)).exitstatus).toBe('VM quit/powerdown failed - got timeout')
    const forced = await post('/nodes/pve-b/qemu/112/status/shutdown', 'timeout=0&forceStop=1')
    expect((await waitTask(sim, forced.upid)).exitstatus).toBe('OK')
    expect(sim.cluster.guest(112)?.status).toBe('stopped')
    sim.cluster.ignoreShutdown(201, true)
    const ct = await post('/nodes/pve-b/lxc/201/status/shutdown', 'timeout=0')
    expect((await waitTask(sim, ct.upid)).exitstatus).toBe('container did not stop')
  })

  test('§6 without quorum, start → immediate 500 "cluster not ready - no quorum?"', async () => {
    sim.faults.loseQuorum()
    try {
      expect(await post('/nodes/pve-b/qemu/109/status/start')).toMatchObject({ status: 500, reason: 'cluster not ready - no quorum?' })
      expect(await post('/nodes/pve-b/lxc/205/status/start')).toMatchObject({ status: 500, reason: 'cluster not ready - no quorum?' })
      const st = await get<{ type: string; quorate?: number }[]>(sim, '/cluster/status')
      expect(st.find((x) => x.type === 'cluster')?.quorate).toBe(0)
    } finally {
      sim.faults.regainQuorum()
    }
  })

  test('§6 hibernate (suspend todisk=1) → stopped with lock suspended; resume/start brings it back', async () => {
    const r = await post('/nodes/pve-a/qemu/111/status/suspend', 'todisk=1')
    expect(r.upid).toContain(':qmsuspend:')
    await waitTask(sim, r.upid)
    expect(sim.cluster.guest(111)).toMatchObject({ status: 'stopped', lock: 'suspended' })
    const res = await post('/nodes/pve-a/qemu/111/status/resume')
    await waitTask(sim, res.upid)
    expect(sim.cluster.guest(111)?.status).toBe('running')
    expect(sim.cluster.guest(111)?.lock).toBeUndefined()
  })

  test('§1 a running guest’s byte counters grow with pvestatd’s rounds, read 0 while stopped and start again from 0 on start', async () => {
    type Item = { vmid?: number; status: string; uptime: number; diskread: number; diskwrite: number; netin: number; netout: number }
    const ct = async (): Promise<Item | undefined> => (await get<Item[]>(sim, '/cluster/resources?type=vm')).find((i) => i.vmid === 204)
    const counters = (i: Item | undefined) => [i?.diskread ?? -1, i?.diskwrite ?? -1, i?.netin ?? -1, i?.netout ?? -1]
    const before = await ct()
    expect(before?.status).toBe('running')
    await waitFor(async () => (await ct())?.uptime !== before?.uptime)
    const later = await ct()
    counters(later).forEach((c, k) => expect(c, `counter ${k}`).toBeGreaterThan(counters(before)[k] ?? 0))
    await waitTask(sim, (await post('/nodes/pve-a/lxc/204/status/stop')).upid)
    await waitFor(async () => (await ct())?.status === 'stopped')
    expect(counters(await ct())).toEqual([0, 0, 0, 0])
    await waitTask(sim, (await post('/nodes/pve-a/lxc/204/status/start')).upid)
    await waitFor(async () => (await ct())?.status === 'running')
    const again = await ct()
    expect(again?.uptime ?? Infinity).toBeLessThan(later?.uptime ?? 0)
    counters(again).forEach((c, k) => expect(c, `counter ${k}`).toBeLessThan(counters(later)[k] ?? 0))
  })
})
