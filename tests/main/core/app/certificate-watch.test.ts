// Every pinned endpoint's certificate is checked even while another endpoint answers the polls: a node
// presenting another certificate raises ONE event and notification naming the node with both fingerprints,
// the snapshot lists it, and "trust the new certificate" pins only what the node presents now, keeping the
// stored token secret (same token, same endpoint, new pin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { decideNotifications, defaultNotificationPrefs, emptyDedupState } from '../../../../src/main/core/notify'
import type { Simulator } from '../../../../src/main/core/simulator'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import type { SettingsView } from '../../../../src/shared/views'
import { type Harness, startWatchedCluster, until } from './app-core-harness'

let sim: Simulator
let h: Harness
let clusterId = ''
const events: MonitorEvent[] = []

beforeAll(async () => {
  ;({ sim, h, clusterId } = await startWatchedCluster(
    { authDelayMs: 20, seed: 6 },
    { timings: { taskPollMs: 50, pollIntervalMs: 60_000, connectTimeoutMs: 2000, certificateCheckMs: 300 } }
  ))
  h.core.onMonitorEvent((e) => void events.push(e))
}, 60_000)

afterAll(async () => {
  await h?.cleanup()
  await sim?.close()
})

const cluster = () => h.core.getState().clusters.find((c) => c.clusterId === clusterId)

describe('the certificate watch', () => {
  it('a node presenting another certificate: one event and notification with both fingerprints, listed in the snapshot', async () => {
    const b = sim.endpoints.find((e) => e.node === 'pve-b')
    const pinned = b?.fingerprint256 ?? ''
    await sim.faults.rotateCertificate('pve-b')
    const presented = sim.endpoints.find((e) => e.node === 'pve-b')?.fingerprint256 ?? ''
    expect(presented).not.toBe(pinned)
    const m = await until(() => cluster()?.certificateMismatches?.[0], 5000)
    expect(m).toEqual({ host: b?.host, port: b?.port, node: 'pve-b', pinned, presented })
    await new Promise((r) => setTimeout(r, 1000)) // several more rounds
    const changed = events.filter((e) => e.kind === 'certificate-changed')
    expect(changed).toHaveLength(1)
    expect(changed[0]?.node).toBe('pve-b')
    const [n] = decideNotifications(changed, defaultNotificationPrefs(), emptyDedupState, Date.now()).notifications
    expect(n?.title).toMatch(/pve-b presents another certificate/)
    expect(n?.body).toContain(pinned)
    expect(n?.body).toContain(presented)
    expect(n?.urgency).toBe('critical')
  })

  it('trusting pins only what the node presents now, and keeps the token secret', async () => {
    const b = sim.endpoints.find((e) => e.node === 'pve-b')
    const wrong = 'AB:'.repeat(31) + 'CD'
    const refused = await h.core.dispatch('settings:trust-certificate', { clusterId, host: b?.host, port: b?.port, fingerprint256: wrong })
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } })
    // In lower case and without colons, as users paste it.
    const typed = (b?.fingerprint256 ?? '').replace(/:/g, '').toLowerCase()
    const r = await h.core.dispatch('settings:trust-certificate', { clusterId, host: b?.host, port: b?.port, fingerprint256: typed })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    const saved = (r.ok ? r.value : null) as SettingsView
    expect(saved.clusters[0]?.endpoints.find((e) => e.node === 'pve-b')?.fingerprint256).toBe(b?.fingerprint256)
    expect(saved.clusters[0]?.hasTokenSecret).toBe(true)
    await until(() => (cluster()?.nodes.length ?? 0) > 0 && (cluster()?.certificateMismatches ?? []).length === 0, 5000)
  })
})
