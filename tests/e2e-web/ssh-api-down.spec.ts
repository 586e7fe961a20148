// SSH where the API cannot answer, in the dashboard against the demo's simulated hosts: a node that is down
// says "no answer on the API nor SSH"; a cluster whose pveproxy stopped answers over SSH with the services'
// states, and "Restart pveproxy" (after a confirmation) brings the API back.
import { expect, openNode, snap, test } from './fixtures'
import { checkView } from './view-checks'

test('a node that is down: no answer on the API nor SSH', async ({ app, bridge }, testInfo) => {
  await openNode(app, 'pve-b')
  // Online: no diagnosis panel.
  await expect(app.getByTestId('health-report')).toBeVisible({ timeout: 20_000 })
  await expect(app.getByTestId('node-diagnosis')).toHaveCount(0)
  // Powered off: nothing answers at its address (connections hang).
  await bridge.sim?.faults.nodeDown('pve-b', 'hang')
  const panel = app.getByTestId('node-diagnosis')
  await expect(panel).toHaveAttribute('data-verdict', 'down', { timeout: 30_000 })
  await expect(panel.getByTestId('diagnosis-summary')).toHaveText('pve-b is down (no answer on the API nor SSH).')
  await expect(panel).toContainText('did not finish the SSH handshake and login')
  await expect(panel.getByRole('button', { name: 'Restart pveproxy' })).toHaveCount(0)
  await checkView(app, testInfo, 'ssh-node-down')
})

test('pveproxy stopped: SSH answers with the services, and Restart pveproxy after a confirmation', async ({ app, bridge }, testInfo) => {
  await openNode(app, 'pve-a')
  await expect(app.getByTestId('health-report')).toBeVisible({ timeout: 20_000 })
  for (const n of ['pve-a', 'pve-b', 'pve-c', 'pve-d']) await bridge.sim?.faults.stopService(n, 'pveproxy')
  const panel = app.getByTestId('node-diagnosis')
  await expect(panel).toHaveAttribute('data-verdict', 'ssh-only', { timeout: 20_000 })
  await expect(panel.getByTestId('diagnosis-summary')).toHaveText('pve-a answers over SSH but its Proxmox API does not (pveproxy stopped).')
  const services = panel.getByRole('list', { name: 'Proxmox services' })
  await expect(services).toContainText('pveproxy: inactive')
  await expect(services).toContainText('corosync: running')
  // The API cannot say what the guests do now: the page says so, never "0 running".
  await expect(app.getByText(/^\d+ guests, state unknown now\.$/)).toBeVisible()
  // The SSH report was taken again when the cluster stopped answering: it shows pveproxy stopped too.
  await expect(app.getByTestId('health-report').getByRole('region', { name: 'Services' })).toContainText('pveproxy: inactive — not running', {
    timeout: 20_000
  })
  await checkView(app, testInfo, 'ssh-api-down')

  // Cancel changes nothing; confirm restarts it over SSH.
  await panel.getByRole('button', { name: 'Restart pveproxy' }).click()
  const dialog = app.getByRole('dialog', { name: 'Restart pveproxy on pve-a?' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await panel.getByRole('button', { name: 'Restart pveproxy' }).click()
  await dialog.getByRole('button', { name: 'Restart pveproxy' }).click()
  await expect(app.getByTestId('restart-outcome')).toHaveText('pveproxy was restarted on pve-a.')
  // The API answers again through pve-a: the cluster is watched again and the panel goes; the outcome stays.
  await expect(app.getByTestId('node-diagnosis')).toHaveCount(0, { timeout: 20_000 })
  await expect(app.getByTestId('restart-outcome')).toBeVisible()
  await snap(app, testInfo, 'ssh-pveproxy-restarted')
})
