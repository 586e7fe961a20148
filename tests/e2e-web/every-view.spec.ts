// Every view at the two window sizes a user is likely to have (1280×800, 1024×768), in light and dark:
// a screenshot of each, axe at 0 violations, headings in order, and nothing scrolled sideways.
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'

import { expect, guestRow, snap, test } from './fixtures'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 }
] as const
const SCHEMES = ['light', 'dark'] as const

/** axe over the whole page; the violations as readable lines, so a failure says what and where. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Heading levels in document order never skip a level (h1 → h3), and each view has exactly one h1. */
async function headingLevels(page: Page): Promise<number[]> {
  // A string: the tests compile without the DOM library.
  return page.evaluate<number[]>("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter((h) => h.offsetParent !== null).map((h) => Number(h.tagName.slice(1)))")
}

function skipsALevel(levels: readonly number[]): boolean {
  return levels.some((l, i) => i > 0 && l > (levels[i - 1] ?? 0) + 1)
}

async function checkView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const levels = await headingLevels(page)
  expect(levels.filter((l) => l === 1), `${name}: one h1`).toHaveLength(1)
  expect(levels[0], `${name}: the h1 comes first`).toBe(1)
  expect(skipsALevel(levels), `${name}: heading levels ${levels.join(',')}`).toBe(false)
  // The page itself never scrolls sideways.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
  expect(overflow, `${name}: page wider than the window`).toBeLessThanOrEqual(0)
  expect(await axeViolations(page), `${name}: axe`).toEqual([])
  await snap(page, testInfo, name)
}

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
