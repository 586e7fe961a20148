// HA and Ceph on the overview against the demo cluster (8 HA guests, Ceph with noout set): the HA manager and
// each resource, Ceph's health with its checks; a resource set to error in the simulator, and Ceph turning ERR
// then OK, reach the panel, the guest's details and the timeline; a cluster that stops answering shows both as
// "not known", never OK. Screenshots and axe (checkView) at each step.
import { expect, guestRow, snap, test } from './fixtures'
import { checkView } from './view-checks'

// HA and Ceph are read every 6th poll (1 s here) and when an HA state changes.
const SLOW = { timeout: 20_000 }

test('the overview shows the HA manager with its resources and Ceph health with its checks', async ({ app }, testInfo) => {
  const ha = app.getByTestId('ha-panel')
  await expect(ha.getByTestId('ha-manager')).toContainText('Manager on pve-a: active', SLOW)
  await expect(ha.getByTestId('ha-manager')).toContainText('8 resources, none in error')
  await expect(ha.getByTestId('ha-vm:102')).toHaveText('vm:102 started on pve-a')
  await expect(ha.getByTestId('ha-vm:114')).toHaveText('vm:114 stopped on pve-c')
  const ceph = app.getByTestId('ceph-panel')
  await expect(ceph.getByTestId('ceph-health')).toContainText('HEALTH_WARN (warning)')
  await expect(ceph.getByTestId('ceph-checks')).toContainText('noout flag(s) set (OSDMAP_FLAGS)')
  await expect(app.locator('.timeline-item[data-kind="ceph-degraded"]').first()).toContainText('noout flag(s) set')
  await checkView(app, testInfo, 'overview-ha-ceph')
})

test('an HA resource in error and Ceph turning ERR then OK reach the panel, the guest and the timeline', async ({ app, bridge }, testInfo) => {
  const sim = bridge.sim
  expect(sim).toBeDefined()
  if (!sim) return
  await expect(app.getByTestId('ha-manager')).toBeVisible(SLOW)
  sim.cluster.updateGuest(102, { hastate: 'error' })
  sim.cluster.setCeph({ health: 'HEALTH_ERR', checks: { OSD_DOWN: { severity: 'HEALTH_ERR', summary: '2 osds down', count: 2 } } })
  await expect(app.getByTestId('ha-vm:102')).toHaveText('vm:102 error (requested started) on pve-a', SLOW)
  await expect(app.getByTestId('ha-manager')).toContainText('1 of 8 resources need attention')
  await expect(app.locator('.timeline-item[data-kind="ha-problem"]').first()).toContainText('VM 102 (db-prod-01) on pve-a is in HA state error')
  await expect(app.getByTestId('ceph-health')).toContainText('HEALTH_ERR (error)', SLOW)
  await expect(app.getByTestId('ceph-checks')).toContainText('2 osds down (OSD_DOWN)')
  await expect(app.locator('.timeline-item[data-kind="ceph-degraded"]').first()).toContainText('Ceph reports an error: HEALTH_ERR: 2 osds down.')
  await snap(app, testInfo, 'overview-ha-error-ceph-err')

  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Guests' }).click()
  await guestRow(app, 102).click()
  await expect(app.getByTestId('detail-ha')).toHaveText('error (requested started) — the HA manager needs you: see the HA panel on the overview')
  await checkView(app, testInfo, 'guest-detail-ha-error')

  sim.cluster.updateGuest(102, { hastate: 'started' })
  sim.cluster.setCeph({ health: 'HEALTH_OK' })
  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click()
  await expect(app.getByTestId('ha-vm:102')).toHaveText('vm:102 started on pve-a', SLOW)
  await expect(app.locator('.timeline-item[data-kind="ha-recovered"]').first()).toContainText('left HA state error')
  await expect(app.getByTestId('ceph-health')).toContainText('HEALTH_OK (healthy)', SLOW)
  await expect(app.getByTestId('ceph-checks')).toHaveCount(0)
  await expect(app.locator('.timeline-item[data-kind="ceph-ok"]').first()).toContainText('Ceph is healthy again')
  await snap(app, testInfo, 'overview-ha-ceph-recovered')
})

test('a cluster that stops answering shows HA and Ceph as not known, never OK', async ({ app, bridge }, testInfo) => {
  await expect(app.getByTestId('ceph-health')).toBeVisible(SLOW)
  bridge.sim?.faults.serverError(500, { path: /\/cluster\/resources$/ }, 'pveproxy is broken')
  await expect(app.getByTestId('ha-unknown')).toContainText('HA status not known. Not known now:', SLOW)
  await expect(app.getByTestId('ha-manager')).toContainText('As last read: Manager on pve-a')
  await expect(app.getByTestId('ceph-unknown')).toContainText('Ceph health not known.')
  await expect(app.getByTestId('ceph-health')).toHaveCount(0)
  await snap(app, testInfo, 'overview-ha-ceph-unknown')
})
