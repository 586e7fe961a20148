// The overview against the demo cluster: nodes, quorum, freshness; a node taken down in the simulator.
import { expect, snap, test } from './fixtures'

test('overview shows the demo cluster with its nodes, quorum and freshness', async ({ app, bridge }, testInfo) => {
  await expect(app.getByText('Demo mode.')).toBeVisible()
  const cards = app.locator('.node-card')
  await expect(cards).toHaveCount(4)
  for (const n of ['pve-a', 'pve-b', 'pve-c', 'pve-d']) {
    await expect(app.locator(`.node-card[data-node="${n}"] [data-testid="node-status"]`)).toHaveText('online')
  }
  await expect(app.getByTestId('quorum')).toHaveText('Quorate')
  const endpoint = bridge.sim?.endpoints[0]
  expect(endpoint).toBeDefined()
  await expect(app.locator('.freshness').first()).toContainText(/updated \d+ s ago from 127\.0\.0\.1:\d+/)
  // The sparkline comes from nodes:rrd.
  await expect(app.locator('.node-card[data-node="pve-a"] svg.sparkline')).toBeVisible()
  await snap(app, testInfo, 'overview')
})

test('a node taken down in the simulator shows offline, with an event in the timeline', async ({ app, bridge }, testInfo) => {
  const status = app.locator('.node-card[data-node="pve-c"] [data-testid="node-status"]')
  await expect(status).toHaveText('online')
  await bridge.sim?.faults.nodeDown('pve-c')
  // offlineAfterMs 500 + one poll (1 s) + the monitor's confirmation; generous for a loaded CI machine.
  await expect(status).toHaveText('offline', { timeout: 20_000 })
  await expect(app.locator('.timeline-item[data-kind="node-down"]').first()).toContainText('pve-c')
  await expect(app.getByRole('button', { name: /pve-c \(offline\)/ })).toBeVisible()
  await snap(app, testInfo, 'overview-node-down')
})
