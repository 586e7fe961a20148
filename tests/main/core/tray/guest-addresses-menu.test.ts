// IP addresses in the tray guest submenu: never fetched to build the menu; "Show IP addresses" asks once, the
// answer (kept by the presenter for a few minutes) becomes "Copy IP <address>" items or a line saying why not.
import { describe, expect, it } from 'vitest'

import { TRAY_ADDRESSES_MS } from '../../../../src/main/core/tray/menu-addresses'
import { findMenuItem, type MenuItemModel } from '../../../../src/main/core/tray/menu-model'
import { createTrayPresenter } from '../../../../src/main/core/tray/tray-presenter'
import type { GuestView } from '../../../../src/shared/snapshot'
import type { GuestAddressesView } from '../../../../src/shared/views'
import { appState, cluster, guest, node, NOW } from './snapshot-fixtures'

const GID = 'c:home:n:pve-a:g:100'

function setup(g: GuestView = guest(100, { state: 'running', status: 'running' })): {
  sub: () => readonly MenuItemModel[]
  note: (v: Partial<GuestAddressesView>) => void
  clock: { t: number }
} {
  const clock = { t: NOW }
  const presenter = createTrayPresenter(() => clock.t)
  const state = appState([cluster({ nodes: [node('pve-a')], guests: [g] })])
  return {
    clock,
    sub: () => {
      presenter.render(state)
      return findMenuItem(presenter.model() ?? [], GID)?.submenu ?? []
    },
    note: (v) => presenter.noteAddresses({ clusterId: 'home', vmid: 100, source: 'agent', interfaces: [], unavailable: null, fetchedAt: clock.t, ...v })
  }
}

const ips = (items: readonly MenuItemModel[]): MenuItemModel[] => items.filter((i) => /:ip(s|s-none|:\d+)$/.test(i.id))

describe('tray guest submenu: IP addresses', () => {
  it('a running guest offers "Show IP addresses", which asks main for that guest only', () => {
    const { sub } = setup()
    expect(ips(sub())).toEqual([
      {
        id: `${GID}:ips`,
        type: 'normal',
        label: 'Show IP addresses',
        enabled: true,
        action: { kind: 'invoke', channel: 'guests:addresses', input: { clusterId: 'home', vmid: 100 } }
      }
    ])
  })

  it('a stopped guest or one whose state is unknown has no address items', () => {
    expect(ips(setup(guest(100, { state: 'stopped', status: 'stopped' })).sub())).toEqual([])
    expect(ips(setup(guest(100, { state: 'unknown', status: 'unknown', stale: true, staleReason: 'node pve-a is offline' })).sub())).toEqual([])
  })

  it('after the answer: "Copy IP" items, IPv4 first, no link-local, at most four, each copying its address', () => {
    const { sub, note } = setup()
    note({
      interfaces: [
        {
          name: 'ens18',
          mac: null,
          addresses: [
            { address: 'fe80::1', family: 'ipv6', prefix: 64 },
            { address: '2001:db8::7', family: 'ipv6', prefix: 64 },
            { address: '10.0.0.7', family: 'ipv4', prefix: 24 }
          ]
        },
        { name: 'cni0', mac: null, addresses: ['10.244.1.1', '10.244.2.1', '10.244.3.1'].map((address) => ({ address, family: 'ipv4' as const, prefix: 24 })) }
      ]
    })
    const items = ips(sub())
    expect(items.map((i) => i.label)).toEqual(['Copy IP 10.0.0.7', 'Copy IP 10.244.1.1', 'Copy IP 10.244.2.1', 'Copy IP 10.244.3.1'])
    expect(items[0]?.action).toEqual({ kind: 'copy', text: '10.0.0.7' })
  })

  it('says plainly why there are none ("QEMU guest agent not running", a missing privilege)', () => {
    const { sub, note } = setup()
    note({ unavailable: 'QEMU guest agent not running' })
    expect(ips(sub()).map((i) => [i.label, i.enabled])).toEqual([['IP addresses: QEMU guest agent not running', false]])
    note({ unavailable: 'hidden: the API token lacks VM.GuestAgent.Audit on /vms/100' })
    expect(ips(sub())[0]?.label).toBe('IP addresses: hidden: the API token lacks VM.GuestAgent.Audit on /vms/100')
  })

  it('forgets the answer after a few minutes and offers to ask again', () => {
    const { sub, note, clock } = setup()
    note({ interfaces: [{ name: 'eth0', mac: null, addresses: [{ address: '10.0.0.7', family: 'ipv4', prefix: 24 }] }] })
    expect(ips(sub())[0]?.label).toBe('Copy IP 10.0.0.7')
    clock.t += TRAY_ADDRESSES_MS + 1
    expect(ips(sub())[0]?.label).toBe('Show IP addresses')
  })
})
