// A cluster whose stored secret cannot be decrypted (here: the vault key changed, as when the system
// keyring changes or the profile is copied to another computer) stays visible as "secret cannot be read:
// enter it again", raises ONE event, and is monitored again as soon as the secret is entered.
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AppCore, createAppCore } from '../../../../src/main/core'
import { decideNotifications, defaultNotificationPrefs, emptyDedupState } from '../../../../src/main/core/notify'
import { createJsonFileSettingsStore } from '../../../../src/main/core/settings/json-file-settings-store'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { createEncryptedVault } from '../../../../src/main/core/vault/encrypted-vault'
import { createJsonFileRecordStore, createKeyFileCipherBackend } from '../../../../src/main/core/vault/key-file-backend'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import type { SettingsView } from '../../../../src/shared/views'
import { clusterInput, until } from './app-core-harness'

let sim: Simulator
let dir: string
const cores: AppCore[] = []

function core(events: MonitorEvent[] = []): AppCore {
  const c = createAppCore({
    settingsStore: createJsonFileSettingsStore(join(dir, 'settings.json')),
    vault: createEncryptedVault(createKeyFileCipherBackend(join(dir, 'vault.key')), createJsonFileRecordStore(join(dir, 'secrets.json'))),
    platform: { openExternal: async () => undefined, setStartAtLogin: async () => undefined },
    startDemo: async () => {
      throw new Error('no demo in this test')
    },
    timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000 }
  })
  c.onMonitorEvent((e) => void events.push(e))
  cores.push(c)
  return c
}

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 10 })
  dir = mkdtempSync(join(tmpdir(), 'pvetray-unreadable-'))
}, 60_000)

afterAll(async () => {
  for (const c of cores) await c.stop()
  await sim?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('a cluster whose token secret cannot be read', () => {
  it('stays in the list, the state and the tray as "enter it again", with one event, and recovers when entered', async () => {
    const first = core()
    await first.start()
    const saved = await first.dispatch('settings:save-cluster', clusterInput(sim))
    expect(saved.ok).toBe(true)
    const id = saved.ok ? ((saved.value as SettingsView).clusters[0]?.id ?? '') : ''
    await until(() => first.getState().clusters[0]?.nodes.length)
    await first.stop()

    // Another keyring: the stored ciphertext no longer decrypts.
    unlinkSync(join(dir, 'vault.key'))
    const events: MonitorEvent[] = []
    const second = core(events)
    await second.start()
    const snap = second.getState().clusters.find((c) => c.clusterId === id)
    expect(snap).toMatchObject({ health: 'auth', summary: 'Token secret cannot be read: enter it again', nodes: [], stale: true })
    expect(snap?.lastError?.message).toMatch(/cannot be read.*Enter it again in Settings/)
    expect(second.settings().clusters[0]).toMatchObject({ id, hasTokenSecret: false })
    // One event, and it notifies in words that fit (not "token rejected").
    expect(events.map((e) => e.kind)).toEqual(['auth-failed'])
    const n = decideNotifications(events, defaultNotificationPrefs(), emptyDedupState, Date.now()).notifications
    expect(n.map((x) => x.title)).toEqual([expect.stringMatching(/enter the token secret again/)])
    expect(n[0]?.body).toMatch(/cannot be read/)
    // Another settings change reconciles again: still one event.
    await second.dispatch('settings:update', { pollIntervalSec: 30 })
    await new Promise((r) => setTimeout(r, 100))
    expect(events).toHaveLength(1)
    expect(second.getState().events.filter((e) => e.clusterId === id)).toHaveLength(1)

    // Entering the secret again (same endpoints) brings monitoring back.
    const again = await second.dispatch('settings:save-cluster', { ...clusterInput(sim), id })
    expect(again.ok, JSON.stringify(again)).toBe(true)
    await until(() => (second.getState().clusters.find((c) => c.clusterId === id)?.nodes.length ?? 0) > 0)
    expect(second.getState().clusters.find((c) => c.clusterId === id)?.health).not.toBe('auth')
  })
})
