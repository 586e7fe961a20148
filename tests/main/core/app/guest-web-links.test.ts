// "Open console" and "Open in web UI" at a guest: main builds the link from its own snapshot (the guest's
// kind and current node), at that node's endpoint, and what it builds passes the guarded opener's check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isAllowedWebUiUrl } from '../../../../src/main/core/security/web-ui-url'
import type { Simulator } from '../../../../src/main/core/simulator'
import { type Harness, startWatchedCluster } from './app-core-harness'

let sim: Simulator
let h: Harness
let clusterId: string

beforeAll(async () => {
  ;({ sim, h, clusterId } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 100, seed: 3 }))
})
afterAll(async () => {
  await h.cleanup()
  await sim.close()
})

const portOf = (node: string): number => sim.endpoints.find((e) => e.node === node)?.port ?? -1
const endpoints = (): { host: string; port: number }[] => sim.endpoints.map((e) => ({ host: e.host, port: e.port }))

describe('app:open-web-ui at a guest', () => {
  it("opens a running VM's noVNC console at the endpoint of the node it runs on", async () => {
    const r = await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 101, console: true })
    expect(r.ok).toBe(true)
    expect(h.opened.at(-1)).toBe(`https://127.0.0.1:${portOf('pve-b')}/?console=kvm&novnc=1&vmid=101&node=pve-b`)
    expect(isAllowedWebUiUrl(h.opened.at(-1) ?? '', endpoints())).toBe(true)
  })

  it("opens a container's console as lxc, and a guest in the web UI tree", async () => {
    expect((await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 200, console: true })).ok).toBe(true)
    expect(h.opened.at(-1)).toBe(`https://127.0.0.1:${portOf('pve-a')}/?console=lxc&novnc=1&vmid=200&node=pve-a`)
    expect((await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 203 })).ok).toBe(true)
    expect(h.opened.at(-1)).toBe(`https://127.0.0.1:${portOf('pve-d')}/#v1:0:=lxc%2F203:4:::::::`)
    expect(isAllowedWebUiUrl(h.opened.at(-1) ?? '', endpoints())).toBe(true)
  })

  it('refuses the console of a stopped guest or a template, and says why; opens nothing', async () => {
    const before = h.opened.length
    const stopped = await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 108, console: true })
    expect(stopped).toMatchObject({ ok: false, error: { code: 'refused', message: 'This console cannot be opened: it is not running.' } })
    const template = await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 9000, console: true })
    expect(template).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(h.opened.length).toBe(before)
  })

  it('refuses an unknown guest, a console without a guest, and any URL-like input', async () => {
    const before = h.opened.length
    expect(await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 4242 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await h.core.dispatch('app:open-web-ui', { clusterId, console: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect((await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 100, console: 'yes' })).ok).toBe(false)
    expect((await h.core.dispatch('app:open-web-ui', { clusterId, vmid: 100, node: 'pve-a&cmd=x' })).ok).toBe(false)
    expect(h.opened.length).toBe(before)
  })
})
