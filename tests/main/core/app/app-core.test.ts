import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import type { ActionResult, SettingsView, TaskProgress } from '../../../../src/shared/views'
import { clusterInput, type Harness, makeHarness, until } from './app-core-harness'

let sim: Simulator
let h: Harness
let clusterId: string
let monitorOnlyId: string
let auditorId: string

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await h.core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 150, statsIntervalMs: 1000, seed: 3 })
  h = makeHarness()
  const v1 = await ok<SettingsView>('settings:save-cluster', clusterInput(sim, { name: 'Lab' }))
  const v2 = await ok<SettingsView>('settings:save-cluster', clusterInput(sim, { name: 'Watch only', mode: 'monitor' }))
  const v3 = await ok<SettingsView>(
    'settings:save-cluster',
    clusterInput(sim, { name: 'Auditor', tokenId: sim.tokens.auditor.id, tokenSecret: sim.tokens.auditor.secret })
  )
  clusterId = v1.clusters[0]?.id ?? ''
  monitorOnlyId = v2.clusters[1]?.id ?? ''
  auditorId = v3.clusters[2]?.id ?? ''
  await h.core.start()
  await until(() => h.core.getState().clusters.every((c) => c.fetchedAt !== null && c.guests.length > 0))
})
afterAll(async () => {
  await h?.cleanup()
  await sim?.close()
})

const posts = (): number => sim.requests({ method: 'POST' }).length

function progressOf(actionId: string): TaskProgress[] {
  return h.events
    .filter((e) => e.channel === 'task:progress')
    .map((e) => e.payload as TaskProgress)
    .filter((p) => p.actionId === actionId)
}

describe('settings and vault through the app core', () => {
  it('never writes a token secret in plain text and tells the renderer only that one is set', async () => {
    for (const path of [h.settingsPath, h.secretsPath]) {
      const bytes = readFileSync(path)
      for (const t of [sim.tokens.admin, sim.tokens.auditor]) expect(bytes.includes(Buffer.from(t.secret))).toBe(false)
    }
    const view = await ok<SettingsView>('settings:get', {})
    expect(view.clusters.map((c) => c.hasTokenSecret)).toEqual([true, true, true])
    expect(JSON.stringify(view)).not.toContain(sim.tokens.admin.secret)
    expect(h.core.getState().demo).toBe(false)
  })

  it('refuses a new cluster without a secret and changes nothing', async () => {
    const before = readFileSync(h.settingsPath, 'utf8')
    const r = await h.core.dispatch('settings:save-cluster', { ...clusterInput(sim), tokenSecret: undefined })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.fields?.tokenSecret).toBeDefined()
    expect(readFileSync(h.settingsPath, 'utf8')).toBe(before)
  })
})

describe('guests:action against the simulator', () => {
  it('starts a stopped VM and streams pending → running → ok with the exit status', async () => {
    const res = await ok<ActionResult>('guests:action', { clusterId, node: 'pve-a', kind: 'qemu', vmid: 108, action: 'start' })
    expect(res.upid).toMatch(/^UPID:pve-a:/)
    const done = await until(() => progressOf(res.actionId).find((p) => p.phase === 'ok' || p.phase === 'failed'))
    expect(done.phase).toBe('ok')
    expect(done.exitStatus).toBe('OK')
    expect(progressOf(res.actionId).map((p) => p.phase)).toEqual(['pending', 'running', 'ok'])
    expect(sim.cluster.guest(108)?.status).toBe('running')
    await until(
      () =>
        h.core
          .getState()
          .clusters.find((c) => c.clusterId === clusterId)
          ?.guests.find((g) => g.vmid === 108)?.state === 'running'
    )
  })

  it('reports a failing task as failed with Proxmox exit status', async () => {
    // The snapshot still says stopped; the server's guest is already running: the qmstart task fails.
    sim.cluster.updateGuest(109, { status: 'running' })
    const res = await ok<ActionResult>('guests:action', { clusterId, node: 'pve-b', kind: 'qemu', vmid: 109, action: 'start' })
    const done = await until(() => progressOf(res.actionId).find((p) => p.phase === 'ok' || p.phase === 'failed'))
    expect(done.phase).toBe('failed')
    expect(done.exitStatus).toBe('VM 109 already running')
  })

  it('refuses actions on a monitor-only cluster in main, sending nothing', async () => {
    const before = posts()
    const r = await h.core.dispatch('guests:action', { clusterId: monitorOnlyId, node: 'pve-a', kind: 'qemu', vmid: 111, action: 'shutdown' })
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } })
    if (!r.ok) expect(r.error.message).toMatch(/monitor only/)
    expect(posts()).toBe(before)
  })

  it('refuses when the token lacks VM.PowerMgmt (auditor token)', async () => {
    const before = posts()
    const r = await h.core.dispatch('guests:action', { clusterId: auditorId, node: 'pve-a', kind: 'qemu', vmid: 111, action: 'shutdown' })
    expect(r).toMatchObject({ ok: false, error: { code: 'permission' } })
    if (!r.ok) expect(r.error.message).toMatch(/VM\.PowerMgmt/)
    expect(posts()).toBe(before)
  })

  it('refuses an action the guest state does not allow (template)', async () => {
    const r = await h.core.dispatch('guests:action', { clusterId, node: 'pve-a', kind: 'qemu', vmid: 9000, action: 'start' })
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } })
  })

  it('opens only the web UI URL it builds itself', async () => {
    await ok('app:open-web-ui', { clusterId, node: 'pve-b' })
    const ep = sim.endpoints.find((e) => e.node === 'pve-b')
    expect(h.opened.at(-1)).toBe(`https://127.0.0.1:${ep?.port}/`)
    const r = await h.core.dispatch('app:open-web-ui', { clusterId, url: 'https://evil.example/' })
    expect(r.ok).toBe(false)
  })

  it('lists tasks and node RRD data', async () => {
    const tasks = await ok<{ upid: string }[]>('tasks:list', { clusterId, limit: 5 })
    expect(tasks.length).toBeGreaterThan(0)
    expect(tasks.length).toBeLessThanOrEqual(5)
    // One node's tasks, filtered in main (the node page asks for these).
    const all = await ok<{ node: string }[]>('tasks:list', { clusterId, limit: 500 })
    const onB = await ok<{ node: string }[]>('tasks:list', { clusterId, node: 'pve-b', limit: 500 })
    expect(onB.length).toBeGreaterThan(0)
    expect(onB.every((t) => t.node === 'pve-b')).toBe(true)
    expect(onB.length).toBe(all.filter((t) => t.node === 'pve-b').length)
    const rrd = await ok<{ time: number }[]>('nodes:rrd', { clusterId, node: 'pve-a', timeframe: 'hour' })
    expect(rrd.length).toBeGreaterThan(0)
  })

  it('says plainly that node health needs SSH settings', async () => {
    const r = await h.core.dispatch('nodes:health', { clusterId, node: 'pve-a' })
    expect(r).toMatchObject({ ok: false, error: { code: 'ssh-not-configured' } })
  })

  it('never puts a secret in any response or event', () => {
    const all = JSON.stringify(h.events)
    for (const t of [sim.tokens.admin, sim.tokens.auditor]) expect(all).not.toContain(t.secret)
  })
})
