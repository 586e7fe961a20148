// Backups and the task log in the dashboard, against the demo cluster in the simulator: the Tasks view with a
// task's log (text only, keyboard reachable, axe-clean), the guest details' last backup ("never" apart from
// "not known"), the storage view's backups panel, and the per-cluster backup-failure opt-out in the settings.
import { expect, guestRow, snap, test } from './fixtures'
import { checkView } from './view-checks'

test.describe('the Tasks view', () => {
  test.use({ startView: 'tasks' })

  test("lists every user's recent tasks with Proxmox's exit status; a task's log opens on 'Log' and closes with Escape", async ({ app }, testInfo) => {
    const table = app.getByRole('table', { name: 'Recent tasks of Demo cluster' })
    const failed = table.locator('tr[data-task-type="vzdump"]').filter({ hasText: 'vzdump 203' })
    await expect(failed).toContainText('failed: job errors')
    await expect(failed).toContainText('pve-d')
    await expect(table.locator('tr[data-task-type="qmstart"]').first()).toContainText("failed: can't activate storage 'nfs-backup'")
    await checkView(app, testInfo, 'tasks')

    // Keyboard only: focus the row's Log button and press Enter; the log takes the focus.
    await failed.getByRole('button', { name: 'Log of vzdump 203 on pve-d' }).focus()
    await app.keyboard.press('Enter')
    const log = app.getByTestId('task-log')
    await expect(log.getByTestId('task-log-lines')).toContainText('ERROR: Backup of CT 203 failed - zstd: error 70 : Write error : No space left on device')
    await expect(log.getByTestId('task-log-lines').locator('li').last()).toHaveText('TASK ERROR: job errors')
    await expect(log).toBeFocused()
    await checkView(app, testInfo, 'tasks-log')
    await app.keyboard.press('Escape')
    await expect(log).toHaveCount(0)
  })

  test('a hostile log line is shown as text, never as HTML', async ({ app, bridge, dialogs }, testInfo) => {
    const upid = bridge.sim?.cluster.runBackup(204, { fail: '<img src=x onerror="alert(1)"><b>bold</b>' }) ?? ''
    await expect.poll(() => bridge.sim?.cluster.tasks().find((t) => t.upid === upid)?.status, { timeout: 10_000 }).toBe('stopped')
    await app.getByRole('button', { name: 'Refresh' }).click()
    const row = app.locator(`tr[data-upid="${upid}"]`)
    await row.getByRole('button', { name: 'Log of vzdump 204 on pve-a' }).click()
    const lines = app.getByTestId('task-log-lines')
    await expect(lines).toContainText('ERROR: Backup of CT 204 failed - <img src=x onerror="alert(1)"><b>bold</b>')
    await expect(lines.locator('img, b')).toHaveCount(0)
    expect(dialogs).toEqual([])
    await snap(app, testInfo, 'tasks-log-hostile')
  })
})

test.describe('last backup of a guest', () => {
  test.use({ startView: 'guests' })

  test('a "no backup" badge in the table; in the details an age and storage, "never" for a guest with no archive, and the guests no job covers', async ({
    app
  }, testInfo) => {
    const detail = app.getByTestId('guest-detail')
    // The table marks the guests never backed up (a known "never"; templates left out).
    await expect(guestRow(app, 115).getByTestId('no-backup')).toHaveText('⚠no backup')
    await expect(guestRow(app, 115).getByTestId('no-backup')).toHaveAttribute('title', 'No backup of this guest on any backup storage')
    await expect(guestRow(app, 205).getByTestId('no-backup')).toBeVisible()
    await expect(guestRow(app, 102).getByTestId('no-backup')).toHaveCount(0)
    await expect(guestRow(app, 9001).getByTestId('no-backup')).toHaveCount(0)
    await guestRow(app, 102).click()
    const state = detail.getByTestId('guest-backup').getByTestId('backup-state')
    await expect(state).toHaveAttribute('data-state', 'found')
    await expect(state).toContainText(/^[56] h ago \(.+\) on nfs-backup$/)
    await expect(detail.getByTestId('backup-uncovered')).toHaveCount(0)
    await snap(app, testInfo, 'guest-backup-found')

    await guestRow(app, 115).click()
    await expect(detail).toContainText('hibernated-lab')
    await expect(state).toHaveAttribute('data-state', 'never')
    await expect(state).toHaveText('Never: no backup of this guest on any backup storage.')

    await guestRow(app, 105).click()
    await expect(detail).toContainText('win-build')
    await expect(state).toHaveAttribute('data-state', 'never')
    await expect(detail.getByTestId('backup-uncovered')).toHaveText('No backup job covers this guest.')
    await checkView(app, testInfo, 'guest-backup-never')
  })

  test.describe('opened after a storage failed', () => {
    // Opened from the overview: the guests view is what first asks main to read the backup storages.
    test.use({ startView: 'overview' })

    test('with a backup storage that cannot be read, a guest without an archive is "not known", never "never"', async ({ app, bridge }, testInfo) => {
      bridge.sim?.faults.serverError(500, { path: /\/storage\/local\/content$/ }, "can't activate storage 'local'")
      await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Guests' }).click()
      await guestRow(app, 115).click()
      const state = app.getByTestId('guest-detail').getByTestId('backup-state')
      await expect(state).toHaveAttribute('data-state', 'unknown')
      // Not known is not "never": no badge in the table either.
      await expect(guestRow(app, 115).getByTestId('no-backup')).toHaveCount(0)
      await expect(state).toContainText('Not known: not every backup storage could be read (local')
      await snap(app, testInfo, 'guest-backup-unknown')
    })
  })
})

test.describe('the backups panel', () => {
  test.use({ startView: 'storage' })

  test('lists the guests no backup job covers and those never backed up', async ({ app }, testInfo) => {
    const panel = app.getByTestId('backups-panel')
    const uncovered = panel.getByRole('list', { name: 'Guests of Demo cluster no backup job covers' })
    await expect(uncovered.locator('li')).toHaveText(['win-build (105)', 'test-ct (205)', 'ubuntu-2404-template (9001)'])
    await expect(panel.getByTestId('backups-never')).toHaveText('Never backed up: win-build (105), hibernated-lab (115), test-ct (205).')
    await expect(panel).toContainText(/Backup storages read \d+ s ago\./)
    await panel.getByTestId('backups-never').scrollIntoViewIfNeeded()
    await checkView(app, testInfo, 'storage-backups')
  })
})

test.describe('backup-failure notifications, per cluster', () => {
  test.use({ startView: 'settings', useConfigured: true })

  test('the cluster editor turns them off and the setting is saved', async ({ app, bridge, configured }, testInfo) => {
    if (configured === null) throw new Error('needs the configured cluster')
    await app.getByRole('button', { name: 'Edit' }).first().click()
    const form = app.getByRole('form', { name: 'Edit lab' })
    const box = form.getByRole('checkbox', { name: 'Notify when a backup of this cluster fails' })
    await expect(box).toBeChecked()
    await box.uncheck()
    await snap(app, testInfo, 'settings-backup-alerts')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form).toHaveCount(0)
    const r = await bridge.core.dispatch('settings:get', {})
    expect(
      r.ok && (r.value as { clusters: { id: string; backupFailureAlerts: boolean }[] }).clusters.find((c) => c.id === configured.clusterId)?.backupFailureAlerts
    ).toBe(false)
  })
})
