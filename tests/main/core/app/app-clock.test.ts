// The app core's injected clock is THE clock for mutes: `hour` mutes are set with it, judged by the
// monitors with it, and an `until-up` mute that lapses is forgotten with it (never Date.now).
import { readFileSync } from 'node:fs'

import { afterEach, describe, expect, it } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import type { SettingsView } from '../../../../src/shared/views'
import { clusterInput, type Harness, makeHarness, until } from './app-core-harness'

// Three hours behind the wall clock: any place that still reads Date.now disagrees with the app.
const OFFSET = -3 * 3_600_000
const appNow = (): number => Date.now() + OFFSET

let sim: Simulator | undefined
let h: Harness | undefined
afterEach(async () => {
  await h?.cleanup()
  await sim?.close()
  h = undefined
  sim = undefined
})

async function ok<T>(hh: Harness, channel: string, input: unknown): Promise<T> {
  const r = await hh.core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

const storedMutes = (hh: Harness): unknown[] => (JSON.parse(readFileSync(hh.settingsPath, 'utf8')) as { mutes: unknown[] }).mutes

async function startWithCluster(): Promise<{ hh: Harness; s: Simulator; clusterId: string }> {
  const s = (sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 100, offlineAfterMs: 100, seed: 4 }))
  const hh = (h = makeHarness({ now: appNow, timings: { taskPollMs: 50, pollIntervalMs: 150, connectTimeoutMs: 2000 } }))
  const v = await ok<SettingsView>(hh, 'settings:save-cluster', clusterInput(s))
  const clusterId = v.clusters[0]?.id ?? ''
  await hh.core.start()
  await until(() => hh.core.getState().clusters[0]?.fetchedAt != null)
  return { hh, s, clusterId }
}

describe('app core clock', () => {
  it('monitors judge an hour mute and stamp snapshots with the injected clock', async () => {
    const { hh, clusterId } = await startWithCluster()
    const node = hh.core.getState().clusters[0]?.nodes[0]?.name ?? ''
    await ok(hh, 'mute:set', { target: { clusterId, node }, mode: 'hour' })
    await ok(hh, 'clusters:refresh', { clusterId })
    const snap = await until(() => {
      const c = hh.core.getState().clusters[0]
      return c?.nodes.find((n) => n.name === node)?.muted !== undefined ? c : null
    })
    // Set at appNow()+1h: on the wall clock that lapsed 2 h ago, on the app's clock it has an hour to go.
    expect(snap.nodes.find((n) => n.name === node)?.muted?.mode).toBe('hour')
    expect(Math.abs((snap.fetchedAt ?? 0) - appNow())).toBeLessThan(60_000)
  })

  it('forgets an until-up mute once the node is back (cleared through the app core)', async () => {
    const { hh, s, clusterId } = await startWithCluster()
    const node = 'pve-c'
    expect(hh.core.getState().clusters[0]?.nodes.map((n) => n.name)).toContain(node)
    await ok(hh, 'mute:set', { target: { clusterId, node }, mode: 'until-up' })
    expect(storedMutes(hh)).toHaveLength(1)
    await s.faults.nodeDown(node, 'refuse')
    await until(() => hh.core.getState().clusters[0]?.nodes.find((n) => n.name === node)?.downSince != null, 15_000)
    await s.faults.nodeUp(node)
    await until(() => hh.core.getState().clusters[0]?.nodes.find((n) => n.name === node)?.muted === null, 15_000)
    // The settings document forgot it too (the monitor asked through onMuteCleared).
    await until(() => storedMutes(hh).length === 0)
    expect(hh.core.getState().events.filter((e) => e.node === node && (e.kind === 'node-down' || e.kind === 'node-up'))).toEqual([])
  })
})
