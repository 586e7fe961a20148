// A failed vzdump is its own event kind (backup-failed), raised instead of task-failed: one notification per
// failure, "Backup of VM 101 “db” failed: job errors", which a cluster's settings can turn off.
import { afterEach, describe, expect, it } from 'vitest'

import { MonitorCore } from '../../../../src/main/core/monitor/monitor-core'
import { decideNotifications, defaultNotificationPrefs, emptyDedupState } from '../../../../src/main/core/notify'
import { NODES3, resources, tasks } from './fixtures'
import { type Harness, smallCluster, startHarness } from './monitor-sim-harness'

const withBackupStorage = () => {
  const c = smallCluster()
  return {
    ...c,
    storages: [...c.storages, { storage: 'nfs-backup', plugintype: 'nfs' as const, content: 'backup', shared: true, maxdisk: 2 ** 40, used: 0.2 }]
  }
}

const T0 = 1_700_000_000_000

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('backup-failed on the simulator', () => {
  it('a failing vzdump is ONE backup-failed event (no task-failed) and ONE notification with Proxmox exit status', async () => {
    h = await startHarness({ sim: { cluster: withBackupStorage() } })
    await h.cyclesMore(7)
    const upid = h.sim.cluster.runBackup(101, { fail: 'vma_queue_write: write error - Broken pipe' })
    const hh = h
    await h.waitFor(() => hh.events('backup-failed').length > 0, 10_000, 'backup-failed')
    await h.cyclesMore(8)
    expect(h.events('task-failed')).toEqual([])
    const failed = h.events('backup-failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({
      node: 'pve-b',
      guest: { vmid: 101, kind: 'qemu', name: 'db' },
      detail: 'job errors',
      message: 'Backup of VM 101 (db) on pve-b, started by root@pam, failed'
    })
    expect(h.sim.cluster.tasks().find((t) => t.upid === upid)?.exitstatus).toBe('job errors')

    const prefs = defaultNotificationPrefs()
    const shown = decideNotifications(h.events(), prefs, emptyDedupState, Date.now()).notifications.filter((n) => /backup|task/i.test(n.title))
    expect(shown.map((n) => [n.title, n.body])).toEqual([['Backup failed in Integration', 'Backup of VM 101 “db” failed: job errors']])
    expect(shown[0]?.clickTarget).toEqual({ view: 'guests', clusterId: 'itest', vmid: 101 })

    // Opted out for this cluster: nothing, while the event stays in the timeline.
    const off = decideNotifications(h.events(), { ...prefs, backupAlertsOff: ['itest'] }, emptyDedupState, Date.now())
    expect(off.notifications.filter((n) => /backup|task/i.test(n.title))).toEqual([])
    // Another cluster's opt-out does not silence this one.
    const other = decideNotifications(h.events(), { ...prefs, backupAlertsOff: ['elsewhere'] }, emptyDedupState, Date.now())
    expect(other.notifications.some((n) => n.title === 'Backup failed in Integration')).toBe(true)
  })

  it('a successful backup raises nothing', async () => {
    h = await startHarness({ sim: { cluster: withBackupStorage() } })
    await h.cyclesMore(7)
    h.sim.cluster.runBackup(100)
    await h.cyclesMore(14)
    expect(h.events().filter((e) => e.kind === 'backup-failed' || e.kind === 'task-failed')).toEqual([])
  })
})

describe('backup-failed in the monitor core', () => {
  it("a whole job's failed vzdump (no single guest) says the node; other task types stay task-failed", () => {
    const core = new MonitorCore({ clusterId: 'c1', clusterName: 'Lab' }, T0)
    const poll = (at: number, list: Parameters<typeof tasks>[0]) =>
      core.observeSuccess(
        {
          resources: resources(NODES3, [{ vmid: 100, node: 'pve-a', name: 'web', status: 'running' }]),
          status: null,
          statusError: null,
          tasks: tasks(list),
          endpoint: 'h:1'
        },
        at
      )
    poll(T0, [])
    const out = poll(T0 + 60_000, [
      { type: 'vzdump', id: '', startSec: 100, endSec: 200, status: 'job errors' },
      { type: 'qmstart', id: '100', startSec: 100, endSec: 110, status: 'start failed' }
    ])
    expect(out.events.map((e) => e.kind)).toEqual(['backup-failed', 'task-failed'])
    expect(out.events[0]?.guest).toBeNull()
    const n = decideNotifications(out.events, defaultNotificationPrefs(), emptyDedupState, T0).notifications
    expect(n.map((x) => x.body)).toContain('Backup job on pve-a failed: job errors')
  })
})
