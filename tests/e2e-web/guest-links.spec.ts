// "Open console" / "Open in web UI" from the guest details, and the cluster header's "Refresh now" /
// "Open in web UI": the dashboard names the guest, main builds the link (the bridge records what it would open).
import { expect, guestRow, snap, test } from './fixtures'

test.use({ startView: 'guests' })

test('a running VM opens its noVNC console and its web UI page at the node it runs on', async ({ app, bridge }, testInfo) => {
  await guestRow(app, 101).click()
  const detail = app.getByTestId('guest-detail')
  const links = detail.getByTestId('guest-links')
  await expect(links.getByRole('button', { name: 'Open console' })).toBeEnabled()
  await snap(app, testInfo, 'guest-links')
  const port = bridge.sim?.endpoints.find((e) => e.node === 'pve-b')?.port
  await links.getByRole('button', { name: 'Open console' }).click()
  await expect.poll(() => bridge.opened.at(-1)).toBe(`https://127.0.0.1:${port}/?console=kvm&novnc=1&vmid=101&node=pve-b`)
  await links.getByRole('button', { name: 'Open in web UI' }).click()
  await expect.poll(() => bridge.opened.at(-1)).toBe(`https://127.0.0.1:${port}/#v1:0:=qemu%2F101:4:::::::`)
  await expect(detail.getByRole('alert')).toHaveCount(0)
})

test('a stopped guest has no console and says why; its web UI page still opens', async ({ app, bridge }) => {
  await guestRow(app, 205).click()
  const links = app.getByTestId('guest-detail').getByTestId('guest-links')
  await expect(links.getByRole('button', { name: 'Open console' })).toBeDisabled()
  await expect(links.getByTestId('console-unavailable')).toHaveText('No console: it is not running.')
  await links.getByRole('button', { name: 'Open in web UI' }).click()
  await expect.poll(() => bridge.opened.at(-1)).toMatch(/\/#v1:0:=lxc%2F205:4:::::::$/)
})

test.describe('overview', () => {
  // Polls only at start: any later /cluster/resources is the button's.
  test.use({ startView: 'overview', bridgeOptions: { timings: { pollIntervalMs: 60_000 } } })

  test('the cluster header offers "Refresh now" (polls at once) and "Open in web UI"', async ({ app, bridge }, testInfo) => {
    await expect(app.getByTestId('cluster-health')).toBeVisible()
    const polls = (): number => bridge.sim?.requests({ path: '/api2/json/cluster/resources' }).length ?? 0
    const before = polls()
    await app.getByRole('button', { name: 'Refresh now (Demo cluster)' }).click()
    await expect.poll(polls).toBeGreaterThan(before)
    await app.getByRole('button', { name: 'Open in web UI (Demo cluster)' }).click()
    await expect.poll(() => bridge.opened.at(-1)).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/)
    await expect(app.getByRole('alert')).toHaveCount(0)
    await snap(app, testInfo, 'overview-cluster-commands')
  })
})
