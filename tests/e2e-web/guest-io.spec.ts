// Guests' disk and network rates: in the table where it has room (hidden at narrower widths like Tags),
// sortable, and in the details. Rates need two pvestatd readings (1 s apart in these tests): a running guest
// shows "—" until then, a stopped one shows nothing.
import { expect, guestRow, snap, test } from './fixtures'
import { axeViolations } from './view-checks'

test.use({ startView: 'guests', viewport: { width: 1680, height: 900 } })

const RATE = /^[RW↓↑] \d+(\.\d)? (B|KiB|MiB|GiB)\/s$/

test('running guests show disk read/write and network in/out rates, stopped ones nothing; the columns sort', async ({ app }, testInfo) => {
  const table = app.getByRole('table', { name: 'Guests' })
  await expect(table.getByRole('columnheader', { name: 'Disk I/O' })).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'Net I/O' })).toBeVisible()
  const disk = guestRow(app, 101).getByTestId('guest-diskio')
  const net = guestRow(app, 101).getByTestId('guest-netio')
  // Two readings of pvestatd, then real figures.
  await expect(disk.locator('.io-line').first()).toHaveText(RATE, { timeout: 10_000 })
  await expect(disk.locator('.io-line')).toHaveText([/^R /, /^W /])
  await expect(net.locator('.io-line')).toHaveText([RATE, RATE])
  await expect(net).toHaveAttribute('title', /^in .+\/s, out .+\/s$/)
  await expect(guestRow(app, 205).getByTestId('guest-diskio')).toHaveText('')
  await expect(guestRow(app, 205).getByTestId('guest-netio')).toHaveText('')
  // Busiest network first: a running guest leads, a stopped one comes last.
  await table.getByRole('button', { name: 'Net I/O' }).click()
  await table.getByRole('button', { name: 'Net I/O' }).click()
  await expect(table.getByRole('columnheader', { name: 'Net I/O' })).toHaveAttribute('aria-sort', 'descending')
  await expect(app.locator('.guest-row').first()).toHaveAttribute('data-state', 'running')
  expect(await axeViolations(app)).toEqual([])
  await snap(app, testInfo, 'guest-io-columns')
})

test('the details say the rates; with the details beside the table the columns give way to them', async ({ app }, testInfo) => {
  await guestRow(app, 101).click()
  const detail = app.getByTestId('guest-detail')
  await expect(detail.getByTestId('detail-diskio')).toHaveText(/^read .+\/s · write .+\/s$/)
  await expect(detail.getByTestId('detail-netio')).toHaveText(/^in \d.*\/s · out \d.*\/s$/, { timeout: 10_000 })
  await snap(app, testInfo, 'guest-io-details')
  // No room for both beside the details: the table keeps every other column, uncut.
  await expect(app.getByRole('columnheader', { name: 'Net I/O' })).toBeHidden()
  await expect(app.getByRole('columnheader', { name: 'Actions' })).toBeVisible()
  await guestRow(app, 205).click()
  await expect(detail.getByTestId('detail-diskio')).toHaveCount(0)
  await expect(detail.getByTestId('detail-netio')).toHaveCount(0)
})

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('the columns are hidden (the details still show the rates)', async ({ app }) => {
    await expect(guestRow(app, 101)).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'Disk I/O' })).toBeHidden()
    await expect(app.getByRole('columnheader', { name: 'Net I/O' })).toBeHidden()
    await guestRow(app, 101).click()
    await expect(app.getByTestId('guest-detail').getByTestId('detail-netio')).toHaveText(/^in \d.*\/s/, { timeout: 10_000 })
  })
})
