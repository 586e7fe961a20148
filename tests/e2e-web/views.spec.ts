// Storage and node details views, with screenshots.
import { expect, snap, test } from './fixtures'

test('storage shows shared and per-node storage with warnings above the threshold', async ({ app }, testInfo) => {
  await app.getByRole('button', { name: 'Storage' }).click()
  const table = app.getByRole('table', { name: 'Storage of Demo cluster' })
  await expect(table.locator('tr[data-storage="nfs-backup"][data-where="shared"]')).toHaveAttribute('data-warn', 'true')
  await expect(table.locator('tr[data-storage="ceph-vm"][data-where="shared"]')).toHaveAttribute('data-warn', 'false')
  await expect(table.locator('tr[data-storage="local-zfs"][data-where="pve-c"]')).toHaveAttribute('data-warn', 'true')
  await snap(app, testInfo, 'storage')
})

test('node details: an SSH health check that cannot reach the node is explained', async ({ app, bridge }, testInfo) => {
  // The demo's pve-b is switched off: its simulated sshd refuses, and the page says so in words, not a hang.
  await bridge.sim?.faults.nodeDown('pve-b', 'refuse')
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^pve-b/ })
    .click()
  await expect(app.getByRole('heading', { name: 'Node pve-b' })).toBeVisible()
  const error = app.getByTestId('ssh-error')
  await expect(error).toBeVisible({ timeout: 20_000 })
  await expect(error).toContainText(/127\.0\.0\.1:\d+ refused the SSH connection\. Check that sshd runs on the node/)
  await expect(app.getByTestId('health-report')).toHaveCount(0)
  await expect(app.getByTestId('connection-state')).toHaveAttribute('data-status', 'failed')
  await snap(app, testInfo, 'node-details')
})

test('node details: "Show guests" opens the guests list filtered by that node', async ({ app }) => {
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^pve-c/ })
    .click()
  await expect(app.getByRole('heading', { name: 'Node pve-c' })).toBeVisible()
  const summary = (await app.getByText(/^\d+ guests, \d+ running\.$/).textContent()) ?? ''
  const onNode = Number(summary.split(' ')[0])
  expect(onNode).toBeGreaterThan(0)
  await app.getByRole('button', { name: 'Show guests' }).click()
  await expect(app.getByRole('combobox', { name: 'Node' })).toHaveValue('pve-c')
  await expect(app.getByTestId('guest-count')).toHaveText(new RegExp(`^${onNode} of \\d+ guests$`))
  await expect(app.locator('.guest-row')).toHaveCount(onNode)
  // The filter is an ordinary one: the user can clear it.
  await app.getByRole('combobox', { name: 'Node' }).selectOption('')
  await expect(app.getByTestId('guest-count')).toHaveText(/^\d+ guests$/)
})

test('settings show the keyring status plainly', async ({ app }) => {
  await app.getByRole('button', { name: 'Settings' }).click()
  await expect(app.getByTestId('keyring')).toContainText('not securely stored')
})

test("node details: the node's own storage and its recent tasks", async ({ app }) => {
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^pve-a/ })
    .click()
  const storage = app.getByRole('table', { name: 'Storage on pve-a' })
  await expect(storage.locator('tr[data-storage="local-lvm"]')).toBeVisible()
  await expect(storage.locator('tr[data-storage="ceph-vm"]')).toContainText('shared')
  // local-zfs lives on pve-c and pve-d only.
  await expect(storage.locator('tr[data-storage="local-zfs"]')).toHaveCount(0)
  const tasks = app.getByRole('table', { name: 'Recent tasks on pve-a' })
  await expect(tasks.locator('tr[data-task-type="qmshutdown"]')).toContainText('qmshutdown 108')
  await expect(tasks.locator('tr[data-task-type="vzdump"]')).toContainText('OK')
  // pve-b's backup with warnings is not pve-a's.
  await expect(tasks).not.toContainText('WARNINGS')
})
