// Every view at the two window sizes a user is likely to have (1280×800, 1024×768), in light and dark:
// a screenshot of each, axe at 0 violations, headings in order, and nothing scrolled sideways
// (the page, the scrolling main area and every panel measured: see view-checks.ts).
import { expect, guestRow, test } from './fixtures'
import { checkView, SCHEMES, SIZES } from './view-checks'

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test.describe(`${size.width}×${size.height} ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme })

      test('every view fits, reads in order and passes axe', async ({ app }, testInfo) => {
        const nav = app.getByRole('navigation', { name: 'Views' })
        await expect(app.locator('.node-card[data-node="pve-a"] svg.sparkline')).toBeVisible()
        await checkView(app, testInfo, `overview-${scheme}`)

        await nav.getByRole('button', { name: 'Guests' }).click()
        await expect(guestRow(app, 100)).toBeVisible()
        await checkView(app, testInfo, `guests-${scheme}`)
        await guestRow(app, 114).click()
        await expect(app.getByTestId('guest-detail')).toBeVisible()
        await checkView(app, testInfo, `guests-detail-${scheme}`)

        await nav.getByRole('button', { name: 'Storage' }).click()
        await expect(app.locator('[data-view="storage"]')).toBeVisible()
        await checkView(app, testInfo, `storage-${scheme}`)

        await nav.getByRole('button', { name: /^pve-a/ }).click()
        await expect(app.getByTestId('health-report')).toBeVisible({ timeout: 20_000 })
        await checkView(app, testInfo, `node-${scheme}`)

        await nav.getByRole('button', { name: 'Settings' }).click()
        await expect(app.getByTestId('keyring')).toBeVisible()
        await checkView(app, testInfo, `settings-${scheme}`)
      })

      test.describe('first start', () => {
        test.use({ startView: null })

        test('onboarding fits, reads in order and passes axe', async ({ app }, testInfo) => {
          await expect(app.getByRole('heading', { name: 'Connect a Proxmox VE cluster' })).toBeVisible()
          await checkView(app, testInfo, `onboarding-${scheme}`)
        })
      })
    })
  }
}
