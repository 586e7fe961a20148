// Bulk power actions in the dashboard, in Chromium over the bridge against the demo cluster: select guests
// across nodes (checkbox, Shift+click range, keyboard), see what each action would touch and why the rest is
// left out, confirm once with every guest listed, then watch each guest: queued (never more than two per
// node at once), running, OK, or "not known" for a request that got no answer. Screenshots and axe.
import type { Page } from '@playwright/test'

import type { Simulator } from '../../src/main/bridge/index'
import { expect, guestRow, loadBridge, snap, test } from './fixtures'
import { checkView, SCHEMES, SIZES } from './view-checks'

test.use({ startView: 'guests' })

/** Checks each guest's box, finding it with the search box (the table is virtualized: far rows are not in the DOM). */
async function check(app: Page, vmids: readonly number[]): Promise<void> {
  const search = app.getByLabel('Search guests')
  for (const vmid of vmids) {
    await search.fill(String(vmid))
    await guestRow(app, vmid).getByTestId('guest-check').check()
  }
  await search.fill('')
}

test.describe('with tasks that take a while', () => {
  test.use({
    bridgeOptions: { simulator: { taskDurationMs: 1500 }, timings: { outcomeCheckDelaysMs: [0, 500, 1000] } }
  })

  test('select guests on three nodes, confirm once with every guest listed, see each one to its end', async ({ app, bridge }, testInfo) => {
    // pve-a: 100, 111, 204 (three: one waits for its turn); pve-b: 112; pve-c: 202; and two that cannot reboot.
    await check(app, [100, 111, 204, 112, 202, 108, 9000])
    const bar = app.getByTestId('bulk-bar')
    await expect(bar.getByTestId('bulk-count')).toHaveText('7 selected')
    await expect(bar.getByTestId('bulk-reboot')).toHaveText('Reboot 5 of 7')
    await expect(bar.getByTestId('bulk-reboot').locator('xpath=following-sibling::span')).toHaveText('(1 is stopped, 1 is a template)')
    await expect(bar.getByTestId('bulk-start')).toHaveText('Start 1 of 7')
    await snap(app, testInfo, 'bulk-selected')

    // 112's request reaches pveproxy, which drops the connection without doing anything.
    bridge.sim?.faults.dropAfterRequest({ method: 'POST', path: /\/112\/status\/reboot$/ })
    await bar.getByTestId('bulk-reboot').click()
    const dialog = app.getByRole('dialog', { name: 'Reboot 5 guests?' })
    await expect(dialog).toBeVisible()
    const apply = dialog.getByTestId('bulk-confirm-apply').locator('li')
    await expect(apply).toHaveCount(5)
    await expect(dialog.getByTestId('bulk-confirm-apply')).toContainText('web-prod-01 VM 100 on pve-a')
    await expect(dialog.getByTestId('bulk-confirm-apply')).toContainText('pihole CT 204 on pve-a')
    await expect(dialog.getByTestId('bulk-confirm-apply')).toContainText('k8s-worker-2 VM 112 on pve-b')
    await expect(dialog.getByTestId('bulk-confirm-apply')).toContainText('monitoring CT 202 on pve-c')
    const skip = dialog.getByTestId('bulk-confirm-skip')
    await expect(skip.locator('li[data-vmid="108"]')).toContainText('ci-runner-2 VM 108 on pve-a — is stopped')
    await expect(skip.locator('li[data-vmid="9000"]')).toContainText('debian-13-template VM 9000 on pve-a — template')
    // The safe choice has the focus.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await snap(app, testInfo, 'bulk-confirm')
    await dialog.getByRole('button', { name: 'Reboot 5 guests' }).click()
    await expect(dialog).toBeHidden()

    const panel = app.getByTestId('bulk-progress')
    const item = (vmid: number) => panel.locator(`[data-testid="bulk-item"][data-vmid="${vmid}"]`)
    // Three on pve-a, at most two at a time: one of them waits its turn.
    await expect(panel.locator('[data-testid="bulk-item"][data-phase="queued"]')).toHaveCount(1)
    await expect(panel.locator('[data-testid="bulk-item"][data-phase="running"]').first()).toBeVisible()
    await snap(app, testInfo, 'bulk-progress-running')
    for (const vmid of [100, 111, 204, 202]) await expect(item(vmid)).toHaveAttribute('data-phase', 'ok', { timeout: 20_000 })
    // No answer to the request: "not known", never "failed".
    await expect(item(112)).toHaveAttribute('data-phase', 'unknown', { timeout: 20_000 })
    await expect(item(112)).toContainText('Not known:')
    await expect(item(112)).toContainText('Check the guest before sending it again')
    await expect(panel).toHaveAttribute('data-ended', 'true')
    await expect(panel.getByTestId('bulk-summary')).toHaveText('4 OK, 1 not known')
    await expect(panel.getByRole('heading', { name: 'Reboot: 5 guests, done' })).toBeVisible()
    await expect(panel).not.toContainText(/failed|try again/i)
    await snap(app, testInfo, 'bulk-progress-done')
    await panel.getByRole('button', { name: 'Close' }).click()
    await expect(panel).toBeHidden()
  })

  test('cancel the rest: what was not sent stays so, what was sent ends', async ({ app, bridge }) => {
    // Four on pve-a: two are sent, two wait.
    await check(app, [100, 102, 111, 204])
    await app.getByTestId('bulk-reboot').click()
    await app.getByRole('dialog', { name: 'Reboot 4 guests?' }).getByRole('button', { name: 'Reboot 4 guests' }).click()
    const panel = app.getByTestId('bulk-progress')
    await expect(panel.locator('[data-phase="queued"]')).toHaveCount(2)
    await panel.getByRole('button', { name: 'Cancel the rest' }).click()
    await expect(panel.locator('[data-phase="cancelled"]')).toHaveCount(2)
    await expect(panel.locator('[data-phase="cancelled"]').first()).toContainText('Cancelled: not sent')
    await expect(panel).toHaveAttribute('data-ended', 'true', { timeout: 20_000 })
    await expect(panel.getByTestId('bulk-summary')).toHaveText('2 OK, 2 cancelled')
    const sent = bridge.sim?.cluster.tasks().filter((t) => /^(qm|vz)reboot$/.test(t.type)) ?? []
    expect(sent).toHaveLength(2)
  })
})

test.describe('a token that may power only some guests', () => {
  // A slow poll: the lock set below is not in the snapshot yet when the request goes out.
  test.use({ bridgeOptions: { timings: { pollIntervalMs: 60_000 } } })
  let sim: Simulator | null = null
  test.afterEach(async () => {
    await sim?.close()
    sim = null
  })

  test('guests it may not power are left out with the reason; a task Proxmox fails says why', async ({ app, bridge }, testInfo) => {
    const { startSimulator } = await loadBridge()
    const s = (sim = await startSimulator({ authDelayMs: 50, taskDurationMs: 500, statsIntervalMs: 1000, seed: 3 }))
    const token = s.cluster.addToken({
      id: 'ops@pve!tray',
      acls: [
        { path: '/', privs: ['PVEAuditor'] },
        { path: '/vms/111', privs: ['PVEVMUser'] },
        { path: '/vms/112', privs: ['PVEVMUser'] }
      ]
    })
    const saved = await bridge.core.dispatch('settings:save-cluster', {
      name: 'ops',
      mode: 'control',
      endpoints: s.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
      tokenId: token.id,
      tokenSecret: token.secret
    })
    expect(saved.ok).toBe(true)
    await expect(guestRow(app, 110)).toBeVisible({ timeout: 15_000 })
    await check(app, [110, 111, 112])
    const bar = app.getByTestId('bulk-bar')
    await expect(bar.getByTestId('bulk-reboot')).toHaveText('Reboot 2 of 3', { timeout: 15_000 })
    await expect(bar).toContainText('(1 may not be powered by this token)')
    await bar.getByTestId('bulk-reboot').click()
    const dialog = app.getByRole('dialog', { name: 'Reboot 2 guests?' })
    await expect(dialog.getByTestId('bulk-confirm-skip').locator('li[data-vmid="110"]')).toContainText(
      'k8s-master VM 110 on pve-c — token lacks VM.PowerMgmt on /vms/110'
    )
    await snap(app, testInfo, 'bulk-confirm-permission')
    // Someone starts a backup of 112 meanwhile: Proxmox fails its task.
    s.cluster.updateGuest(112, { lock: 'backup' })
    await dialog.getByRole('button', { name: 'Reboot 2 guests' }).click()
    const panel = app.getByTestId('bulk-progress')
    await expect(panel).toHaveAttribute('data-ended', 'true', { timeout: 20_000 })
    await expect(panel.locator('[data-vmid="111"]')).toHaveAttribute('data-phase', 'ok')
    await expect(panel.locator('[data-vmid="112"]')).toHaveAttribute('data-phase', 'failed')
    await expect(panel.locator('[data-vmid="112"]')).toContainText('Failed: VM is locked (backup)')
    await expect(panel.getByTestId('bulk-summary')).toHaveText('1 OK, 1 failed')
    expect(s.requests({ method: 'POST', path: /\/110\/status\// })).toHaveLength(0)
    await snap(app, testInfo, 'bulk-progress-failed')
  })
})

test('select all shown, Shift+click range and the keyboard; filters hide part of the selection', async ({ app }) => {
  await app.getByLabel('Search guests').fill('k8s')
  await app.getByTestId('select-shown').check()
  await expect(app.getByTestId('bulk-count')).toHaveText('3 selected')
  await app.getByLabel('Search guests').fill('')
  await expect(app.getByTestId('bulk-count')).toHaveText('3 selected')
  await expect(app.getByTestId('select-shown')).not.toBeChecked()
  // Shift+click: from the last clicked row to this one (100 … 103 in VMID order).
  await guestRow(app, 100).getByTestId('guest-check').click()
  await guestRow(app, 103)
    .getByTestId('guest-check')
    .click({ modifiers: ['Shift'] })
  await expect(app.getByTestId('bulk-count')).toHaveText('7 selected')
  // Keyboard: the row is the Tab stop, its checkbox the next one; Space checks it.
  await guestRow(app, 100).focus()
  for (let i = 0; i < 5; i++) await app.keyboard.press('ArrowDown')
  await expect(guestRow(app, 105)).toBeFocused()
  await app.keyboard.press('Tab')
  await expect(guestRow(app, 105).getByTestId('guest-check')).toBeFocused()
  await app.keyboard.press('Space')
  await expect(app.getByTestId('bulk-count')).toHaveText('8 selected')
  await expect(app.getByTestId('guest-detail')).toHaveCount(0)
  await app.getByLabel('Search guests').fill('web')
  await expect(app.getByTestId('bulk-count')).toHaveText('8 selected (6 hidden by the filters)')
  await app.getByRole('button', { name: 'Clear selection' }).click()
  await expect(app.getByTestId('bulk-bar')).toHaveCount(0)
})

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test(`${size.width}×${size.height} ${scheme}: the bulk bar, its confirmation and its progress pass axe`, async ({ app }, testInfo) => {
      await app.setViewportSize(size)
      await app.emulateMedia({ colorScheme: scheme })
      await check(app, [108, 109, 205, 100])
      await checkView(app, testInfo, `bulk-bar-${size.width}-${scheme}`)
      await app.getByTestId('bulk-start').click()
      const dialog = app.getByRole('dialog', { name: 'Start 3 guests?' })
      await expect(dialog).toBeVisible()
      await checkView(app, testInfo, `bulk-confirm-${size.width}-${scheme}`)
      await dialog.getByRole('button', { name: 'Start 3 guests' }).click()
      const panel = app.getByTestId('bulk-progress')
      await expect(panel).toHaveAttribute('data-ended', 'true', { timeout: 20_000 })
      await expect(panel.getByTestId('bulk-summary')).toHaveText('3 OK')
      await checkView(app, testInfo, `bulk-progress-${size.width}-${scheme}`)
    })
  }
}
