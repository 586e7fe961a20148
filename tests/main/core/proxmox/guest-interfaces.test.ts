// A guest's addresses over the wire (QEMU guest agent, container interfaces) against the simulator, and the
// lenient reading of what a guest reports: malformed parts dropped, a wrong shape a clear error, never a crash.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { PveClient } from '../../../../src/main/core/proxmox'
import { agentInterfacesSchema, lxcInterfacesSchema, readInterfaces } from '../../../../src/main/core/proxmox/guest-interfaces'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'

let sim: Simulator
let client: PveClient

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 60 })
  client = simClient(sim, sim.tokens.admin).client
})
afterAll(async () => {
  await client.close()
  await sim.close()
})

const addressesOf = (ifaces: Awaited<ReturnType<PveClient['guestInterfaces']>>): string[] =>
  ifaces.flatMap((i) => i.addresses.map((a) => `${i.name} ${a.address}/${a.prefix}`))

describe('guest interfaces against the simulator', () => {
  test('a VM whose agent runs: every interface with its MAC and addresses', async () => {
    const ifaces = await client.guestInterfaces('pve-a', 'qemu', 100)
    expect(ifaces.map((i) => i.name)).toEqual(['lo', 'ens18', 'ens19'])
    expect(ifaces.find((i) => i.name === 'ens18')?.mac).toBe('bc:24:11:00:64:00')
    expect(addressesOf(ifaces)).toContain('ens18 10.10.10.120/24')
    expect(ifaces.find((i) => i.name === 'ens18')?.addresses.map((a) => a.family)).toEqual(['ipv4', 'ipv6', 'ipv6'])
  })

  test('a container: its own list (inet/inet6 families read from the address itself)', async () => {
    const ifaces = await client.guestInterfaces('pve-a', 'lxc', 200)
    expect(addressesOf(ifaces)).toContain('eth0 10.10.11.20/24')
    expect(ifaces.find((i) => i.name === 'eth0')?.addresses[1]?.family).toBe('ipv6')
  })

  test("Proxmox's own refusals arrive as 500s with Agent.pm's words", async () => {
    await expect(client.guestInterfaces('pve-d', 'qemu', 107)).rejects.toMatchObject({
      kind: 'http',
      status: 500,
      reasonPhrase: 'QEMU guest agent is not running'
    })
    await expect(client.guestInterfaces('pve-d', 'qemu', 113)).rejects.toMatchObject({
      kind: 'http',
      status: 500,
      reasonPhrase: 'No QEMU guest agent configured'
    })
    await expect(client.guestInterfaces('pve-a', 'qemu', 108)).rejects.toMatchObject({ kind: 'http', status: 500, reasonPhrase: 'VM 108 is not running' })
    await expect(client.guestInterfaces('pve-c', 'qemu', 105)).rejects.toMatchObject({ reasonPhrase: 'QEMU guest agent is not running' })
  })

  test('a token without VM.GuestAgent.Audit is refused with the privilege named', async () => {
    const t = sim.cluster.addToken({ id: 'noagent@pve!tray', acls: [{ path: '/', privs: ['VM.Audit', 'Sys.Audit'] }] })
    const c = simClient(sim, t).client
    try {
      await expect(c.guestInterfaces('pve-a', 'qemu', 100)).rejects.toMatchObject({
        kind: 'permission',
        aclPath: '/vms/100',
        privileges: ['VM.GuestAgent.Audit', 'VM.GuestAgent.Unrestricted']
      })
      expect((await c.guestInterfaces('pve-a', 'lxc', 200)).length).toBeGreaterThan(0)
    } finally {
      await c.close()
    }
  })

  test('a broken answer is a clear error', async () => {
    const f = sim.faults.malformedJson({ path: /\/agent\/network-get-interfaces$/ })
    try {
      await expect(client.guestInterfaces('pve-a', 'qemu', 100)).rejects.toMatchObject({ kind: 'malformed' })
    } finally {
      f.remove()
    }
  })
})

describe('reading what a guest reports', () => {
  test('a wrong overall shape fails the schema (the client turns that into a "cannot read" error)', () => {
    expect(agentInterfacesSchema.safeParse({ result: 'eth0' }).success).toBe(false)
    expect(agentInterfacesSchema.safeParse([{ name: 'eth0' }]).success).toBe(false)
    expect(lxcInterfacesSchema.safeParse({ name: 'eth0' }).success).toBe(false)
    expect(lxcInterfacesSchema.safeParse(null).success).toBe(true)
  })

  test('drops what is not an interface or not an IP address, keeps the rest', () => {
    const got = readInterfaces([
      null,
      'eth0',
      { name: 42 },
      { name: 'x'.repeat(10_000), 'ip-addresses': [] },
      {
        name: 'eth0',
        'hardware-address': 'bc:24:11:00:00:01',
        'ip-addresses': [
          { 'ip-address': '192.0.2.7', prefix: '24' },
          { 'ip-address': 'javascript:alert(1)' },
          { 'ip-address': '10.0.0.1; rm -rf /' },
          { 'ip-address': 'fe80::1%eth0', prefix: 64 },
          { 'ip-address': '2001:db8::5', prefix: 999 },
          'nope'
        ]
      },
      { name: 'eth1', 'ip-addresses': 'not a list' }
    ])
    expect(got).toEqual([
      {
        name: 'eth0',
        mac: 'bc:24:11:00:00:01',
        addresses: [
          { address: '192.0.2.7', family: 'ipv4', prefix: 24 },
          { address: 'fe80::1', family: 'ipv6', prefix: 64 }
        ]
      }
    ])
  })

  test('bounds a flood: at most 64 interfaces of at most 32 addresses', () => {
    const flood = Array.from({ length: 200 }, (_, i) => ({
      name: `e${i}`,
      'ip-addresses': Array.from({ length: 100 }, () => ({ 'ip-address': '10.0.0.1', prefix: 8 }))
    }))
    const got = readInterfaces(flood)
    expect(got).toHaveLength(64)
    expect(got.every((i) => i.addresses.length === 32)).toBe(true)
  })
})
