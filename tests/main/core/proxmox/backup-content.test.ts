// The client's backup calls over the wire against the simulator, and their lenient reading: an archive without an
// owner vmid or creation time is dropped (the others still count), a wrong shape is a clear error.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { PveClient } from '../../../../src/main/core/proxmox'
import { backupVolumesSchema, notBackedUpSchema } from '../../../../src/main/core/proxmox/backup-content'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'

let sim: Simulator
let client: PveClient

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 60 })
  client = simClient(sim, sim.tokens.admin).client
})
afterAll(async () => {
  await client.close()
  await sim.close()
})

describe('backup calls against the simulator', () => {
  test('backupVolumes asks the named node for content=backup; notBackedUp lists the uncovered guests', async () => {
    const vols = await client.backupVolumes('pve-d', 'nfs-backup')
    expect(vols.find((v) => v.vmid === 102)).toMatchObject({ volid: expect.stringMatching(/^nfs-backup:backup\//) as string })
    expect(sim.requests({ path: /\/nodes\/pve-d\/storage\/nfs-backup\/content$/ }).at(-1)?.query).toContain('content=backup')
    expect((await client.notBackedUp()).map((g) => g.vmid)).toEqual([105, 205, 9001])
  })

  test('a storage id that is not one is refused before any request', async () => {
    await expect(client.backupVolumes('pve-a', '../etc')).rejects.toMatchObject({ kind: 'invalid-argument' })
  })

  test('a broken answer is a clear error', async () => {
    const f = sim.faults.malformedJson({ path: /\/content$/ })
    try {
      await expect(client.backupVolumes('pve-a', 'nfs-backup')).rejects.toMatchObject({ kind: 'malformed' })
    } finally {
      f.remove()
    }
  })
})

describe('reading backup answers leniently', () => {
  test('archives without an owner or a time are dropped; numeric strings are read', () => {
    const r = backupVolumesSchema.parse([
      { volid: 'a:backup/x', vmid: 100, ctime: 1700000000, size: 5 },
      { volid: 'a:backup/y', vmid: '101', ctime: '1700000001' },
      { volid: 'a:backup/z', ctime: 1700000002 },
      { volid: 'a:backup/w', vmid: 102 },
      null
    ])
    expect(r).toEqual([
      { volid: 'a:backup/x', vmid: 100, ctime: 1700000000, size: 5 },
      { volid: 'a:backup/y', vmid: 101, ctime: 1700000001, size: null }
    ])
    expect(backupVolumesSchema.safeParse({ data: [] }).success).toBe(false)
    expect(
      notBackedUpSchema.parse([
        { vmid: 100, type: 'qemu' },
        { vmid: 101, type: 'openvz' }
      ])
    ).toEqual([{ vmid: 100, type: 'qemu', name: null }])
  })
})
