// Node upkeep in the dashboard against the demo cluster: updates waiting (count on the overview card, the
// package list on the node page), the certificate's expiry, replication jobs (a failing one with Proxmox's
// error, also in the timeline) and the subscription (expired as a quiet line, not an alarm); "Check updates
// again" reads now; a token without Sys.Modify sees the updates hidden with the reason. Never a POST to apt.
import type { Locator, Page } from '@playwright/test'

import { expect, fastBridge, loadBridge, openNode, snap, test } from './fixtures'
import { axeViolations, sidewaysOverflow } from './view-checks'

const card = (app: Page, node: string): Locator => app.locator(`.node-card[data-node="${node}"]`)

test('overview: each card counts the updates waiting and flags a certificate near expiry and a failing replication', async ({ app, bridge }, testInfo) => {
  await expect(card(app, 'pve-a').getByTestId('upkeep-count')).toHaveText('Updates: 7', { timeout: 20_000 })
  await expect(card(app, 'pve-b').getByTestId('upkeep-count')).toHaveText('Updates: none')
  await expect(card(app, 'pve-b').getByTestId('upkeep-card')).toContainText(/certificate expires in 1[12] days/)
  await expect(card(app, 'pve-c').getByTestId('upkeep-card')).toContainText('replication failing')
  await expect(card(app, 'pve-d').getByTestId('upkeep-count')).toHaveText('Updates: 1')
  // The timeline has the certificate's and the replication's events.
  await expect(app.getByText(/The certificate of pve-b \(pve-ssl\.pem\) expires in 1[12] days/)).toBeVisible()
  await expect(app.getByText(/Replication job 103-0 of VM 103 \(db-replica\) from pve-c to pve-d failed 4 times in a row/)).toBeVisible()
  expect(await axeViolations(app)).toEqual([])
  await snap(app, testInfo, 'upkeep-overview')
  expect(bridge.sim?.requests({ method: 'POST', path: /apt/ })).toHaveLength(0)
})

test('node page: the package list, the certificate, replication and subscription; "Check updates again" reads now', async ({ app, bridge }, testInfo) => {
  await openNode(app, 'pve-a')
  const panel = app.getByTestId('node-upkeep')
  await expect(panel.getByTestId('upkeep-updates')).toHaveText('7 updates available.', { timeout: 20_000 })
  await panel.getByText('Show the packages').click()
  const rows = panel.getByTestId('upkeep-package')
  await expect(rows).toHaveCount(7)
  await expect(rows.filter({ hasText: 'pve-manager' })).toContainText(/pve-manager\s*9\.0\.10\s*9\.0\.11\s*Proxmox/)
  await expect(rows.filter({ hasText: 'proxmox-kernel-6.17.2-2-pve-signed' })).toContainText('not installed (new)')
  await expect(panel.getByTestId('upkeep-certificate')).toHaveText(/^pve-ssl\.pem expires on \d{4}-\d\d-\d\d \(in \d+ days\)\.$/)
  await expect(panel.getByTestId('upkeep-certificate')).toHaveAttribute('data-tone', 'ok')
  await expect(panel.getByTestId('upkeep-replication')).toHaveText('1 replication job, none failing.')
  await expect(panel.getByTestId('upkeep-subscription')).toHaveText('Community subscription, active, next due 2027-03-31.')
  expect(await sidewaysOverflow(app)).toEqual([])
  expect(await axeViolations(app)).toEqual([])
  await panel.scrollIntoViewIfNeeded()
  await snap(app, testInfo, 'upkeep-node-updates')

  const before = bridge.sim?.requests({ path: /\/nodes\/pve-a\/apt\/update$/ }).length ?? 0
  bridge.sim?.upkeep.setUpdates('pve-a', [])
  await panel.getByRole('button', { name: 'Check updates again' }).click()
  await expect(panel.getByTestId('upkeep-updates')).toHaveText('No updates waiting (as of the last check).')
  expect(bridge.sim?.requests({ path: /\/nodes\/pve-a\/apt\/update$/ }).length).toBe(before + 1)
  expect(bridge.sim?.requests({ method: 'POST', path: /apt/ })).toHaveLength(0)
})

test('node pages: a failing replication job with its error, a certificate near expiry, an expired subscription said quietly', async ({ app }, testInfo) => {
  await openNode(app, 'pve-c')
  const panel = app.getByTestId('node-upkeep')
  await expect(panel.getByTestId('upkeep-replication')).toHaveText('1 replication job failing of 2.', { timeout: 20_000 })
  const failing = panel.locator('[data-testid="upkeep-job"][data-failing="true"]')
  await expect(failing).toContainText('103-0 → pve-d')
  await expect(failing).toContainText('failing ×4')
  await expect(failing).toContainText('failed: exit code 255')
  await expect(panel.getByTestId('upkeep-subscription')).toHaveText('Community subscription, active, next due 2027-03-31.')
  expect(await sidewaysOverflow(app)).toEqual([])
  await panel.scrollIntoViewIfNeeded()
  await snap(app, testInfo, 'upkeep-node-replication-failing')

  await openNode(app, 'pve-b')
  await expect(panel.getByTestId('upkeep-certificate')).toHaveText(/^pve-ssl\.pem expires on \d{4}-\d\d-\d\d \(in 1[12] days\)\.$/, { timeout: 20_000 })
  await expect(panel.getByTestId('upkeep-certificate')).toHaveAttribute('data-tone', 'warning')
  await panel.scrollIntoViewIfNeeded()
  await snap(app, testInfo, 'upkeep-node-certificate-expiring')

  await openNode(app, 'pve-d')
  await expect(panel.getByTestId('upkeep-subscription')).toHaveText('Community subscription expired, next due 2026-11-30.', { timeout: 20_000 })
  // A quiet line: no alert, no error colour.
  await expect(panel.getByTestId('upkeep-subscription')).toHaveAttribute('data-tone', 'warning')
  await expect(panel.getByRole('alert')).toHaveCount(0)
  expect(await axeViolations(app)).toEqual([])
  await panel.scrollIntoViewIfNeeded()
  await snap(app, testInfo, 'upkeep-node-subscription-expired')
})

test('a token without Sys.Modify: the updates are hidden with the reason, the rest shows', async ({ app, bridge }, testInfo) => {
  const { startSimulator } = await loadBridge()
  const sim = await startSimulator({ ...fastBridge.simulator })
  try {
    const saved = await bridge.core.dispatch('settings:save-cluster', {
      name: 'lab',
      mode: 'monitor',
      endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
      tokenId: sim.tokens.auditor.id,
      tokenSecret: sim.tokens.auditor.secret
    })
    expect(saved.ok).toBe(true)
    await expect(card(app, 'pve-a').getByTestId('upkeep-count')).toHaveText('Updates: hidden', { timeout: 20_000 })
    await openNode(app, 'pve-a')
    const panel = app.getByTestId('node-upkeep')
    await expect(panel.getByTestId('upkeep-updates')).toHaveText('Hidden: the API token lacks Sys.Modify on /nodes/pve-a.')
    await expect(panel.getByTestId('upkeep-replication')).toHaveText('1 replication job, none failing.')
    await expect(panel.getByRole('alert')).toHaveCount(0)
    await panel.scrollIntoViewIfNeeded()
    await snap(app, testInfo, 'upkeep-node-updates-hidden')
  } finally {
    await bridge.close()
    await sim.close()
  }
})

test('a node that stops answering: its upkeep says it is from earlier checks, not now', async ({ app, bridge }, testInfo) => {
  await openNode(app, 'pve-d')
  const panel = app.getByTestId('node-upkeep')
  await expect(panel.getByTestId('upkeep-updates')).toHaveText('1 update available.', { timeout: 20_000 })
  await expect(panel.getByTestId('upkeep-stale')).toHaveCount(0)
  await bridge.sim?.faults.nodeDown('pve-d')
  await expect(panel.getByTestId('upkeep-stale')).toHaveText('pve-d is not answering now: what follows is from earlier checks, not now.', { timeout: 20_000 })
  await panel.scrollIntoViewIfNeeded()
  await snap(app, testInfo, 'upkeep-node-not-answering')
})
