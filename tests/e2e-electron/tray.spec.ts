// The built Electron app against the Proxmox simulator: window, tray menu model, a power action from
// the menu, and ONE notification when a node goes down. Skipped (reported as skipped) where no
// Electron binary exists.
import { pathToFileURL } from 'node:url'

import { expect, test } from '@playwright/test'

import type { Simulator, startSimulator as StartSimulator } from '../../src/main/core/simulator'
import type { PveTrayApi } from '../../src/shared/ipc/contract'
import type { SettingsView } from '../../src/shared/views'
import { flatten, launchApp, type LaunchedApp, root, until } from './electron-app'
import { electronBinary, skipLine } from './electron-binary'
import { simulatorBundle } from './global-setup'

const bin = electronBinary()
test.skip(!bin.ok, bin.ok ? '' : skipLine(bin.reason))
test.describe.configure({ mode: 'serial' })

let sim: Simulator
let app: LaunchedApp
let clusterId = ''

test.beforeAll(async () => {
  if (!bin.ok) return
  const { startSimulator } = (await import(pathToFileURL(simulatorBundle(root)).href)) as { startSimulator: typeof StartSimulator }
  sim = await startSimulator({ taskDurationMs: 300, offlineAfterMs: 500, authDelayMs: 10 })
  app = await launchApp(bin)
})

test.afterAll(async () => {
  await app?.close()
  await sim?.close()
})

test('first start opens the dashboard on onboarding, with the preload bridge and no Node', async () => {
  const page = await app.app.firstWindow()
  await expect(page).toHaveTitle('PVE Tray')
  const probe = await page.evaluate(async () => {
    const w = globalThis as unknown as { pveTray?: PveTrayApi; require?: unknown; process?: unknown }
    return {
      bridge: typeof w.pveTray?.invoke,
      node: [typeof w.require, typeof w.process],
      state: await w.pveTray?.invoke('app:get-state', {})
    }
  })
  expect(probe.bridge).toBe('function')
  expect(probe.node).toEqual(['undefined', 'undefined'])
  expect(probe.state?.ok).toBe(true)
  expect((await app.state()).demo).toBe(true)
})

test('the tray menu model lists the nodes and guests of a configured cluster', async () => {
  const saved = await app.dispatch<SettingsView>('settings:save-cluster', {
    name: 'E2E lab',
    mode: 'control',
    endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
    tokenId: sim.tokens.admin.id,
    tokenSecret: sim.tokens.admin.secret
  })
  expect(saved.ok).toBe(true)
  clusterId = saved.ok ? (saved.value.clusters[0]?.id ?? '') : ''
  const items = await until(async () => {
    const m = flatten(await app.menu())
    return m.some((i) => i.id.startsWith(`c:${clusterId}:n:`) && /:g:\d+$/.test(i.id)) ? m : null
  })
  for (const n of sim.cluster.nodes()) expect(items.some((i) => i.id === `c:${clusterId}:n:${encodeURIComponent(n.name)}`)).toBe(true)
  expect((await app.state()).demo).toBe(false)
  // What Electron holds in the native menu is what the model says: same ids, labels and enabled state.
  const native = await until(async () => {
    const m = await app.nativeMenu()
    return m.some((i) => i.id.startsWith(`c:${clusterId}:n:`)) ? m : null
  })
  const model = flatten(await app.menu()).filter((i) => i.type !== 'separator')
  for (const i of model) {
    const n = native.find((x) => x.id === i.id)
    expect(n, i.id).toBeDefined()
    expect(n?.label).toBe(i.label)
    expect(n?.enabled).toBe(i.enabled)
  }
})

test('starting a stopped guest from the tray menu starts it on the cluster', async () => {
  const g = sim.cluster.guests().find((x) => x.status === 'stopped' && !x.template && !x.lock)
  expect(g, 'the simulator cluster has a stopped guest').toBeDefined()
  if (!g) return
  const id = `c:${clusterId}:n:${encodeURIComponent(g.node)}:g:${g.vmid}:start`
  await until(async () => flatten(await app.menu()).some((i) => i.id === id))
  expect(await app.clickNative(id)).toBe(true)
  await until(() => sim.cluster.guest(g.vmid)?.status === 'running')
  await until(async () => flatten(await app.menu()).some((i) => i.id === `c:${clusterId}:n:${encodeURIComponent(g.node)}:g:${g.vmid}:shutdown`))
})

test('a node taken down raises ONE notification', async () => {
  const victim = sim.cluster.nodes()[1]?.name ?? ''
  const before = (await app.notifications()).length
  await sim.faults.nodeDown(victim)
  const downs = async (): Promise<number> =>
    (await app.notifications()).slice(before).filter((n) => n.urgency === 'critical' && n.title.includes(victim)).length
  await until(async () => (await downs()) > 0, 30_000)
  // Several more poll cycles: still one.
  await new Promise((r) => setTimeout(r, 3000))
  expect(await downs()).toBe(1)
  // And Electron's Notification.show() was called exactly once for it.
  expect((await app.shownNotifications()).filter((t) => t.includes(victim))).toHaveLength(1)
  await sim.faults.nodeUp(victim)
})
