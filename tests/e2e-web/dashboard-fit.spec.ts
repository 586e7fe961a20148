// What a Proxmox admin who keeps the dashboard open needs from it, at 1280×800 and 1024×768: the
// guests table fits, cut text can be read whole, stopped guests show "—", events and storage read at a
// glance, charts have a scale, and the first start has one way forward. A screenshot per test and size.
import type { Page } from '@playwright/test'

import { expect, guestRow, snap, test } from './fixtures'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 }
] as const

const HEADERS = ['Status', 'Name', 'VMID', 'Type', 'Node', 'Tags', 'CPU', 'Memory', 'Uptime', 'Actions'] as const

/** How far an element's content is wider than its box (the DOM lib is not compiled in: a string). */
async function overflowX(page: Page, selector: string): Promise<number> {
  return page.evaluate<number>(
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return e === null ? -1 : e.scrollWidth - e.clientWidth })()`
  )
}

/** The detail panel's CSS position: 'absolute' when it lies over the table, 'static' beside it. */
async function panelPosition(page: Page): Promise<string> {
  return page.evaluate<string>(
    "(() => { const e = document.querySelector('[data-testid=\"guest-detail\"]'); return e === null ? 'none' : getComputedStyle(e).position })()"
  )
}

/** The tabindex of each button in a row (the DOM lib is not compiled in: attributes, read one by one). */
async function buttonTabIndexes(row: ReturnType<Page['locator']>): Promise<number[]> {
  return Promise.all((await row.locator('button').all()).map(async (b) => Number((await b.getAttribute('tabindex')) ?? '0')))
}

async function scrollLeft(page: Page, selector: string): Promise<number> {
  return page.evaluate<number>(`document.querySelector(${JSON.stringify(selector)})?.scrollLeft ?? -1`)
}

for (const size of SIZES) {
  const wide = size.width >= 1280
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size })

    test.describe('on the guests view', () => {
      test.use({ startView: 'guests' })

      test('the table fits: its columns are in view, actions are named icon buttons, a click never scrolls it sideways, details lie over it', async ({
        app
      }, testInfo) => {
        const table = app.getByRole('table', { name: 'Guests' })
        await expect(guestRow(app, 100)).toBeVisible()
        const box = await table.boundingBox()
        expect(box).not.toBeNull()
        if (box === null) return
        // Every column at 1280; at 1024 the tags move to the detail panel, everything else stays.
        for (const h of HEADERS) {
          const header = table.getByRole('columnheader', { name: h })
          if (h === 'Tags' && !wide) {
            await expect(header).toBeHidden()
            continue
          }
          await expect(header).toBeVisible()
          const hb = await header.boundingBox()
          expect(hb, h).not.toBeNull()
          expect((hb?.x ?? 0) + (hb?.width ?? 0), `${h} ends inside the table`).toBeLessThanOrEqual(box.x + box.width)
        }
        // The table clips (overflow: hidden): what is too wide shows in its scrolling rows and its header.
        expect(await overflowX(app, '.guest-scroll')).toBeLessThanOrEqual(0)
        expect(await overflowX(app, '.guest-header')).toBeLessThanOrEqual(0)
        // With room to spare, no name is cut.
        if (wide) {
          const cut = await app.evaluate<string[]>(
            "[...document.querySelectorAll('.guest-row .guest-name')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent + ': ' + e.scrollWidth + ' > ' + e.clientWidth)"
          )
          expect(cut).toEqual([])
        }
        // Actions: icon buttons with a name and a tooltip.
        const start = guestRow(app, 108).getByRole('button', { name: 'Start ci-runner-2' })
        await expect(start).toHaveAttribute('title', 'Start ci-runner-2')
        await expect(start).toHaveText('')
        await expect(guestRow(app, 100).getByRole('button', { name: 'Shut down web-prod-01' })).toHaveAttribute('title', /Shut down/)
        // A click on the right-hand side of a row: nothing moves sideways, the details open over the table.
        await guestRow(app, 114).getByTestId('guest-uptime').click()
        const detail = app.getByTestId('guest-detail')
        await expect(detail).toBeVisible()
        expect(await scrollLeft(app, '.guest-table')).toBe(0)
        expect(await scrollLeft(app, '.guest-scroll')).toBe(0)
        expect(await overflowX(app, '.guest-scroll')).toBeLessThanOrEqual(0)
        expect(await overflowX(app, '.guest-header')).toBeLessThanOrEqual(0)
        const after = await table.boundingBox()
        expect(after?.width, 'the table keeps its width: the details overlay it').toBe(box.width)
        await snap(app, testInfo, `guests-fit-${size.width}`)
        // Escape closes the details again.
        await detail.getByRole('button', { name: 'Close details' }).focus()
        await app.keyboard.press('Escape')
        await expect(detail).toBeHidden()
      })

      test('a stopped guest shows — for memory and uptime, in the row and in the details; a running one its figures', async ({ app }, testInfo) => {
        const stopped = guestRow(app, 108)
        await expect(stopped).toHaveAttribute('data-state', 'stopped')
        await expect(stopped.getByTestId('guest-mem')).toHaveText('—')
        await expect(stopped.getByTestId('guest-uptime')).toHaveText('—')
        await expect(stopped.getByTestId('guest-mem')).toHaveAttribute('title', /GiB configured/)
        await stopped.click()
        const detail = app.getByTestId('guest-detail')
        await expect(detail.getByTestId('detail-mem')).toHaveText(/^— \(\d+(\.\d)? GiB configured\)$/)
        await expect(detail.getByTestId('detail-uptime')).toHaveText('—')
        await expect(detail).not.toContainText(/\b0 B\b|\b0 s\b/)
        const running = guestRow(app, 100)
        await expect(running).toHaveAttribute('data-state', 'running')
        await expect(running.getByTestId('guest-mem')).toHaveText(/^\d+(\.\d)? \/ \d+(\.\d)? GiB$|^\d+(\.\d)? [KMG]iB \/ \d+(\.\d)? GiB$/)
        await expect(running.getByTestId('guest-uptime')).not.toHaveText('—')
        await snap(app, testInfo, `guests-stopped-${size.width}`)
      })

      test('a paused VM still holds its memory: its figures and uptime show, in the row and in the details', async ({ app }) => {
        const paused = guestRow(app, 105)
        await expect(paused).toHaveAttribute('data-state', 'paused')
        await expect(paused.getByTestId('guest-mem')).toHaveText(/^\d+(\.\d)? \/ \d+(\.\d)? GiB$|^\d+(\.\d)? [KMG]iB \/ \d+(\.\d)? GiB$/)
        await expect(paused.getByTestId('guest-uptime')).not.toHaveText('—')
        await paused.click()
        const detail = app.getByTestId('guest-detail')
        await expect(detail.getByTestId('detail-mem')).toHaveText(/^\d+(\.\d)? [KMG]iB \/ \d+(\.\d)? GiB$/)
        await expect(detail.getByTestId('detail-uptime')).not.toHaveText('—')
      })

      test('a failed shutdown of a running VM: its reason, in plain words, takes the Actions cell; the request is behind "Request details"', async ({
        app,
        bridge
      }, testInfo) => {
        const reason = 'VM quit/powerdown failed - got timeout'
        bridge.sim?.faults.serverError(500, { method: 'POST', path: /\/100\/status\/shutdown$/ }, reason)
        const row = guestRow(app, 100)
        await expect(row).toHaveAttribute('data-state', 'running')
        await row.getByRole('button', { name: 'Shut down web-prod-01' }).click()
        const dialog = app.getByRole('dialog')
        if (await dialog.isVisible()) await dialog.getByRole('button', { name: /Shut down/ }).click()
        const status = row.getByTestId('task-status')
        await expect(status).toHaveAttribute('data-phase', 'failed', { timeout: 15_000 })
        // The words are readable in the row: room for them, inside the cell, no buttons squeezing them.
        const text = status.locator('.task-text')
        await expect(text).toHaveText(/^Shut down failed: VM quit\/powerdown/)
        const cell = await row.locator('.cell-actions').boundingBox()
        const tb = await text.boundingBox()
        expect(tb?.width ?? 0, 'the failure text has room').toBeGreaterThan(80)
        expect(tb?.x ?? 0, 'the text starts inside its cell').toBeGreaterThanOrEqual(cell?.x ?? 0)
        expect((tb?.x ?? 0) + (tb?.width ?? 0)).toBeLessThanOrEqual((cell?.x ?? 0) + (cell?.width ?? 0) + 0.5)
        await expect(row.getByRole('button', { name: /web-prod-01$/ })).toHaveCount(0)
        await expect(status).toHaveAttribute('title', `Shut down failed: ${reason}`)
        expect((await row.boundingBox())?.height).toBe(40)
        // No address or request path in the words, in the row, the details or the list below the table.
        await row.click()
        const detail = app.getByTestId('guest-detail')
        await expect(detail.getByTestId('detail-task')).toHaveText(`Shut down failed: ${reason}`)
        const view = app.locator('[data-view="guests"]')
        expect(await view.innerText()).not.toMatch(/127\.0\.0\.1|Proxmox at|\/status\/shutdown|answered 500/)
        await detail.getByTestId('request-details').locator('summary').click()
        await expect(detail.getByTestId('request-details')).toContainText(/POST \/nodes\/pve-a\/qemu\/100\/status\/shutdown, 127\.0\.0\.1:\d+, HTTP 500/)
        await snap(app, testInfo, `guests-failed-shutdown-${size.width}`)
        // The panel closed (it lies over the row's end at these sizes) and the failure dismissed: the buttons are back.
        await app.keyboard.press('Escape')
        await expect(detail).toBeHidden()
        await row.getByRole('button', { name: 'Dismiss this failure' }).click()
        await expect(row.getByRole('button', { name: 'Shut down web-prod-01' })).toBeVisible()
      })

      test('keyboard focus: Enter opens the details with focus in them, Escape from the row or the panel closes them and focus is back on the row; buttons under the panel are out of the Tab order', async ({
        app
      }) => {
        const row = guestRow(app, 100)
        await row.focus()
        await app.keyboard.press('Enter')
        const detail = app.getByTestId('guest-detail')
        await expect(detail).toBeFocused()
        const overlay = (await panelPosition(app)) === 'absolute'
        expect(overlay, 'at these sizes the panel lies over the table').toBe(true)
        // The panel covers the row's buttons: none of them is a Tab stop.
        const tabbable = await buttonTabIndexes(row)
        expect(tabbable.length).toBeGreaterThan(0)
        expect(
          tabbable.every((t) => t < 0),
          `row buttons tabIndex ${tabbable.join(',')}`
        ).toBe(true)
        // Escape inside the panel (from one of its buttons): closed, focus back on the row.
        await detail.getByRole('button', { name: 'Close details' }).focus()
        await app.keyboard.press('Escape')
        await expect(detail).toBeHidden()
        await expect(row).toBeFocused()
        expect(await buttonTabIndexes(row)).toContain(0)
        // Escape from the row closes it too.
        await app.keyboard.press('Enter')
        await expect(detail).toBeFocused()
        await row.focus()
        await app.keyboard.press('Escape')
        await expect(detail).toBeHidden()
        await expect(row).toBeFocused()
      })

      test('a long task result is cut in the row, whole on hover and in the details; the row keeps one line', async ({ app, bridge }, testInfo) => {
        const reason = "storage 'old-nfs' is not online - can't activate volume 'old-nfs:108/vm-108-disk-0.qcow2' (mount timed out after 30 s)"
        bridge.sim?.faults.serverError(500, { method: 'POST', path: /\/108\/status\/start$/ }, reason)
        const row = guestRow(app, 108)
        await row.getByRole('button', { name: 'Start ci-runner-2' }).click()
        const status = row.getByTestId('task-status')
        await expect(status).toHaveAttribute('data-phase', 'failed', { timeout: 15_000 })
        await expect(status).toHaveAttribute('title', /old-nfs.*mount timed out after 30 s/)
        // One line, the same height as every row.
        const rb = await row.boundingBox()
        expect(rb?.height).toBe(40)
        const sb = await status.boundingBox()
        expect(sb?.height ?? 99).toBeLessThanOrEqual(40)
        await row.click()
        await expect(app.getByTestId('detail-task')).toContainText('mount timed out after 30 s')
        await expect(app.getByTestId('detail-task')).toContainText(/^Start failed/)
        await snap(app, testInfo, `guests-task-cut-${size.width}`)
      })
    })

    test.describe('with a slow poll', () => {
      test.use({ startView: 'guests', bridgeOptions: { timings: { pollIntervalMs: 60_000 } } })

      test('a failed task is one plain sentence in the events: what, which guest, where, why', async ({ app, bridge }, testInfo) => {
        const row = guestRow(app, 109)
        await expect(row).toHaveAttribute('data-state', 'stopped')
        // The poll the opened dashboard asks for (guests' figures) has come: the lock below is not seen before the click.
        await expect(guestRow(app, 100).getByTestId('guest-uptime')).not.toHaveText('—')
        bridge.sim?.cluster.updateGuest(109, { lock: 'backup' })
        await row.getByRole('button', { name: 'Start win11-desktop' }).click()
        await expect(row.getByTestId('task-status')).toHaveAttribute('data-phase', 'failed', { timeout: 15_000 })
        // The next poll sees the failed task (asked for now rather than waiting a minute).
        const key = (await row.getAttribute('data-key')) ?? ''
        await bridge.core.dispatch('clusters:refresh', { clusterId: key.slice(0, key.lastIndexOf('/')) })
        await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click()
        const event = app.locator('.timeline-item[data-kind="task-failed"]').first()
        await expect(event).toContainText('Start of VM 109 (win11-desktop) on pve-b, started from this app, failed: VM is locked (backup)', { timeout: 15_000 })
        await expect(app.locator('.timeline')).not.toContainText(/qmstart|Task q/)
        await event.scrollIntoViewIfNeeded()
        await snap(app, testInfo, `events-plain-${size.width}`)
      })
    })

    test.describe('on the storage view', () => {
      test.use({ startView: 'storage' })

      test('storage is a dense table, fullest first, sortable by name and use; almost full is marked in words', async ({ app }, testInfo) => {
        const table = app.getByRole('table', { name: 'Storage of Demo cluster' })
        const rows = table.locator('tbody tr')
        await expect(rows).toHaveCount(10)
        // Shared storage once, marked as shared; local storage with its node.
        await expect(table.locator('tr[data-storage="nfs-backup"]')).toHaveCount(1)
        await expect(table.locator('tr[data-storage="nfs-backup"] td').first()).toHaveText('shared')
        await expect(table.locator('tr[data-storage="nfs-backup"]')).toHaveAttribute('data-warn', 'true')
        await expect(table.locator('tr[data-storage="nfs-backup"]')).toContainText('almost full')
        await expect(table.locator('tr[data-storage="ceph-vm"]')).toHaveAttribute('data-warn', 'false')
        await expect(table.locator('tr[data-storage="local-zfs"][data-where="pve-c"]')).toHaveAttribute('data-warn', 'true')
        // Above the warning threshold: amber; nearly full (90 % and more) is red, warning or not.
        await expect(table.locator('tr[data-storage="nfs-backup"] .bar')).toHaveClass(/\bbar-warn\b/)
        await expect(table.locator('tr[data-storage="local-zfs"][data-where="pve-c"] [role="meter"]')).toHaveAttribute('aria-valuenow', /^9\d$/)
        await expect(table.locator('tr[data-storage="local-zfs"][data-where="pve-c"] .bar')).toHaveClass(/\bbar-high\b/)
        // One line per storage.
        for (const r of await rows.all()) expect((await r.boundingBox())?.height ?? 99).toBeLessThan(40)
        const uses = async (): Promise<number[]> =>
          Promise.all((await table.locator('tbody [role="meter"]').all()).map(async (m) => Number(await m.getAttribute('aria-valuenow'))))
        const byUse = await uses()
        expect(byUse).toEqual([...byUse].sort((a, b) => b - a))
        await table.getByRole('button', { name: /^Use/ }).click()
        const ascending = await uses()
        expect(ascending).toEqual([...byUse].sort((a, b) => a - b))
        await table.getByRole('button', { name: /^Storage/ }).click()
        const names = await table.locator('tbody th').allTextContents()
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
        await table.getByRole('button', { name: /^Use/ }).click()
        expect(await uses()).toEqual(byUse)
        await snap(app, testInfo, `storage-table-${size.width}`)
      })
    })

    test('the CPU sparkline spans the card, with its scale, and says the value and time under the pointer', async ({ app }, testInfo) => {
      const card = app.locator('.node-card[data-node="pve-a"]')
      const chart = card.locator('svg.sparkline')
      await expect(chart).toBeVisible()
      await expect(card.locator('.sparkline-scale')).toHaveText(/100 %\s*0 %/)
      await expect(card.locator('.sparkline-caption')).toHaveText(/^\d\d:\d\d.*CPU, last hour.*\d\d:\d\d$/)
      await expect(chart).toHaveAttribute('aria-label', /^CPU of pve-a, last hour: now \d+ %, peak \d+ %$/)
      const cb = await card.boundingBox()
      const sb = await chart.boundingBox()
      expect((sb?.width ?? 0) / (cb?.width ?? 1), 'the chart uses most of the card').toBeGreaterThan(0.7)
      await chart.hover({ position: { x: (sb?.width ?? 100) * 0.9, y: 10 } })
      await expect(card.getByTestId('sparkline-tip')).toHaveText(/^\d\d:\d\d:\d\d · \d+ %$/)
      await snap(app, testInfo, `sparkline-${size.width}`)
      await app.mouse.move(0, 0)
      await expect(card.getByTestId('sparkline-tip')).toBeHidden()
      // The keyboard reads the same values: focus shows the latest, arrows step, Home goes to the start.
      const tip = card.getByTestId('sparkline-tip')
      await chart.focus()
      await expect(tip).toHaveText(/^\d\d:\d\d:\d\d · \d+ %$/)
      const latest = await tip.textContent()
      await app.keyboard.press('ArrowLeft')
      await expect(tip).not.toHaveText(latest ?? '')
      await app.keyboard.press('Home')
      const start = (await card.locator('.sparkline-caption span').first().textContent()) ?? ''
      await expect(tip).toHaveText(new RegExp(`^${start}:\\d\\d · `))
      await expect(card.locator('.sparkline-area [aria-live="polite"]')).toHaveText(/^\d\d:\d\d:\d\d · \d+ %$/)
      await chart.blur()
      await expect(tip).toBeHidden()
    })

    test('a skip link is the first Tab stop and moves focus to the view; the page has an icon', async ({ app, bridge }, testInfo) => {
      await expect(app.locator('.node-card').first()).toBeVisible()
      await app.keyboard.press('Tab')
      const skip = app.getByRole('link', { name: 'Skip to main content' })
      await expect(skip).toBeFocused()
      await expect(skip).toBeInViewport()
      await snap(app, testInfo, `skip-link-${size.width}`)
      await app.keyboard.press('Enter')
      await expect(app.locator('main#main')).toBeFocused()
      // The link does not touch the URL fragment (it carries the bridge's token).
      expect(app.url()).not.toContain('#main')
      const href = await app.locator('link[rel="icon"]').getAttribute('href')
      expect(href).toBeTruthy()
      const icon = await app.request.get(new URL(href ?? '', bridge.url).href)
      expect(icon.status()).toBe(200)
      expect(icon.headers()['content-type']).toBe('image/png')
    })

    test.describe('on the first start', () => {
      test.use({ startView: null })

      test('one way forward: no demo banner or demo nodes while connecting, secret storage in plain words', async ({ app }, testInfo) => {
        await expect(app.getByRole('heading', { name: 'Connect a Proxmox VE cluster' })).toBeVisible()
        await expect(app.getByText('Demo mode.')).toHaveCount(0)
        await expect(app.getByRole('button', { name: 'Connect your cluster' })).toHaveCount(0)
        const nav = app.getByRole('navigation', { name: 'Views' })
        await expect(nav.getByRole('button', { name: /^pve-a/ })).toHaveCount(0)
        await expect(nav).not.toContainText(/demo/i)
        await expect(app.locator('body')).not.toContainText('aes-256-gcm-keyfile')
        // Where the secret will be kept: the words Settings uses, not a different (false) story.
        await expect(app.getByTestId('onboarding-keyring')).toContainText('encrypted with a key file')
        await expect(app.getByTestId('onboarding-keyring')).not.toContainText('obfuscated')
        await snap(app, testInfo, `first-start-${size.width}`)
        // Choosing the demo shows it, said to be simulated; settings say the storage in words.
        await app.getByRole('button', { name: 'Look at the demo first' }).click()
        await expect(app.getByText('Demo mode.')).toBeVisible()
        await expect(nav).toContainText('(simulated)')
        await nav.getByRole('button', { name: 'Settings' }).click()
        const keyring = app.getByTestId('keyring')
        await expect(keyring).toContainText('Secrets are not securely stored.')
        await expect(keyring).not.toContainText(/aes-|keyfile|basic_text|\(/)
        await expect(keyring.getByRole('alert')).toHaveCount(0)
        await snap(app, testInfo, `settings-keyring-${size.width}`)
      })
    })
  })
}

test.describe('around the wide-screen breakpoint', () => {
  test.use({ startView: 'guests', viewport: { width: 1520, height: 900 } })

  test('with the details open, no column is cut at 1500–1560 px: beside the table only when it still fits', async ({ app }, testInfo) => {
    await guestRow(app, 114).click()
    const detail = app.getByTestId('guest-detail')
    await expect(detail).toBeVisible()
    for (const width of [1500, 1510, 1520, 1530, 1540, 1560]) {
      await app.setViewportSize({ width, height: 900 })
      // Twice a frame: the resize, then the layout the container query picks.
      await app.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
      expect(await overflowX(app, '.guest-scroll'), `${width}: rows`).toBeLessThanOrEqual(0)
      expect(await overflowX(app, '.guest-header'), `${width}: header`).toBeLessThanOrEqual(0)
      const actions = await app.getByRole('columnheader', { name: 'Actions' }).boundingBox()
      const table = await app.getByRole('table', { name: 'Guests' }).boundingBox()
      expect((actions?.x ?? 0) + (actions?.width ?? 0), `${width}: Actions inside the table`).toBeLessThanOrEqual((table?.x ?? 0) + (table?.width ?? 0))
      await snap(app, testInfo, `guests-detail-${width}`)
    }
    // Both layouts were met: the panel overlays at 1500 and sits beside the table at 1560.
    await app.setViewportSize({ width: 1500, height: 900 })
    await expect.poll(() => panelPosition(app)).toBe('absolute')
    await app.setViewportSize({ width: 1560, height: 900 })
    await expect.poll(() => panelPosition(app)).toBe('static')
  })
})
