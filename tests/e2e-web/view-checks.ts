// What every screen must pass, shared by the specs that walk the views and their dialogs: one h1 first,
// headings in order, nothing wider than its box (the page, the scrolling main area, any panel), and
// axe over the whole page at 0 violations. A screenshot of each under test-results.
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'

import { expect, snap } from './fixtures'

export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 }
] as const
export const SCHEMES = ['light', 'dark'] as const

/** axe over the whole page, no rule disabled; the violations as readable lines, so a failure says what and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Heading levels in document order (visible ones). A string: the tests compile without the DOM library. */
async function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate<number[]>(
    "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter((h) => h.offsetParent !== null).map((h) => Number(h.tagName.slice(1)))"
  )
}

function skipsALevel(levels: readonly number[]): boolean {
  return levels.some((l, i) => i > 0 && l > (levels[i - 1] ?? 0) + 1)
}

/**
 * Elements whose content is wider than their box. `.main` scrolls vertically (overflow-y: auto), so
 * anything too wide scrolls sideways inside it, not in the page: it is measured itself, and so is
 * every panel.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const out = []
    const check = (e, name) => { const d = e.scrollWidth - e.clientWidth; if (d > 0) out.push(name + ' by ' + d + ' px') }
    check(document.documentElement, 'page')
    const main = document.querySelector('.main')
    if (main !== null) check(main, '.main')
    document.querySelectorAll('.panel').forEach((p, i) => { if (p.offsetParent !== null) check(p, '.panel #' + i + ' (' + (p.getAttribute('data-testid') ?? p.getAttribute('aria-label') ?? p.className) + ')') })
    return out
  })()`)
}

export async function checkView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const levels = await headingLevels(page)
  expect(
    levels.filter((l) => l === 1),
    `${name}: one h1`
  ).toHaveLength(1)
  expect(levels[0], `${name}: the h1 comes first`).toBe(1)
  expect(skipsALevel(levels), `${name}: heading levels ${levels.join(',')}`).toBe(false)
  expect(await sidewaysOverflow(page), `${name}: wider than its box`).toEqual([])
  expect(await axeViolations(page), `${name}: axe`).toEqual([])
  await snap(page, testInfo, name)
}
