// The guest submenu's web-UI items: "Open console" only where a console can attach, "Open in web UI" always,
// both naming the guest (never a URL) so main builds the link from its own snapshot.
import { describe, expect, it } from 'vitest'

import { buildTrayMenu } from '../../../../src/main/core/tray/build-tray-menu'
import { findMenuItem, type MenuItemModel } from '../../../../src/main/core/tray/menu-model'
import { trayStatus } from '../../../../src/main/core/tray/tray-status'
import type { GuestView } from '../../../../src/shared/snapshot'
import { appState, cluster, guest, node, NOW } from './snapshot-fixtures'

function submenuOf(g: GuestView): readonly MenuItemModel[] {
  const state = appState([cluster({ nodes: [node('pve-a')], guests: [g] })])
  const items = buildTrayMenu({ state, status: trayStatus({ state, now: NOW, busyLabel: null }), tasks: new Map(), now: NOW })
  const sub = findMenuItem(items, `c:home:n:pve-a:g:${g.vmid}`)
  expect(sub?.submenu).toBeDefined()
  return sub?.submenu ?? []
}

const byId = (items: readonly MenuItemModel[], suffix: string): MenuItemModel | undefined => items.find((i) => i.id.endsWith(`:${suffix}`))

describe('tray guest submenu: console and web UI', () => {
  it('a running VM offers "Open console" and "Open in web UI", each invoking app:open-web-ui with the guest only', () => {
    const sub = submenuOf(guest(100, { kind: 'qemu', state: 'running', status: 'running' }))
    expect(byId(sub, 'console')).toMatchObject({
      label: 'Open console',
      enabled: true,
      action: { kind: 'invoke', channel: 'app:open-web-ui', input: { clusterId: 'home', vmid: 100, console: true } }
    })
    expect(byId(sub, 'web-ui')).toMatchObject({
      label: 'Open in web UI',
      enabled: true,
      action: { kind: 'invoke', channel: 'app:open-web-ui', input: { clusterId: 'home', vmid: 100 } }
    })
    expect(JSON.stringify(sub)).not.toContain('https://')
  })

  it('a running container offers its console too; a paused VM still has a screen to show', () => {
    expect(byId(submenuOf(guest(200, { kind: 'lxc', state: 'running', status: 'running' })), 'console')).toBeDefined()
    expect(byId(submenuOf(guest(101, { kind: 'qemu', state: 'paused', status: 'paused' })), 'console')).toBeDefined()
  })

  it('no console for a stopped guest, a template, or a guest whose state is unknown; "Open in web UI" stays', () => {
    const cases = [
      guest(102, { state: 'stopped', status: 'stopped' }),
      guest(9000, { state: 'stopped', status: 'stopped', template: true }),
      guest(103, { state: 'unknown', status: 'unknown', stale: true, staleReason: 'node pve-a is offline' }),
      guest(201, { kind: 'lxc', state: 'paused', status: 'paused' })
    ]
    for (const g of cases) {
      const sub = submenuOf(g)
      expect(byId(sub, 'console'), `guest ${g.vmid}`).toBeUndefined()
      expect(byId(sub, 'web-ui')?.label).toBe('Open in web UI')
    }
  })
})
