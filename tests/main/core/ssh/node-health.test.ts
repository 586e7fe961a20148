import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeExec } from '../../../../src/main/core/ssh/node-health'
import { collectNodeHealth } from '../../../../src/main/core/ssh/node-health'
import type { SshPool } from '../../../../src/main/core/ssh/ssh-pool'
import type { SshdServer } from '../../../helpers/sshd-server'
import { startSshd } from '../../../helpers/sshd-server'
import { makePool } from './pool-fixture'

let sshd: SshdServer
let pool: SshPool

beforeAll(async () => {
  sshd = await startSshd()
  pool = makePool(sshd, { resolveNodeAddress: async (node) => (node === 'pve1' ? '127.0.0.1' : undefined) })
})

afterAll(async () => {
  await pool?.closeAll()
  await sshd?.stop()
})

describe('collectNodeHealth over the real sshd', () => {
  it('reports what this host has and marks missing tools as not available', async () => {
    const exec: NodeExec = (argv, o) => pool.execOnNode('pve1', argv, o)
    const report = await collectNodeHealth('pve1', exec)
    expect(report.node).toBe('pve1')
    // This test machine is plain Debian: no Proxmox, no lm-sensors, no ZFS.
    expect(report.versions).toEqual({ status: 'not-available', reason: 'pveversion is not installed on this node.' })
    expect(report.temperatures.status).toBe('not-available')
    expect(report.zfsPools.status).toBe('not-available')
    expect(report.zfsStatus.status).toBe('not-available')
    expect(report.load.status).toBe('ok')
    if (report.load.status === 'ok') expect(report.load.value.load1).toBeGreaterThanOrEqual(0)
    expect(report.rootDisk.status).toBe('ok')
    if (report.rootDisk.status === 'ok') {
      expect(report.rootDisk.value.mountedOn).toBe('/')
      expect(report.rootDisk.value.totalBytes).toBeGreaterThan(0)
    }
  })

  it('turns a failing connection into per-probe errors, never a crash', async () => {
    const exec: NodeExec = (argv, o) => pool.execOnNode('nowhere', argv, o)
    const report = await collectNodeHealth('nowhere', exec)
    for (const p of [report.versions, report.load, report.temperatures, report.zfsPools, report.zfsStatus, report.rootDisk, report.services]) {
      expect(p.status).toBe('error')
      if (p.status === 'error') expect(p.reason).toMatch(/No address is known for node nowhere/)
    }
  })
})
