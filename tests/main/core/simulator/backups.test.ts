// The simulator's backups: archives listed per storage as Storage/Content.pm does, the guests no backup job
// covers, and vzdump tasks (the test controls runBackup / setBackupCovered) as pve-manager runs them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { call, get, waitTask } from './sim-client'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 60 })
})
afterAll(() => sim.close())

interface Volume {
  volid: string
  vmid: number
  ctime: number
  format: string
  content: string
}

describe('backups in the simulator (demo cluster)', () => {
  test('a shared backup storage lists the same archives from every node, with the owner vmid and ctime', async () => {
    const fromA = await get<Volume[]>(sim, '/nodes/pve-a/storage/nfs-backup/content?content=backup', 'pve-a')
    const fromD = await get<Volume[]>(sim, '/nodes/pve-d/storage/nfs-backup/content?content=backup', 'pve-d')
    expect(fromA.map((v) => v.volid).sort()).toEqual(fromD.map((v) => v.volid).sort())
    const v102 = fromA.find((v) => v.vmid === 102)
    expect(v102?.volid).toMatch(/^nfs-backup:backup\/vzdump-qemu-102-\d{4}_\d\d_\d\d-\d\d_\d\d_\d\d\.vma\.zst$/)
    expect(v102?.content).toBe('backup')
    expect(Math.abs((v102?.ctime ?? 0) - (Date.now() / 1000 - 6 * 3600))).toBeLessThan(3600)
    // Never backed up: the guests left out of the job and hibernated-lab.
    for (const vmid of [105, 115, 205, 9001]) expect(fromA.some((v) => v.vmid === vmid)).toBe(false)
  })

  test("a node's local storage lists only that node's archives; a storage not on the node is Proxmox's 500", async () => {
    const localA = await get<Volume[]>(sim, '/nodes/pve-a/storage/local/content?content=backup', 'pve-a')
    expect(localA.map((v) => v.vmid).sort()).toEqual([100, 108])
    expect(await get<Volume[]>(sim, '/nodes/pve-b/storage/local/content?content=backup', 'pve-b')).toEqual([])
    const r = await call(sim, 'GET', '/nodes/pve-a/storage/local-zfs/content?content=backup', { node: 'pve-a' })
    expect(r.status).toBe(500)
    expect(r.reason).toBe("storage 'local-zfs' is not available on node 'pve-a'")
    expect((await call(sim, 'GET', '/nodes/pve-a/storage/nope/content', { node: 'pve-a' })).reason).toBe("storage 'nope' does not exist")
  })

  test('listing a storage needs Datastore.Audit (or AllocateSpace) on it; not-backed-up needs Sys.Audit on /', async () => {
    const r = await call(sim, 'GET', '/nodes/pve-a/storage/nfs-backup/content?content=backup', { node: 'pve-a', token: sim.tokens.noPrivs })
    expect(r.status).toBe(403)
    expect(r.reason).toBe('Permission check failed (/storage/nfs-backup, Datastore.Audit|Datastore.AllocateSpace)')
    const n = await call(sim, 'GET', '/cluster/backup-info/not-backed-up', { token: sim.tokens.operator })
    expect(n.status).toBe(403)
    expect(n.reason).toBe('Permission check failed (/, Sys.Audit)')
  })

  test('not-backed-up lists the guests no job covers; setBackupCovered moves a guest in and out', async () => {
    const before = await get<{ vmid: number; type: string; name: string }[]>(sim, '/cluster/backup-info/not-backed-up')
    expect(before).toEqual([
      { vmid: 105, type: 'qemu', name: 'win-build' },
      { vmid: 205, type: 'lxc', name: 'test-ct' },
      { vmid: 9001, type: 'qemu', name: 'ubuntu-2404-template' }
    ])
    sim.cluster.setBackupCovered(207, false)
    sim.cluster.setBackupCovered(105, true)
    const after = await get<{ vmid: number }[]>(sim, '/cluster/backup-info/not-backed-up')
    expect(after.map((g) => g.vmid)).toEqual([205, 207, 9001])
    sim.cluster.setBackupCovered(207, true)
    sim.cluster.setBackupCovered(105, false)
  })

  test('runBackup: an OK vzdump adds an archive; a failing one ends "job errors" with the reason in its log', async () => {
    const ok = sim.cluster.runBackup(115)
    expect(await waitTask(sim, ok)).toMatchObject({ status: 'stopped', exitstatus: 'OK', type: 'vzdump', id: '115' })
    const vols = await get<Volume[]>(sim, '/nodes/pve-a/storage/nfs-backup/content?content=backup&vmid=115', 'pve-a')
    expect(vols).toHaveLength(1)

    const bad = sim.cluster.runBackup(102, { fail: 'vma_queue_write: write error - Broken pipe' })
    expect(await waitTask(sim, bad)).toMatchObject({ exitstatus: 'job errors', id: '102' })
    const log = await call(sim, 'GET', `/nodes/pve-a/tasks/${encodeURIComponent(bad)}/log?start=0&limit=50`, { node: 'pve-a' })
    const lines = (log.json as { data: { n: number; t: string }[] }).data.map((l) => l.t)
    expect(lines).toContain('ERROR: Backup of VM 102 failed - vma_queue_write: write error - Broken pipe')
    expect(lines.at(-1)).toBe('TASK ERROR: job errors')
  })

  test('a cluster without a backup job: every guest is "not backed up"', async () => {
    const bare = await startSimulator({
      authDelayMs: 20,
      cluster: {
        name: 'bare',
        nodes: [{ name: 'n1', level: '', maxcpu: 4, maxmem: 2 ** 33, maxdisk: 2 ** 36 }],
        guests: [{ vmid: 100, type: 'qemu', node: 'n1', name: 'a', status: 'running', maxcpu: 1, maxmem: 2 ** 30, maxdisk: 2 ** 33 }],
        storages: [],
        pools: []
      }
    })
    try {
      expect(await get(bare, '/cluster/backup-info/not-backed-up')).toEqual([{ vmid: 100, type: 'qemu', name: 'a' }])
    } finally {
      await bare.close()
    }
  })
})
