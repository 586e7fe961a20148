// Untrusted text (guest names) is rendered as text: nothing runs, the literal markup is visible.
import { expect, guestRow, test } from './fixtures'

test.use({ startView: 'guests' })

test('a VM named like an HTML payload shows as text and runs nothing', async ({ app, bridge, dialogs }) => {
  const payload = '<img src=x onerror=alert(1)>'
  bridge.sim?.cluster.updateGuest(109, { name: payload })
  const row = guestRow(app, 109)
  await expect(row.getByTestId('guest-name')).toHaveText(payload, { timeout: 15_000 })
  await expect(app.getByText(payload, { exact: true }).first()).toBeVisible()
  await row.click()
  await expect(app.getByTestId('guest-detail')).toContainText(payload)
  await app.getByRole('button', { name: 'Overview' }).click()
  await app.getByRole('button', { name: 'Guests' }).click()
  await expect(guestRow(app, 109).getByTestId('guest-name')).toHaveText(payload)
  expect(await app.locator('img').count()).toBe(0)
  await app.waitForTimeout(500)
  expect(dialogs).toEqual([])
})
