// HA and Ceph notifications through the one policy: an escalation (Ceph WARN → ERR, an HA resource from error to
// fence) is notified although the same kind was just notified; the same state again within the window is not.
import { describe, expect, it } from 'vitest'

import { decideNotifications, defaultNotificationPrefs, emptyDedupState } from '../../../../src/main/core/notify'
import { ev, T0 } from './events'

describe('HA and Ceph notifications', () => {
  it('Ceph WARN, then ERR: both notified; WARN again within the window: not again', () => {
    const prefs = defaultNotificationPrefs()
    const warn = ev('ceph-degraded', { severity: 'warning', detail: 'HEALTH_WARN', message: 'Ceph reports a warning: HEALTH_WARN: noout flag(s) set.' })
    const a = decideNotifications([warn], prefs, emptyDedupState, T0)
    expect(a.notifications.map((n) => n.title)).toEqual(['Ceph in Homelab: HEALTH_WARN'])
    const err = ev('ceph-degraded', { detail: 'HEALTH_ERR', message: 'Ceph reports an error: HEALTH_ERR: 2 osds down.' })
    const b = decideNotifications([err], prefs, a.state, T0 + 60_000)
    expect(b.notifications.map((n) => [n.title, n.body])).toEqual([['Ceph in Homelab: HEALTH_ERR', 'Ceph reports an error: HEALTH_ERR: 2 osds down.']])
    const again = decideNotifications([ev('ceph-degraded', { detail: 'HEALTH_WARN' })], prefs, b.state, T0 + 120_000)
    expect(again.notifications).toEqual([])
  })

  it('an HA resource in error, then fenced: two notifications naming the guest; two at once are one', () => {
    const prefs = defaultNotificationPrefs()
    const guest = { vmid: 102, kind: 'qemu' as const, name: 'db-prod-01' }
    const a = decideNotifications([ev('ha-problem', { guest, detail: 'error' })], prefs, emptyDedupState, T0)
    const b = decideNotifications([ev('ha-problem', { guest, detail: 'fence' })], prefs, a.state, T0 + 1000)
    expect([...a.notifications, ...b.notifications].map((n) => n.title)).toEqual(['VM 102 “db-prod-01”: HA error', 'VM 102 “db-prod-01”: HA fence'])
    const two = decideNotifications(
      [ev('ha-problem', { guest, detail: 'error' }), ev('ha-problem', { guest: { vmid: 200, kind: 'lxc', name: 'dns-01' }, detail: 'error' })],
      prefs,
      emptyDedupState,
      T0
    )
    expect(two.notifications.map((n) => n.title)).toEqual(['2 HA resources need attention in Homelab'])
  })
})
