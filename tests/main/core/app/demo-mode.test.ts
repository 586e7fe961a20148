import { connect } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { startDefaultDemo } from '../../../../src/main/core/app'
import type { DemoCluster } from '../../../../src/main/core/app'
import { pveumCommands } from '../../../../src/shared/pveum-commands'
import { makeHarness, until, type Harness } from './app-core-harness'

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
    const all = pveumCommands({ access: 'control', privsep: false }).flatMap((s) => s.commands).join('\n')
    expect(all).toContain('VM.PowerMgmt')
    expect(all).toContain('--users pvetray@pve --roles PveTrayControl')
    expect(all).toContain('--privsep 0')
  })

  it('can use the built-in PVEAuditor role and refuses unsafe names', () => {
    const all = pveumCommands({ access: 'monitor', privsep: true, builtinAuditor: true }).flatMap((s) => s.commands).join('\n')
    expect(all).not.toContain('role add')
    expect(all).toContain('--roles PVEAuditor')
    expect(() => pveumCommands({ access: 'monitor', privsep: true, user: 'x@pve;rm -rf /' })).toThrow()
  })
})
