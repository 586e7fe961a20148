// IP addresses in the guest details: asked when the panel opens for a running guest, "Copy IP" copies one,
// and "QEMU guest agent not running" is said in words.
import { expect, guestRow, snap, test } from './fixtures'

test.use({ startView: 'guests', permissions: ['clipboard-read', 'clipboard-write'] })

test('a running VM shows the agent\'s addresses; "Copy IP" copies one', async ({ app, bridge }, testInfo) => {
  await guestRow(app, 100).click()
  const section = app.getByTestId('guest-detail').getByTestId('guest-addresses')
  await expect(section.getByTestId('guest-address').first()).toContainText('10.10.10.120')
  await expect(section.getByTestId('guest-address')).toHaveCount(3)
  // Loopback is not listed: nothing to reach the guest by.
  await expect(section).not.toContainText('127.0.0.1')
  await section.getByRole('button', { name: 'Copy IP 10.10.10.120' }).click()
  await expect(section.getByRole('button', { name: 'Copy IP 10.10.10.120' })).toHaveText('Copied')
  // A string: the test's type-check has no DOM library.
  expect(await app.evaluate('navigator.clipboard.readText()')).toBe('10.10.10.120')
  await snap(app, testInfo, 'guest-addresses')
  // Asked once for the panel, never by the polls that keep running meanwhile.
  await app.waitForTimeout(1500)
  expect(bridge.sim?.requests({ path: /\/agent\/network-get-interfaces$/ }).length).toBe(1)
})

test('a VM whose agent does not run says so plainly', async ({ app }, testInfo) => {
  await guestRow(app, 107).click()
  const section = app.getByTestId('guest-detail').getByTestId('guest-addresses')
  await expect(section.getByTestId('addresses-unavailable')).toHaveText('QEMU guest agent not running.')
  await expect(section.getByRole('alert')).toHaveCount(0)
  await snap(app, testInfo, 'guest-addresses-agent-not-running')
})

test('a container shows its own addresses; a stopped guest has no address section', async ({ app }) => {
  await guestRow(app, 200).click()
  const detail = app.getByTestId('guest-detail')
  await expect(detail.getByTestId('guest-address').first()).toContainText('10.10.11.20')
  await guestRow(app, 108).click()
  await expect(detail).toContainText('ci-runner-2')
  await expect(detail.getByTestId('guest-addresses')).toHaveCount(0)
})
