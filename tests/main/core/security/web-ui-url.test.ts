// The guarded opener's rule: only URLs the app builds for a configured endpoint (root, a guest, a guest's console).
import { describe, expect, it } from 'vitest'

import { isAllowedWebUiUrl, webUiUrl } from '../../../../src/main/core/security/web-ui-url'

const endpoints = [
  { host: 'pve.example', port: 8006 },
  { host: 'fd00::1', port: 8006 }
]

describe('web UI links', () => {
  it('builds the root, a guest selected in the tree, and the noVNC console as the web UI does', () => {
    const ep = endpoints[0]!
    expect(webUiUrl(ep)).toBe('https://pve.example:8006/')
    expect(webUiUrl(ep, { kind: 'guest', guestKind: 'qemu', vmid: 100 })).toBe('https://pve.example:8006/#v1:0:=qemu%2F100:4:::::::')
    expect(webUiUrl(ep, { kind: 'guest', guestKind: 'lxc', vmid: 200 })).toBe('https://pve.example:8006/#v1:0:=lxc%2F200:4:::::::')
    expect(webUiUrl(ep, { kind: 'console', guestKind: 'qemu', vmid: 100, node: 'pve-a' })).toBe(
      'https://pve.example:8006/?console=kvm&novnc=1&vmid=100&node=pve-a'
    )
    expect(webUiUrl(endpoints[1]!, { kind: 'console', guestKind: 'lxc', vmid: 200, node: 'pve-b' })).toBe(
      'https://[fd00::1]:8006/?console=lxc&novnc=1&vmid=200&node=pve-b'
    )
  })

  it('refuses to build a link for an impossible guest or node', () => {
    const ep = endpoints[0]!
    expect(() => webUiUrl(ep, { kind: 'guest', guestKind: 'qemu', vmid: 99 })).toThrow()
    expect(() => webUiUrl(ep, { kind: 'console', guestKind: 'qemu', vmid: 100, node: 'evil.example/x' })).toThrow()
    expect(() => webUiUrl(ep, { kind: 'console', guestKind: 'qemu', vmid: 100, node: 'a&cmd=x' })).toThrow()
  })

  it('the opener accepts exactly what webUiUrl builds for a configured endpoint', () => {
    for (const ep of endpoints) {
      for (const t of [
        { kind: 'root' } as const,
        { kind: 'guest', guestKind: 'qemu', vmid: 100 } as const,
        { kind: 'console', guestKind: 'lxc', vmid: 201, node: 'pve-b' } as const
      ]) {
        expect(isAllowedWebUiUrl(webUiUrl(ep, t), endpoints)).toBe(true)
      }
    }
  })

  it.each([
    'https://other.example:8006/?console=kvm&novnc=1&vmid=100&node=pve-a',
    'https://pve.example:8006/?console=kvm&novnc=1&vmid=100&node=pve-a&cmd=upgrade',
    'https://pve.example:8006/?console=shell&novnc=1&node=pve-a',
    'https://pve.example:8006/?novnc=1&console=kvm&vmid=100&node=pve-a',
    'https://pve.example:8006/?console=kvm&novnc=1&vmid=100&node=pve-a#x',
    'https://pve.example:8006/?console=kvm&novnc=1&vmid=1e2&node=pve-a',
    'https://pve.example:8006/#v1:0:=qemu%2F100:4::::::::',
    'https://pve.example:8006/#v1:0:=storage%2Fpve-a%2Flocal:4:::::::',
    'https://pve.example:8006/api2/json/nodes?console=kvm&novnc=1&vmid=100&node=pve-a',
    'https://user:pw@pve.example:8006/',
    'http://pve.example:8006/',
    'javascript:alert(1)'
  ])('refuses %s', (url) => {
    expect(isAllowedWebUiUrl(url, endpoints)).toBe(false)
  })
})
