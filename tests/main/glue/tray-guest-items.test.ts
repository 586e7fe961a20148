// The tray's guest items, executed in the BUILT main process under the electron stand-in (see
// electron-layer.test.ts): "Open console" reaches shell.openExternal through the guarded opener, and
// "Show IP addresses" asks the guest once (never while the menu is built), then "Copy IP" writes the
// address with Electron's clipboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Simulator, startSimulator } from '../../../src/main/core/simulator'
import type { IpcResponse } from '../../../src/shared/ipc/contract'
import type { SettingsView } from '../../../src/shared/views'
import { buildStandIn, flattenMenu, launchStandIn, type StandInApp, until } from '../../electron-standin/launch'
import type { MenuItemView } from '../../electron-standin/protocol'

async function menuItems(app: StandInApp): Promise<MenuItemView[]> {
  return flattenMenu((await app.tray())?.menu)
}

beforeAll(() => buildStandIn(), 60_000)

describe('tray guest items in the built app', () => {
  let sim: Simulator
  let app: StandInApp
  let gid = ''

  beforeAll(async () => {
    sim = await startSimulator({ taskDurationMs: 200, authDelayMs: 10 })
    app = await launchStandIn()
    await app.ready()
    await until(async () => {
      const c = await app.calls()
      return c.some((x) => x.api === 'new Tray') && c.some((x) => x.api === 'new BrowserWindow')
    }, 'the tray and the dashboard window')
    const saved = await app.call<IpcResponse<SettingsView>>({
      op: 'invoke',
      channel: 'settings:save-cluster',
      from: 'dashboard',
      input: {
        name: 'Lab',
        mode: 'control',
        endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
        tokenId: sim.tokens.admin.id,
        tokenSecret: sim.tokens.admin.secret
      }
    })
    if (!saved.ok) throw new Error(saved.error.message)
    gid = `c:${saved.value.clusters[0]?.id ?? ''}:n:pve-a:g:100`
    await until(async () => (await menuItems(app)).some((i) => i.id === `${gid}:console`), 'the console item of VM 100')
  }, 60_000)

  afterAll(async () => {
    await app?.dispose()
    await sim?.close()
  })

  it('"Open console" opens the noVNC console at pve-a\'s endpoint through shell.openExternal', async () => {
    await app.call({ op: 'click-menu', id: `${gid}:console` })
    const port = sim.endpoints.find((e) => e.node === 'pve-a')?.port
    const url = await until(
      async () => (await app.calls()).find((c) => c.api === 'shell.openExternal')?.detail as { url: string } | undefined,
      'shell.openExternal'
    )
    expect(url.url).toBe(`https://127.0.0.1:${port}/?console=kvm&novnc=1&vmid=100&node=pve-a`)
  })

  it('"Show IP addresses" asks once; "Copy IP" copies with the Electron clipboard', async () => {
    const asked = (): number => sim.requests({ path: /\/100\/agent\/network-get-interfaces$/ }).length
    expect(asked()).toBe(0)
    await app.call({ op: 'click-menu', id: `${gid}:ips` })
    const copy = await until(async () => (await menuItems(app)).find((i) => i.id === `${gid}:ip:0`), 'a Copy IP item')
    expect(copy.label).toBe('Copy IP 10.10.10.120')
    expect(asked()).toBe(1)
    await app.call({ op: 'click-menu', id: copy.id })
    const written = await until(
      async () => (await app.calls()).find((c) => c.api === 'clipboard.writeText')?.detail as { text: string } | undefined,
      'clipboard.writeText'
    )
    expect(written.text).toBe('10.10.10.120')
    // Later polls rebuild the menu from what the tray kept: the guest is not asked again.
    await new Promise((r) => setTimeout(r, 1500))
    expect(asked()).toBe(1)
  })
})
