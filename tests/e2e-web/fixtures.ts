// One bridge + demo simulator per test, with short timings, closed after the test. The page opens
// the bridge's URL (with its token) and records any dialog, so XSS checks can assert none fired.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { expect, type Page, test as base, type TestInfo } from '@playwright/test'

import type * as BridgeModuleNs from '../../src/main/bridge/index'
import type { Bridge, BridgeOptions, Simulator } from '../../src/main/bridge/index'

type BridgeModule = typeof BridgeModuleNs

let bridgeModule: Promise<BridgeModule> | null = null
export function loadBridge(): Promise<BridgeModule> {
  // The bundle global setup built (the core's sources need bundling to run under Node).
  bridgeModule ??= import(pathToFileURL(resolve('out/bridge/index.mjs')).href) as Promise<BridgeModule>
  return bridgeModule
}

export const fastBridge: BridgeOptions = {
  rendererDir: resolve('out/renderer'),
  simulator: { taskDurationMs: 500, offlineAfterMs: 500, authDelayMs: 50, statsIntervalMs: 1000, seed: 1 },
  timings: { pollIntervalMs: 1000, taskPollMs: 150, connectTimeoutMs: 5000 }
}

export interface AppFixtures {
  bridgeOptions: BridgeOptions
  /** The view the page opens on (`#view=`); null = what the app picks itself (first start → onboarding). */
  startView: string | null
  bridge: Bridge
  /** A simulator configured as a real (non-demo) cluster in the bridge's settings; the demo stops. */
  configured: { sim: Simulator; clusterId: string } | null
  useConfigured: boolean
  app: Page
  dialogs: string[]
}

export const test = base.extend<AppFixtures>({
  bridgeOptions: [{}, { option: true }],
  startView: ['overview', { option: true }],
  bridge: async ({ bridgeOptions }, use) => {
    const { startBridge } = await loadBridge()
    const bridge = await startBridge({
      ...fastBridge,
      ...bridgeOptions,
      simulator: { ...fastBridge.simulator, ...bridgeOptions.simulator },
      timings: { ...fastBridge.timings, ...bridgeOptions.timings }
    })
    await use(bridge)
    await bridge.close()
  },
  useConfigured: [false, { option: true }],
  configured: async ({ bridge, useConfigured }, use) => {
    if (!useConfigured) return use(null)
    const { startSimulator } = await loadBridge()
    const sim = await startSimulator({ ...fastBridge.simulator })
    const saved = await bridge.core.dispatch('settings:save-cluster', {
      name: 'lab',
      mode: 'control',
      endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
      tokenId: sim.tokens.admin.id,
      tokenSecret: sim.tokens.admin.secret
    })
    if (!saved.ok) throw new Error(`could not configure the test cluster: ${saved.error.message}`)
    const view = saved.value as { clusters: { id: string }[] }
    await use({ sim, clusterId: view.clusters[0]?.id ?? '' })
    await bridge.close()
    await sim.close()
  },
  // Playwright requires an object pattern as the first parameter.
  // eslint-disable-next-line no-empty-pattern
  dialogs: async ({}, use) => {
    await use([])
  },
  app: async ({ page, bridge, configured, startView, dialogs }, use) => {
    void configured
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`)
      void d.dismiss()
    })
    const url = startView === null ? bridge.url : bridge.url.replace('#', `#view=${startView}&`)
    await page.goto(url)
    await use(page)
  }
})

export { expect }

/** A screenshot kept with the test results (attached to the report and written under test-results/). */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: false })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

export function guestRow(page: Page, vmid: number): ReturnType<Page['locator']> {
  return page.locator(`.guest-row[data-vmid="${vmid}"]`)
}

/** Opens a node's page from the sidebar and waits for its heading. */
export async function openNode(page: Page, node: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: new RegExp(`^${node}`) })
    .click()
  await expect(page.getByRole('heading', { name: `Node ${node}` })).toBeVisible()
}
