// Guests' moving figures (cpu, mem, uptime, I/O rates) go only where the dashboard shows them: the page tells main
// (`guests:show-figures`) the rows it renders with a margin, all guests while the table is sorted by a figure, none
// elsewhere. A cluster of 600 guests, so most rows are far off screen. What the page says is read off the wire
// (the bridge's POST /api/invoke), what main sends from `app:get-state` in the page.
import type { Page } from '@playwright/test'

import type { ChannelInput, IpcResponse } from '../../src/shared/ipc/contract'
import type { GuestView } from '../../src/shared/snapshot'
import type { RevisedAppState } from '../../src/shared/state-delta'
import type { AppState } from '../../src/shared/views'
import { expect, guestRow, loadBridge, snap, test as base } from './fixtures'
import { axeViolations } from './view-checks'

type Declaration = ChannelInput<'guests:show-figures'>

const GUESTS = 600
const LAST_VMID = 100 + GUESTS - 1
const PERCENT = /^\d+ %$/

interface Wire {
  /** Every `guests:show-figures` the page sent, in order. */
  readonly declarations: Declaration[]
  /** The most of them in flight at once. */
  maxInFlight: number
}

const test = base.extend<{ wire: Wire }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern as the first parameter
  bridgeOptions: async ({}, use) => {
    const { generateCluster } = await loadBridge()
    await use({ simulator: { cluster: generateCluster({ nodes: 3, guests: GUESTS, seed: 11 }) } })
  },
  wire: async ({ page }, use) => {
    const wire: Wire = { declarations: [], maxInFlight: 0 }
    let inFlight = 0
    const isDeclaration = (r: { url(): string; method(): string; postData(): string | null }): boolean =>
      r.method() === 'POST' && r.url().endsWith('/api/invoke') && (r.postData() ?? '').includes('"channel":"guests:show-figures"')
    page.on('request', (r) => {
      if (!isDeclaration(r)) return
      wire.declarations.push((r.postDataJSON() as { input: Declaration }).input)
      inFlight++
      wire.maxInFlight = Math.max(wire.maxInFlight, inFlight)
    })
    const done = (r: Parameters<typeof isDeclaration>[0]): void => {
      if (isDeclaration(r)) inFlight--
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
    await use(wire)
  },
  // The wire is listened to before the page opens, so the page's first word is heard too.
  app: async ({ wire, app }, use) => {
    void wire
    await use(app)
  }
})

async function appState(page: Page): Promise<AppState> {
  // The DOM lib is not compiled in for tests: the page's code is a string, its answer typed by the contract.
  const r = await page.evaluate<IpcResponse<RevisedAppState>>("window.pveTray.invoke('app:get-state', {})")
  if (!r.ok) throw new Error(`app:get-state: ${r.error.message}`)
  return r.value
}

function guestsByVmid(s: AppState): GuestView[] {
  return [...(s.clusters[0]?.guests ?? [])].sort((a, b) => a.vmid - b.vmid)
}

function hasFigures(g: GuestView): boolean {
  return [g.cpu, g.mem, g.disk, g.uptime, g.diskReadRate, g.diskWriteRate, g.netInRate, g.netOutRate].some((v) => v !== null)
}

/** Running rows inside the table's visible box whose CPU is not a percentage yet, and how many running rows that box shows. */
async function runningOnScreen(page: Page): Promise<{ running: number; missing: string[] }> {
  return page.evaluate<{ running: number; missing: string[] }>(`(() => {
    const box = document.querySelector('[data-testid="guest-scroll"]').getBoundingClientRect()
    const rows = [...document.querySelectorAll('.guest-row[data-state="running"]')].filter((r) => {
      const b = r.getBoundingClientRect()
      return b.bottom > box.top && b.top < box.bottom
    })
    const missing = rows.filter((r) => !/^\\d+ %$/.test(r.querySelector('[data-testid="guest-cpu"]')?.textContent ?? '')).map((r) => r.dataset.vmid)
    return { running: rows.length, missing }
  })()`)
}

const lastDeclaration = (wire: Wire): Declaration | undefined => wire.declarations.at(-1)
const vmidsOf = (d: Declaration | undefined): number[] => (d?.guests ?? []).map((g) => g.vmid)

test.describe('on the guests view', () => {
  test.use({ startView: 'guests' })

  test('rows on screen show figures; after a scroll to the end the rows there get theirs; sorted by CPU the top row is the busiest of all', async ({
    app,
    wire
  }, testInfo) => {
    // (a) The rows on screen: a running guest's CPU is a percentage, not "—".
    await expect(app.locator('.guest-row[data-state="running"]').first().getByTestId('guest-cpu')).toHaveText(PERCENT)
    // The guests view's window is the page's last word: the app start's "none" never came over it.
    const firstWindow = wire.declarations.findIndex((d) => vmidsOf(d).includes(100))
    expect(firstWindow).toBeGreaterThanOrEqual(0)
    expect(wire.declarations.slice(firstWindow).filter((d) => !d.all && d.guests.length === 0)).toEqual([])
    expect((await runningOnScreen(app)).running).toBeGreaterThan(5)

    // (b) Far down: the rows now on screen get their figures within a couple of seconds.
    await app.evaluate(`(() => { const el = document.querySelector('[data-testid="guest-scroll"]'); el.scrollTop = el.scrollHeight })()`)
    await expect(guestRow(app, LAST_VMID)).toBeVisible()
    await expect.poll(async () => (await runningOnScreen(app)).missing, { timeout: 2500 }).toEqual([])
    expect((await runningOnScreen(app)).running).toBeGreaterThan(5)
    expect(await axeViolations(app)).toEqual([])
    await snap(app, testInfo, 'guest-figures-scrolled-to-end')

    // (c) Sorted by CPU, busiest first: every running guest's figures came, and the top row has the highest.
    const table = app.getByRole('table', { name: 'Guests' })
    await table.getByRole('button', { name: 'CPU' }).click()
    await table.getByRole('button', { name: 'CPU' }).click()
    await expect(table.getByRole('columnheader', { name: 'CPU' })).toHaveAttribute('aria-sort', 'descending')
    await app.evaluate(`document.querySelector('[data-testid="guest-scroll"]').scrollTop = 0`)
    await expect
      .poll(async () => {
        const guests = guestsByVmid(await appState(app))
        const withoutCpu = guests.filter((g) => g.state === 'running' && g.cpu === null).map((g) => g.vmid)
        const highest = Math.max(...guests.map((g) => g.cpu ?? -1))
        const top = await app.locator('.guest-row[aria-rowindex="2"]').getByTestId('guest-cpu').textContent()
        return { withoutCpu, top: top === `${Math.round(highest * 100)} %` }
      })
      .toEqual({ withoutCpu: [], top: true })
    await snap(app, testInfo, 'guest-figures-sorted-by-cpu')
  })

  test('with the default sort, main sends figures for the rows on screen only: a guest far off screen has none in the state', async ({ app }) => {
    await expect(app.locator('.guest-row[data-state="running"]').first().getByTestId('guest-cpu')).toHaveText(PERCENT)
    await expect
      .poll(async () => {
        const guests = guestsByVmid(await appState(app))
        const onScreen = guests.slice(0, 10).filter((g) => g.state === 'running')
        return {
          onScreenWithFigures: onScreen.length > 0 && onScreen.every((g) => g.cpu !== null && g.mem !== null && g.uptime !== null),
          // The first few, not 300 of them, when it fails.
          farWithFigures: guests
            .slice(300)
            .filter(hasFigures)
            .map((g) => g.vmid)
            .slice(0, 5)
        }
      })
      .toEqual({ onScreenWithFigures: true, farWithFigures: [] })
  })
})

test('the page says what it shows: none on the overview, its window on the guests view (coalesced while scrolling), all when sorted by a figure, none again on leaving', async ({
  app,
  wire
}) => {
  // Opened on the overview: one "none", and main sends no guest's figures.
  await expect.poll(() => wire.declarations.length).toBeGreaterThan(0)
  expect(wire.declarations[0]).toEqual({ all: false, guests: [] })
  await expect.poll(async () => guestsByVmid(await appState(app)).filter(hasFigures).length).toBe(0)

  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Guests' }).click()
  await expect(app.locator('.guest-row[data-state="running"]').first().getByTestId('guest-cpu')).toHaveText(PERCENT)
  await expect.poll(() => vmidsOf(lastDeclaration(wire))).toContain(100)
  const top = lastDeclaration(wire)
  expect(top?.all).toBe(false)
  expect(vmidsOf(top)).not.toContain(LAST_VMID)
  // The rendered rows and their margin: far fewer than the table's 600.
  expect(vmidsOf(top).length).toBeLessThan(150)

  // The details of the first guest stay open: its figures are still asked for when its row is far away.
  await guestRow(app, 100).click()
  await expect(app.getByTestId('guest-detail')).toBeVisible()

  // A fast scroll through the whole table, 10 rows a frame: the window moves ~30 times, the page says it a few times.
  const before = wire.declarations.length
  const scrollMs = await app.evaluate<number>(`new Promise((resolve) => {
    const el = document.querySelector('[data-testid="guest-scroll"]')
    const t0 = performance.now()
    const step = () => {
      el.scrollTop += 400
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) resolve(performance.now() - t0)
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })`)
  await expect.poll(() => vmidsOf(lastDeclaration(wire))).toContain(LAST_VMID)
  const duringScroll = wire.declarations.length - before
  expect(duringScroll).toBeGreaterThan(0)
  // At most one call per ~80 ms pause (plus the one in flight and the trailing one): ~9 of ~30 moves here.
  expect(duringScroll).toBeLessThanOrEqual(Math.ceil(scrollMs / 80) + 2)
  expect(vmidsOf(lastDeclaration(wire))).toContain(100)
  expect(vmidsOf(lastDeclaration(wire))).not.toContain(101)
  await expect(app.getByTestId('guest-detail').getByTestId('detail-uptime')).not.toHaveText('—')

  const table = app.getByRole('table', { name: 'Guests' })
  // (CPU: the open details lie over the columns to its right.)
  await table.getByRole('button', { name: 'CPU' }).click()
  await expect.poll(() => lastDeclaration(wire)).toEqual({ all: true, guests: [] })

  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click()
  await expect.poll(() => lastDeclaration(wire)).toEqual({ all: false, guests: [] })

  // Never two calls at once, never the same demand twice in a row.
  expect(wire.maxInFlight).toBe(1)
  const canonical = (d: Declaration): string =>
    d.all
      ? 'all'
      : d.guests
          .map((g) => `${g.clusterId}/${g.vmid}`)
          .sort()
          .join(',')
  const forms = wire.declarations.map(canonical)
  expect(forms.filter((f, i) => i > 0 && f === forms[i - 1])).toEqual([])
})
