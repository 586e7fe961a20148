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
  // Guests per node, counted from the cluster's own list (templates are not counted).
  for (const n of ['pve-a', 'pve-b']) {
    const mine = (bridge.sim?.cluster.guests() ?? []).filter((g) => g.node === n && !g.template)
    const running = mine.filter((g) => g.status === 'running').length
    expect(mine.length).toBeGreaterThan(0)
    await expect(app.locator(`.node-card[data-node="${n}"] [data-testid="node-guests"]`)).toHaveText(`${running} of ${mine.length} running`)
  }
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

test('a cluster that stops answering: every surface says unknown with the reason and the last figures greyed, never online', async ({
  app,
  bridge
}, testInfo) => {
  await expect(app.locator('.node-card[data-node="pve-a"] [data-testid="node-status"]')).toHaveText('online')
  // Every endpoint answers the cluster poll with a server error: nothing current is known.
  bridge.sim?.faults.serverError(500, { path: /\/cluster\/resources$/ }, 'pveproxy is broken')
  const cards = app.locator('.node-card')
  for (const n of ['pve-a', 'pve-b', 'pve-c', 'pve-d']) {
    await expect(app.locator(`.node-card[data-node="${n}"] [data-testid="node-status"]`)).toHaveText('unknown', { timeout: 20_000 })
  }
  await expect(app.locator('.node-card [data-testid="node-unknown-reason"]').first()).toContainText('the cluster answered with an error')
  await expect(app.locator('.node-card .stale-figures').first()).toBeVisible()
  await expect(app.getByTestId('quorum')).toHaveText('Quorum unknown')
  await expect(app.getByTestId('cluster-health')).toContainText('no answer')
  await expect(cards.getByText('online', { exact: true })).toHaveCount(0)
  // The sidebar agrees.
  await expect(app.getByRole('button', { name: /pve-a \(unknown\)/ })).toBeVisible()
  await expect(app.getByRole('button', { name: 'Check again' })).toBeVisible()
  await snap(app, testInfo, 'overview-cluster-unknown')
  // The guests table: unknown, with the reason in the row, and no action offered.
  await app.getByRole('button', { name: 'Guests' }).click()
  const firstRow = app.locator('.guest-row').first()
  await expect(firstRow.getByTestId('guest-state')).toHaveText('unknown?')
  await expect(firstRow.getByTestId('guest-stale-reason')).toHaveText('the cluster answered with an error')
  await expect(app.locator('.guest-row[data-state="running"]')).toHaveCount(0)
  await snap(app, testInfo, 'guests-cluster-unknown')
  // Fixed: "Check again" brings everything back (the next poll would too).
  bridge.sim?.faults.clear()
  await app.getByRole('button', { name: 'Overview' }).click()
  await app.getByRole('button', { name: 'Check again' }).click()
  await expect(app.locator('.node-card[data-node="pve-a"] [data-testid="node-status"]')).toHaveText('online')
  await expect(app.getByTestId('quorum')).toHaveText('Quorate')
})

test.describe('on a configured cluster whose node changes its certificate', () => {
  test.use({ useConfigured: true, bridgeOptions: { timings: { certificateCheckMs: 500 } } })

  test('both fingerprints are shown, and the new one is trusted only after the user says they compared', async ({ app, configured }, testInfo) => {
    const sim = configured?.sim
    expect(sim).toBeDefined()
    if (!sim) return
    const pinned = sim.endpoints.find((e) => e.node === 'pve-b')?.fingerprint256 ?? ''
    await sim.faults.rotateCertificate('pve-b')
    const presented = sim.endpoints.find((e) => e.node === 'pve-b')?.fingerprint256 ?? ''
    const panel = app.getByTestId('certificate-changed')
    await expect(panel).toBeVisible({ timeout: 15_000 })
    await expect(panel.getByTestId('pinned-fingerprint')).toHaveText(pinned)
    await expect(panel.getByTestId('presented-fingerprint')).toHaveText(presented)
    const trust = panel.getByRole('button', { name: 'Trust the new certificate' })
    await expect(trust).toBeDisabled()
    await snap(app, testInfo, 'overview-certificate-changed')
    // The settings screen says the same where the cluster is listed.
    await app.getByRole('button', { name: 'Settings' }).click()
    await expect(app.getByTestId('certificate-changed').getByTestId('presented-fingerprint')).toHaveText(presented)
    await snap(app, testInfo, 'settings-certificate-changed')
    await app.getByRole('button', { name: 'Overview' }).click()
    await panel.getByLabel(/I compared them/).check()
    await trust.click()
    await expect(app.getByTestId('certificate-changed')).toHaveCount(0, { timeout: 15_000 })
  })
})

test('the whole cluster unreachable: said once in the headline, nodes unknown with when last seen', async ({ app, bridge }, testInfo) => {
  await expect(app.locator('.node-card[data-node="pve-a"] [data-testid="node-status"]')).toHaveText('online')
  for (const n of ['pve-a', 'pve-b', 'pve-c', 'pve-d']) await bridge.sim?.faults.nodeDown(n, 'refuse')
  await expect(app.getByTestId('cluster-health')).toContainText('unreachable', { timeout: 20_000 })
  for (const n of ['pve-a', 'pve-b', 'pve-c', 'pve-d']) {
    await expect(app.locator(`.node-card[data-node="${n}"] [data-testid="node-status"]`)).toHaveText('unknown')
  }
  await expect(app.locator('.node-card [data-testid="node-unknown-reason"]').first()).toContainText('Last seen')
  await expect(app.getByTestId('quorum')).toHaveText('Quorum unknown')
  await snap(app, testInfo, 'overview-cluster-unreachable')
})
