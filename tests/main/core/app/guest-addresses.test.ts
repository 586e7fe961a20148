// guests:addresses through the app core: asked of the guest only when called (never by the poll), kept 30 s,
// Proxmox's refusals said plainly ("QEMU guest agent not running"), a missing privilege hides them with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Simulator } from '../../../../src/main/core/simulator'
import type { GuestAddressesView } from '../../../../src/shared/views'
import { clusterInput, type Harness, startWatchedCluster, until } from './app-core-harness'

let sim: Simulator
let h: Harness
let clusterId: string
let clock = Date.now()

beforeAll(async () => {
  ;({ sim, h, clusterId } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 100, seed: 3 }, { now: () => clock }))
})
afterAll(async () => {
  await h.cleanup()
  await sim.close()
})

const agentCalls = (vmid?: number): number =>
  sim.requests({
    path: vmid === undefined ? /\/(agent\/network-get-interfaces|interfaces)$/ : new RegExp(`/${vmid}/(agent/network-get-interfaces|interfaces)$`)
  }).length

async function addresses(vmid: number, id = clusterId): Promise<GuestAddressesView> {
  const r = await h.core.dispatch('guests:addresses', { clusterId: id, vmid })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as GuestAddressesView
}

describe('guests:addresses', () => {
  it("the monitor's polls never ask a guest for its addresses", async () => {
    await h.core.dispatch('clusters:refresh', { clusterId })
    expect(agentCalls()).toBe(0)
  })

  it("a VM: the agent's addresses without loopback, each with its interface", async () => {
    const v = await addresses(100)
    expect(v).toMatchObject({ clusterId, vmid: 100, source: 'agent', unavailable: null })
    expect(v.interfaces.map((i) => i.name)).toEqual(['ens18'])
    expect(v.interfaces[0]?.addresses.map((a) => a.address)).toEqual(['10.10.10.120', 'fd42:10:10::78', 'fe80::be24:11ff:fe00:6400'])
  })

  it('a container: its own interfaces', async () => {
    const v = await addresses(200)
    expect(v).toMatchObject({ source: 'container', unavailable: null })
    expect(v.interfaces[0]).toMatchObject({
      name: 'eth0',
      addresses: [{ address: '10.10.11.20', family: 'ipv4', prefix: 24 }, { family: 'ipv6' }, { family: 'ipv6' }]
    })
  })

  it('asks again only after 30 s', async () => {
    const before = agentCalls(102)
    await addresses(102)
    await addresses(102)
    expect(agentCalls(102)).toBe(before + 1)
    clock += 31_000
    await addresses(102)
    expect(agentCalls(102)).toBe(before + 2)
  })

  it('says plainly when the agent does not run, is not configured, or the guest is not running', async () => {
    expect(await addresses(107)).toMatchObject({ interfaces: [], unavailable: 'QEMU guest agent not running' })
    expect((await addresses(113)).unavailable).toMatch(/^no QEMU guest agent configured/)
    const before = agentCalls()
    expect((await addresses(108)).unavailable).toBe('it is not running')
    expect(agentCalls()).toBe(before)
  })

  it('a broken answer is an error in words, and is not kept', async () => {
    clock += 31_000
    const f = sim.faults.malformedJson({ path: /\/111\/agent\/network-get-interfaces$/ })
    const r = await h.core.dispatch('guests:addresses', { clusterId, vmid: 111 })
    f.remove()
    expect(r).toMatchObject({ ok: false, error: { code: 'server' } })
    if (!r.ok) expect(r.error.message).toMatch(/cannot read/)
    expect((await addresses(111)).unavailable).toBeNull()
  })

  it('an unknown guest is not found; hostile input is refused', async () => {
    expect(await h.core.dispatch('guests:addresses', { clusterId, vmid: 4242 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await h.core.dispatch('guests:addresses', { clusterId, vmid: '100' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await h.core.dispatch('guests:addresses', { clusterId, vmid: 100, node: 'pve-a' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it("a token without VM.GuestAgent.Audit: VMs' addresses hidden with the reason, containers' still shown", async () => {
    const t = sim.cluster.addToken({ id: 'noagent@pve!tray', acls: [{ path: '/', privs: ['VM.Audit', 'Sys.Audit', 'Datastore.Audit'] }] })
    const r = await h.core.dispatch('settings:save-cluster', clusterInput(sim, { name: 'Audit', tokenId: t.id, tokenSecret: t.secret }))
    if (!r.ok) throw new Error(r.error.message)
    const id = (r.value as { clusters: { id: string; name: string }[] }).clusters.find((c) => c.name === 'Audit')?.id ?? ''
    await until(() => (h.core.getState().clusters.find((c) => c.clusterId === id)?.guests.length ?? 0) > 0)
    expect((await addresses(101, id)).unavailable).toBe('hidden: the API token lacks VM.GuestAgent.Audit or VM.GuestAgent.Unrestricted on /vms/101')
    expect((await addresses(201, id)).unavailable).toBeNull()
  })
})
