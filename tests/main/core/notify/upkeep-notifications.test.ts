// The node upkeep's notifications: a certificate nearing expiry and a failing replication job, each leading to
// the node's page, on by default, with Proxmox's error as inert text; several in one batch become one.
import { describe, expect, it } from 'vitest'

import { decideNotifications, defaultNotificationPrefs, emptyDedupState } from '../../../../src/main/core/notify'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import { ev, T0 } from './events'

const decide = (events: MonitorEvent[]) => decideNotifications(events, defaultNotificationPrefs(), emptyDedupState, T0).notifications

describe('upkeep notifications', () => {
  it('a certificate 30 days before expiry: one notification that leads to the node', () => {
    const n = decide([
      ev('certificate-expiring', { node: 'pve-b', severity: 'warning', message: 'The certificate of pve-b (pve-ssl.pem) expires in 29 days, on 2027-01-04.' })
    ])
    expect(n).toEqual([
      expect.objectContaining({
        title: 'Homelab: certificate of pve-b',
        body: 'The certificate of pve-b (pve-ssl.pem) expires in 29 days, on 2027-01-04.',
        urgency: 'normal',
        silent: false,
        clickTarget: { view: 'node', clusterId: 'c1', node: 'pve-b' }
      })
    ])
  })

  it('several nodes at once: one notification naming them', () => {
    const n = decide([ev('certificate-expiring', { node: 'pve-a' }), ev('certificate-expiring', { node: 'pve-b' })])
    expect(n).toHaveLength(1)
    expect(n[0]).toMatchObject({ title: 'Homelab: 2 node certificates expire soon', body: "pve-a and pve-b: see each node's page." })
  })

  it('a failing replication job: the job and Proxmox’s error, as inert text, leading to the node', () => {
    const n = decide([
      ev('replication-failed', {
        node: 'pve-c',
        guest: { vmid: 103, kind: 'qemu', name: 'db-replica' },
        message: 'Replication job 103-0 of VM 103 (db-replica) from pve-c to pve-d failed 4 times in a row; last successful sync 1 h 5 min ago.',
        detail: 'command failed: exit code 255 <script>'
      })
    ])
    expect(n).toHaveLength(1)
    expect(n[0]?.title).toBe('Replication failed in Homelab')
    expect(n[0]?.body).toMatch(/^Replication job 103-0 of VM 103 \(db-replica\) from pve-c to pve-d failed 4 times in a row/)
    expect(n[0]?.body).toContain('exit code 255 \u2039script\u203A')
    expect(n[0]?.clickTarget).toEqual({ view: 'node', clusterId: 'c1', node: 'pve-c' })
  })

  it('both kinds are on by default and can be turned off', () => {
    const p = defaultNotificationPrefs()
    expect(p.enabled['certificate-expiring']).toBe(true)
    expect(p.enabled['replication-failed']).toBe(true)
    const off = { ...p, enabled: { ...p.enabled, 'replication-failed': false } }
    expect(decideNotifications([ev('replication-failed', { node: 'pve-c' })], off, emptyDedupState, T0).notifications).toEqual([])
  })
})
