// The per-cluster opt-out of backup-failure notifications: saved with the cluster (validated by the same zod
// schema as the rest), kept when a save leaves it out, read back after a restart, and a damaged value drops
// only that field (notifications stay on), never the cluster.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createJsonFileSettingsStore } from '../../../../src/main/core/settings/json-file-settings-store'
import { loadSettings } from '../../../../src/main/core/settings/load-settings'
import { createSettingsService } from '../../../../src/main/core/settings/settings-service'
import { notifyPrefsFrom } from '../../../../src/main/core/tray/notification-inputs'
import { clusterInputSchema } from '../../../../src/shared/ipc/schemas'
import type { AppState } from '../../../../src/shared/views'
import { memoryVault } from '../../../helpers/memory-vault'

const FP = 'AB:'.repeat(31) + 'CD'
const base = {
  name: 'Lab',
  mode: 'monitor' as const,
  endpoints: [{ host: '10.0.0.1', port: 8006, node: 'pve1', fingerprint256: FP }],
  tokenId: 'tray@pve!tray',
  tokenSecret: 'secret-1'
}

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pvetray-backup-alerts-'))
  file = join(dir, 'settings.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const open = () => {
  const store = createJsonFileSettingsStore(file)
  return createSettingsService({ store, vault: memoryVault(), loaded: loadSettings(store) })
}

describe('backup-failure notifications, per cluster', () => {
  it('on for a new cluster; turned off, it is persisted, kept by a save that leaves it out, and reaches the notification prefs', () => {
    const svc = open()
    const id = svc.saveCluster(base).id
    expect(svc.view().clusters[0]?.backupFailureAlerts).toBe(true)
    svc.saveCluster({ ...base, id, backupFailureAlerts: false })
    expect(svc.view().clusters[0]?.backupFailureAlerts).toBe(false)
    svc.saveCluster({ ...base, id, name: 'Lab 2' })
    expect(svc.view().clusters[0]).toMatchObject({ name: 'Lab 2', backupFailureAlerts: false })
    expect((JSON.parse(readFileSync(file, 'utf8')) as { clusters: { backupFailureAlerts?: boolean }[] }).clusters[0]?.backupFailureAlerts).toBe(false)

    const again = open()
    expect(again.view().clusters[0]?.backupFailureAlerts).toBe(false)
    const state = { clusters: [], notificationsPausedUntil: null } as unknown as AppState
    expect(notifyPrefsFrom(again.view(), state).backupAlertsOff).toEqual([id])
    again.saveCluster({ ...base, id, backupFailureAlerts: true })
    expect(notifyPrefsFrom(again.view(), state).backupAlertsOff).toEqual([])
  })

  it('the renderer input is validated by zod: a non-boolean is refused', () => {
    expect(clusterInputSchema.safeParse({ ...base, backupFailureAlerts: 'no' }).success).toBe(false)
    expect(clusterInputSchema.safeParse({ ...base, backupFailureAlerts: false }).success).toBe(true)
  })

  it('a damaged value in the file drops that field only: the cluster stays, notifications stay on', () => {
    const cluster = {
      id: 'lab',
      name: 'Lab',
      mode: 'monitor',
      endpoints: [{ host: '10.0.0.1', port: 8006, node: null, fingerprint256: FP }],
      tokenId: 'tray@pve!tray',
      caPem: null,
      ssh: null
    }
    writeFileSync(
      file,
      JSON.stringify({ version: 2, clusters: [{ ...cluster, backupFailureAlerts: 'off' }], notifications: { enabled: {}, pausedUntil: null } })
    )
    const svc = open()
    expect(svc.view().clusters.map((c) => [c.id, c.backupFailureAlerts])).toEqual([['lab', true]])
  })
})
