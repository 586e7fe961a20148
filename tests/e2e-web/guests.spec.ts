// Guest actions end to end: start, stop with confirmation, a failing task's exit status, muting.
import { expect, guestRow, snap, test } from './fixtures'

test.use({ startView: 'guests' })

test('starting a stopped VM shows task progress and the row turns running', async ({ app }, testInfo) => {
  const row = guestRow(app, 108)
  await expect(row).toHaveAttribute('data-state', 'stopped')
  await row.getByRole('button', { name: 'Start ci-runner-2' }).click()
  await expect(row.getByTestId('task-status')).toBeVisible()
  await expect(row).toHaveAttribute('data-state', 'running', { timeout: 15_000 })
  await expect(app.locator('[data-testid="recent-task"][data-phase="ok"]')).toContainText('Start: OK')
  await snap(app, testInfo, 'guests')
})

test('stop asks for confirmation; Cancel and Escape leave the VM running, confirming stops it', async ({ app, dialogs }) => {
  const row = guestRow(app, 110)
  await expect(row).toHaveAttribute('data-state', 'running')
  await row.getByRole('button', { name: 'Stop k8s-master' }).click()
  const dialog = app.getByRole('dialog', { name: 'Stop k8s-master?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await row.getByRole('button', { name: 'Stop k8s-master' }).click()
  await expect(dialog).toBeVisible()
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(row).toHaveAttribute('data-state', 'running')
  await row.getByRole('button', { name: 'Stop k8s-master' }).click()
  await dialog.getByRole('button', { name: 'Stop now' }).click()
  await expect(row).toHaveAttribute('data-state', 'stopped', { timeout: 15_000 })
  expect(dialogs).toEqual([])
})

test.describe('with a cluster list that lags like pvestatd', () => {
  // /cluster/resources catches up only once a minute: the row must not wait for it.
  test.use({ bridgeOptions: { simulator: { statsIntervalMs: 60_000 } } })

  test('right after "Stop: OK" the row says stopped and offers Start, never Stop next to "Stop: OK"', async ({ app }, testInfo) => {
    const row = guestRow(app, 110)
    await row.getByRole('button', { name: 'Stop k8s-master' }).click()
    await app.getByRole('dialog', { name: 'Stop k8s-master?' }).getByRole('button', { name: 'Stop now' }).click()
    await expect(row.getByTestId('task-status')).toHaveAttribute('data-phase', 'ok', { timeout: 15_000 })
    await expect(row).toHaveAttribute('data-state', 'stopped')
    await expect(row.getByRole('button', { name: 'Stop k8s-master' })).toHaveCount(0)
    await expect(row.getByRole('button', { name: 'Start k8s-master' })).toBeVisible()
    await snap(app, testInfo, 'guests-after-stop-ok')
  })
})

test.describe('with a slow poll', () => {
  // The snapshot must still show the VM unlocked when the click happens; the simulator then fails the task.
  test.use({ bridgeOptions: { timings: { pollIntervalMs: 60_000 } } })

  test('a failing task shows Proxmox exit status', async ({ app, bridge }) => {
    const row = guestRow(app, 109)
    await expect(row).toHaveAttribute('data-state', 'stopped')
    // The poll the opened dashboard asks for (guests' figures) has come: the lock below is not seen before the click.
    await expect(guestRow(app, 100).getByTestId('guest-uptime')).not.toHaveText('—')
    bridge.sim?.cluster.updateGuest(109, { lock: 'backup' })
    await row.getByRole('button', { name: 'Start win11-desktop' }).click()
    const status = row.getByTestId('task-status')
    await expect(status).toHaveAttribute('data-phase', 'failed', { timeout: 15_000 })
    await expect(status).toContainText('VM is locked (backup)')
    await expect(app.locator('[data-testid="recent-task"][data-phase="failed"]')).toContainText('Start failed: VM is locked (backup)')
  })
})

test('demo cluster: muting and "Notify when down" work too (kept in memory for the demo)', async ({ app }) => {
  const row = guestRow(app, 113)
  await row.click()
  const detail = app.getByTestId('guest-detail')
  await expect(detail).toContainText('opnsense')
  await detail.getByLabel('Mute notifications for opnsense').selectOption('always')
  await expect(row.getByTestId('muted-badge')).toHaveText('muted', { timeout: 15_000 })
  await detail.getByLabel('Notify when down').check()
  await expect(detail.getByLabel('Notify when down')).toBeChecked({ timeout: 15_000 })
  await expect(detail.getByRole('alert')).toHaveCount(0)
})

test.describe('on a configured cluster', () => {
  // Mutes and alerts of a configured cluster are stored in its settings.
  test.use({ useConfigured: true })

  test('muting a guest shows the muted badge on its row', async ({ app }, testInfo) => {
    const row = guestRow(app, 113)
    await row.click()
    const detail = app.getByTestId('guest-detail')
    await expect(detail).toContainText('opnsense')
    await detail.getByLabel('Mute notifications for opnsense').selectOption('always')
    await expect(row.getByTestId('muted-badge')).toHaveText('muted', { timeout: 15_000 })
    await detail.getByLabel('Notify when down').check()
    await expect(detail.getByLabel('Notify when down')).toBeChecked({ timeout: 15_000 })
    await snap(app, testInfo, 'muted-guest')
  })
})

test('keyboard: arrows move between rows, Enter opens the guest, filters narrow the list', async ({ app }) => {
  await guestRow(app, 100).focus()
  await app.keyboard.press('ArrowDown')
  await expect(guestRow(app, 101)).toBeFocused()
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('guest-detail')).toContainText('web-prod-02')
  await app.getByLabel('Search guests').fill('k8s')
  await expect(app.getByTestId('guest-count')).toHaveText('3 of 27 guests')
  await app.getByLabel('Search guests').fill('')
  await app.getByRole('combobox', { name: 'Type' }).selectOption('lxc')
  await expect(app.locator('.guest-row[data-vmid="100"]')).toHaveCount(0)
})

test.describe('with a request that gets no answer', () => {
  // The dropped connection ends the request at once: no short timeouts that would also hit the polls.
  test.use({ bridgeOptions: { timings: { outcomeCheckDelaysMs: [0, 500, 1000] } } })

  test('the row says "outcome unknown", checks, and never says "failed" or "try again"', async ({ app, bridge }, testInfo) => {
    const row = guestRow(app, 108)
    await expect(row).toHaveAttribute('data-state', 'stopped')
    // The request reaches pveproxy, which drops the connection without answering (and does nothing).
    bridge.sim?.faults.dropAfterRequest({ method: 'POST', path: /\/108\/status\/start$/ })
    await row.getByRole('button', { name: 'Start ci-runner-2' }).click()
    const status = row.getByTestId('task-status')
    await expect(status).toHaveAttribute('data-phase', /checking|unknown/)
    await expect(status).toHaveAttribute('data-phase', 'unknown', { timeout: 15_000 })
    await expect(status).toContainText('outcome unknown')
    await expect(status).not.toContainText(/failed|try again/i)
    await expect(app.locator('[data-testid="recent-task"][data-phase="unknown"]')).toContainText(/check the guest before sending it again/i)
    // The unknown outcome takes the row's Actions cell (its words need the room) until dismissed; once
    // the app has looked, the guest may be started again from its details.
    await expect(row.getByRole('button', { name: 'Start ci-runner-2' })).toHaveCount(0)
    await row.click()
    await expect(app.getByTestId('guest-detail').getByRole('button', { name: 'Start ci-runner-2' })).toBeEnabled({ timeout: 10_000 })
    await snap(app, testInfo, 'guests-outcome-unknown')
  })
})
