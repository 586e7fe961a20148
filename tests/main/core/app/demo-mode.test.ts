import { existsSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import type { DemoCluster } from '../../../../src/main/core'
import { startDefaultDemo } from '../../../../src/main/core'
import { pveumCommands } from '../../../../src/shared/pveum-commands'
import type { NodeHealthReport, SshHostState, SshTestResult } from '../../../../src/shared/views'
import { type Harness, makeHarness, until } from './app-core-harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.cleanup()
  h = undefined
})

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port })
    s.once('connect', () => (s.destroy(), resolve(true)))
    s.once('error', () => resolve(false))
  })
}

describe('demo mode', () => {
  it('runs the built-in simulator when no cluster is configured, and closes it on stop', async () => {
    let demo: DemoCluster | undefined
    h = makeHarness({ startDemo: async () => (demo = await startDefaultDemo({ authDelayMs: 20, taskDurationMs: 100 })) })
    await h.core.start()
    const state = await until(() => {
      const s = h?.core.getState()
      return s?.clusters[0]?.fetchedAt != null ? s : null
    })
    expect(state.demo).toBe(true)
    expect(state.clusters[0]?.demo).toBe(true)
    expect(state.clusters[0]?.guests.length).toBeGreaterThan(0)
    expect(JSON.stringify(state)).not.toContain(demo?.tokenSecret)
    const port = demo?.endpoints[0]?.port ?? 0
    expect(await portOpen(port)).toBe(true)
    await h.core.stop()
    expect(await portOpen(port)).toBe(false)
    expect(h.core.getState().clusters).toEqual([])
  })
})

describe('demo mode: mute and "notify when down"', () => {
  it('work for the demo cluster through dispatch, reach its monitor, and never touch the settings file', async () => {
    h = makeHarness({
      startDemo: () => startDefaultDemo({ authDelayMs: 20, taskDurationMs: 100 }),
      timings: { taskPollMs: 50, pollIntervalMs: 200, connectTimeoutMs: 2000 }
    })
    await h.core.start()
    const first = await until(() => {
      const c = h?.core.getState().clusters[0]
      return c?.fetchedAt != null && c.guests.length > 0 ? c : null
    })
    const g = first.guests[0]
    const node = first.nodes[0]?.name
    if (g === undefined || node === undefined) throw new Error('demo cluster has no guest or node')
    const clusterId = first.clusterId

    const alerts = await h.core.dispatch('guests:set-alerts', { clusterId, vmid: g.vmid, enabled: !g.alerts })
    expect(alerts).toEqual({ ok: true, value: null })
    const muteGuest = await h.core.dispatch('mute:set', { target: { clusterId, vmid: g.vmid }, mode: 'always' })
    expect(muteGuest).toEqual({ ok: true, value: null })
    const muteNode = await h.core.dispatch('mute:set', { target: { clusterId, node }, mode: 'hour' })
    expect(muteNode).toEqual({ ok: true, value: null })

    await h.core.dispatch('clusters:refresh', { clusterId })
    const after = await until(() => {
      const c = h?.core.getState().clusters[0]
      const gv = c?.guests.find((x) => x.vmid === g.vmid)
      return gv?.muted?.mode === 'always' && gv.alerts === !g.alerts ? c : null
    })
    expect(after.nodes.find((n) => n.name === node)?.muted?.mode).toBe('hour')
    // Kept in memory for the demo: the user's settings document stays free of a cluster that does not exist.
    expect(h.core.settings().clusters).toEqual([])
    expect(existsSync(h.settingsPath) ? readFileSync(h.settingsPath, 'utf8') : '').not.toContain(clusterId)

    expect(await h.core.dispatch('mute:set', { target: { clusterId, vmid: g.vmid }, mode: 'off' })).toEqual({ ok: true, value: null })
    await h.core.dispatch('clusters:refresh', { clusterId })
    await until(() => h?.core.getState().clusters[0]?.guests.find((x) => x.vmid === g.vmid)?.muted === null)
  })

  it('still refuses a cluster that is neither configured nor the demo', async () => {
    h = makeHarness({ startDemo: () => startDefaultDemo({ authDelayMs: 20, taskDurationMs: 100 }) })
    await h.core.start()
    const r = await h.core.dispatch('mute:set', { target: { clusterId: 'nope', vmid: 100 }, mode: 'always' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('pveum commands', () => {
  it('monitor-only with privilege separation grants the audit role to the token', () => {
    const steps = pveumCommands({ access: 'monitor', privsep: true })
    const all = steps.flatMap((s) => s.commands).join('\n')
    expect(all).toContain('pveum role add PveTrayMonitor --privs "Sys.Audit VM.Audit Datastore.Audit"')
    expect(all).toContain("--tokens 'pvetray@pve!tray'")
    expect(all).not.toContain('VM.PowerMgmt')
    for (const s of steps) expect(s.explanation).toMatch(/\.$/)
  })

  it('monitor-and-control adds VM.PowerMgmt; without privsep the user gets the role', () => {
    const all = pveumCommands({ access: 'control', privsep: false })
      .flatMap((s) => s.commands)
      .join('\n')
    expect(all).toContain('VM.PowerMgmt')
    expect(all).toContain('--users pvetray@pve --roles PveTrayControl')
    expect(all).toContain('--privsep 0')
  })

  it('can use the built-in PVEAuditor role and refuses unsafe names', () => {
    const all = pveumCommands({ access: 'monitor', privsep: true, builtinAuditor: true })
      .flatMap((s) => s.commands)
      .join('\n')
    expect(all).not.toContain('role add')
    expect(all).toContain('--roles PVEAuditor')
    expect(() => pveumCommands({ access: 'monitor', privsep: true, user: 'x@pve;rm -rf /' })).toThrow()
  })
})

describe('demo mode: node health over the simulated SSH hosts', () => {
  it('reports every node with no setup, warns about the degraded one, and shows the connection with its pinned key', async () => {
    let demo: DemoCluster | undefined
    h = makeHarness({ startDemo: async () => (demo = await startDefaultDemo({ authDelayMs: 20, taskDurationMs: 100 })) })
    await h.core.start()
    const clusterId = (await until(() => h?.core.getState().clusters[0] ?? null)).clusterId
    const healthy = await h.core.dispatch('nodes:health', { clusterId, node: 'pve-a' })
    if (!healthy.ok) throw new Error(healthy.error.message)
    const a = healthy.value as NodeHealthReport
    expect(a.warnings).toEqual([])
    expect(a.pveversion.value?.proxmoxVe).toBe('8.2.0')
    expect(a.services.value?.every((s) => s.state === 'active')).toBe(true)

    const degraded = await h.core.dispatch('nodes:health', { clusterId, node: 'pve-c' })
    if (!degraded.ok) throw new Error(degraded.error.message)
    const c = degraded.value as NodeHealthReport
    expect(c.warnings.some((w) => w.startsWith('ZFS pool rpool is DEGRADED'))).toBe(true)
    expect(c.warnings.some((w) => /Package id 0 is at \d+ °C, above its high limit of 80 °C/.test(w))).toBe(true)

    const state = await h.core.dispatch('ssh:state', {})
    if (!state.ok) throw new Error(state.error.message)
    const hosts = state.value as SshHostState[]
    const hostA = hosts.find((x) => x.nodes.includes('pve-a'))
    const pinnedA = demo?.ssh?.hosts.find((x) => x.node === 'pve-a')?.fingerprint
    expect(pinnedA).toMatch(/^SHA256:/)
    expect(hostA).toMatchObject({ clusterId, status: 'connected', reason: null, pinnedFingerprint: pinnedA })

    // "Test SSH" logs into the simulated host afresh and reads which Proxmox VE answers.
    const tested = await h.core.dispatch('ssh:test', { clusterId, node: 'pve-a' })
    if (!tested.ok) throw new Error(tested.error.message)
    expect(tested.value).toMatchObject({ node: 'pve-a', trustedBy: 'demo', hostKey: { fingerprint: pinnedA }, target: hostA?.host })
    expect((tested.value as SshTestResult).proxmox).toMatch(/^pve-manager\/8\.2\.\d+\/[0-9a-f]+ \(running kernel: 6\.8\./)
    // The demo's private key is a secret like any other: never in anything the renderer gets.
    const key = demo?.ssh?.privateKey ?? ''
    expect(key).toContain('PRIVATE KEY')
    expect(JSON.stringify([hosts, a, c, h.core.getState(), h.core.settings()])).not.toContain(key.split('\n')[1] ?? key)
  })
})
