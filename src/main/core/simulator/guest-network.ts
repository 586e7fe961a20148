// What a running guest says about its network: the QEMU guest agent's network-get-interfaces answer (as
// qemu-server's Agent.pm relays it, `{ result: [...] }`) and a container's interface list (pve-container).
// Deterministic per VMID; the failures are Agent.pm's own texts (assert_agent_available), as 500s.
import type { GuestRec } from './cluster-state'
import { type ApiHandler, type CallContext, die, str } from './context'

const hex = (n: number): string => (n & 0xff).toString(16).padStart(2, '0')

/** Proxmox's own MAC prefix BC:24:11, then the VMID: stable across runs. */
function mac(g: GuestRec, nic: number): string {
  return ['bc', '24', '11', hex(g.vmid >> 8), hex(g.vmid), hex(nic)].join(':')
}

/** 10.10.<vlan>.<host>/24 for the guest's LAN address, and a ULA and a link-local IPv6 for it. */
function lanAddresses(g: GuestRec): { v4: string; ula: string; linkLocal: string } {
  const host = (g.vmid % 200) + 20
  const vlan = 10 + Math.floor(g.vmid / 200)
  return { v4: `10.10.${vlan}.${host}`, ula: `fd42:10:${vlan}::${host.toString(16)}`, linkLocal: `fe80::be24:11ff:fe${hex(g.vmid >> 8)}:${hex(g.vmid)}00` }
}

function statistics(g: GuestRec): Record<string, number> {
  return {
    'rx-bytes': g.vmid * 1_048_576,
    'rx-dropped': 0,
    'rx-errs': 0,
    'rx-packets': g.vmid * 900,
    'tx-bytes': g.vmid * 524_288,
    'tx-dropped': 0,
    'tx-errs': 0,
    'tx-packets': g.vmid * 700
  }
}

export function agentInterfaces(g: GuestRec): Record<string, unknown>[] {
  const lan = lanAddresses(g)
  const out: Record<string, unknown>[] = [
    {
      name: 'lo',
      'hardware-address': '00:00:00:00:00:00',
      statistics: statistics(g),
      'ip-addresses': [
        { 'ip-address': '127.0.0.1', 'ip-address-type': 'ipv4', prefix: 8 },
        { 'ip-address': '::1', 'ip-address-type': 'ipv6', prefix: 128 }
      ]
    },
    {
      name: 'ens18',
      'hardware-address': mac(g, 0),
      statistics: statistics(g),
      'ip-addresses': [
        { 'ip-address': lan.v4, 'ip-address-type': 'ipv4', prefix: 24 },
        { 'ip-address': lan.ula, 'ip-address-type': 'ipv6', prefix: 64 },
        { 'ip-address': lan.linkLocal, 'ip-address-type': 'ipv6', prefix: 64 }
      ]
    }
  ]
  // A Kubernetes node also has its pod network bridge; a second NIC without an address is common too.
  if ((g.tags ?? '').split(/[;, ]+/).includes('k8s')) {
    out.push({
      name: 'cni0',
      'hardware-address': mac(g, 9),
      statistics: statistics(g),
      'ip-addresses': [{ 'ip-address': `10.244.${g.vmid % 250}.1`, 'ip-address-type': 'ipv4', prefix: 24 }]
    })
  }
  out.push({ name: 'ens19', 'hardware-address': mac(g, 1), statistics: statistics(g) })
  return out
}

export function containerInterfaces(g: GuestRec): Record<string, unknown>[] {
  const lan = lanAddresses(g)
  return [
    {
      name: 'lo',
      hwaddr: '00:00:00:00:00:00',
      'hardware-address': '00:00:00:00:00:00',
      inet: '127.0.0.1/8',
      inet6: '::1/128',
      'ip-addresses': [
        { 'ip-address': '127.0.0.1', 'ip-address-type': 'inet', prefix: 8 },
        { 'ip-address': '::1', 'ip-address-type': 'inet6', prefix: 128 }
      ]
    },
    {
      name: 'eth0',
      hwaddr: mac(g, 0),
      'hardware-address': mac(g, 0),
      inet: `${lan.v4}/24`,
      inet6: `${lan.ula}/64`,
      'ip-addresses': [
        { 'ip-address': lan.v4, 'ip-address-type': 'inet', prefix: 24 },
        { 'ip-address': lan.ula, 'ip-address-type': 'inet6', prefix: 64 },
        { 'ip-address': lan.linkLocal, 'ip-address-type': 'inet6', prefix: 64 }
      ]
    }
  ]
}

function guestHere(c: CallContext, kind: 'qemu' | 'lxc'): GuestRec {
  const g = c.sim.state.guests.get(Number(str(c, 'vmid')))
  if (!g || g.type !== kind || g.node !== c.local)
    die(`Configuration file 'nodes/${c.local}/${kind === 'qemu' ? 'qemu-server' : 'lxc'}/${str(c, 'vmid')}.conf' does not exist`)
  return g as GuestRec
}

export const guestNetworkHandlers: Record<string, ApiHandler> = {
  'GET /nodes/{node}/qemu/{vmid}/agent/network-get-interfaces': (c) => {
    const g = guestHere(c, 'qemu')
    if (g.agent === 'none') die('No QEMU guest agent configured')
    if (g.status === 'stopped') die(`VM ${g.vmid} is not running`)
    // A paused VM's agent cannot answer the ping Agent.pm sends first.
    if (g.agent === 'not-running' || g.status !== 'running') die('QEMU guest agent is not running')
    return { data: { result: agentInterfaces(g) } }
  },
  'GET /nodes/{node}/lxc/{vmid}/interfaces': (c) => {
    const g = guestHere(c, 'lxc')
    // pve-container returns nothing for a container that is not running (inferred: no netns to read).
    return { data: g.status === 'running' ? containerInterfaces(g) : null }
  }
}
