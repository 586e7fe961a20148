// Builds a real AppCore over temp files (JSON settings store, key-file vault) for tests, collecting
// every event it pushes and every URL it asks the platform to open.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { type AppCore, type AppCoreDeps, createAppCore } from '../../../../src/main/core'
import { createJsonFileSettingsStore } from '../../../../src/main/core/settings/json-file-settings-store'
import { type Simulator, type SimulatorOptions, startSimulator } from '../../../../src/main/core/simulator'
import { createEncryptedVault } from '../../../../src/main/core/vault/encrypted-vault'
import { createJsonFileRecordStore, createKeyFileCipherBackend } from '../../../../src/main/core/vault/key-file-backend'
import type { EventChannel } from '../../../../src/shared/ipc/contract'
import type { SettingsView } from '../../../../src/shared/views'
import { waitFor } from '../../../helpers/wait-for'

export interface Harness {
  readonly core: AppCore
  readonly dir: string
  readonly settingsPath: string
  readonly secretsPath: string
  readonly events: { channel: EventChannel; payload: unknown }[]
  readonly opened: string[]
  cleanup(): Promise<void>
}

export function makeHarness(extra: Partial<AppCoreDeps> = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'pvetray-core-'))
  const settingsPath = join(dir, 'settings.json')
  const secretsPath = join(dir, 'secrets.json')
  const opened: string[] = []
  const core = createAppCore({
    settingsStore: createJsonFileSettingsStore(settingsPath),
    vault: createEncryptedVault(createKeyFileCipherBackend(join(dir, 'vault.key')), createJsonFileRecordStore(secretsPath)),
    platform: {
      openExternal: async (url) => void opened.push(url),
      setStartAtLogin: async () => undefined
    },
    startDemo: async () => {
      throw new Error('no demo in this test')
    },
    timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000 },
    ...extra
  })
  const events: { channel: EventChannel; payload: unknown }[] = []
  for (const ch of ['state:changed', 'task:progress', 'ssh:state', 'ui:navigate'] as const) core.on(ch, (payload) => events.push({ channel: ch, payload }))
  return {
    core,
    dir,
    settingsPath,
    secretsPath,
    events,
    opened,
    async cleanup() {
      await core.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export function clusterInput(
  sim: Simulator,
  opts: { name?: string; mode?: 'monitor' | 'control'; tokenId?: string; tokenSecret?: string } = {}
): Record<string, unknown> {
  return {
    name: opts.name ?? 'Lab',
    mode: opts.mode ?? 'control',
    endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
    tokenId: opts.tokenId ?? sim.tokens.admin.id,
    tokenSecret: opts.tokenSecret ?? sim.tokens.admin.secret
  }
}

export async function until<T>(fn: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  // Boxed: 0 and '' are answers here, not "not yet" as they are for the shared helper.
  const box = await waitFor(
    () => {
      const v = fn()
      return v === undefined || v === null || v === false ? undefined : { v }
    },
    { timeoutMs, intervalMs: 20 }
  )
  return box.v
}

/** A simulator, an app core watching it as a configured cluster, and that cluster's id, once its guests are in. */
export async function startWatchedCluster(
  simOptions: SimulatorOptions,
  extra: Partial<AppCoreDeps> = {}
): Promise<{ sim: Simulator; h: Harness; clusterId: string }> {
  const sim = await startSimulator(simOptions)
  const h = makeHarness(extra)
  await h.core.start()
  const r = await h.core.dispatch('settings:save-cluster', clusterInput(sim))
  if (!r.ok) throw new Error(r.error.message)
  const clusterId = (r.value as SettingsView).clusters[0]?.id ?? ''
  await until(() => (h.core.getState().clusters[0]?.guests.length ?? 0) > 0)
  return { sim, h, clusterId }
}
