// /cluster/ha/status/current (pve-ha-manager's API2/Status.pm `current`) and /cluster/ceph/status
// (pve-manager's API2/Cluster/Ceph.pm `status`: `ceph status` with `ceph health detail` as its `health`).
// HA resources are the guests with a `hastate` (tests set error/fence with cluster.updateGuest); Ceph is the
// cluster spec's `ceph` (cluster.setCeph), and without it the call fails as on nodes without pveceph.
import type { GuestRec } from './cluster-state'
import { type ApiHandler, type CallContext, die } from './context'

/** Perl's scalar localtime: "Sun Dec  6 03:00:00 2026". */
function ctime(sec: number): string {
  const d = new Date(sec * 1000)
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()] ?? ''
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getMonth()] ?? ''
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${day} ${mon} ${String(d.getDate()).padStart(2, ' ')} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`
}

/** PVE::HA::Tools::get_verbose_service_state, for a resource that has a manager state. */
function verboseState(crm: string, requested: string): string {
  if (requested === 'ignored') return 'ignored'
  if (requested === 'disabled' && crm === 'stopped') return 'disabled'
  if (crm === 'request_start' || crm === 'request_start_balance') return 'starting'
  if (crm === 'request_stop') return 'stopping'
  return crm
}

/** What the admin asked for in resources.cfg, as far as the manager's state tells. */
function requestedState(crm: string): string {
  if (crm === 'stopped' || crm === 'request_stop') return 'stopped'
  if (crm === 'disabled' || crm === 'ignored') return crm
  return 'started'
}

function serviceEntry(g: GuestRec): Record<string, unknown> {
  const sid = `${g.type === 'qemu' ? 'vm' : 'ct'}:${g.vmid}`
  const crm = g.hastate ?? 'stopped'
  const requested = requestedState(crm)
  const state = verboseState(crm, requested)
  return {
    id: `service:${sid}`,
    type: 'service',
    sid,
    node: g.node,
    crm_state: crm,
    state,
    status: `${sid} (${g.node}, ${state})`,
    request_state: requested,
    max_restart: 1,
    max_relocate: 1
  }
}

function haStatus(c: CallContext): Record<string, unknown>[] {
  const st = c.sim.state
  const nowSec = Math.floor(c.sim.now() / 1000)
  const quorate = st.quorate()
  const out: Record<string, unknown>[] = [
    { id: 'quorum', type: 'quorum', node: c.local, status: quorate ? 'OK' : `No quorum on node '${c.local}'!`, quorate: quorate ? 1 : 0 }
  ]
  const managed = [...st.guests.values()].filter((g) => g.hastate !== undefined).sort((a, b) => a.vmid - b.vmid)
  if (managed.length === 0) return out
  const nodes = [...st.nodes.values()].sort((a, b) => a.index - b.index)
  const master = nodes.find((n) => st.isOnline(n))
  if (master !== undefined) {
    const ts = nowSec - 3
    out.push({ id: 'master', type: 'master', node: master.spec.name, status: `${master.spec.name} (active, ${ctime(ts)})`, timestamp: ts })
  }
  for (const n of nodes) {
    const online = st.isOnline(n)
    // A node that went away stops renewing its LRM timestamp: after 60 s Proxmox calls it "old timestamp - dead?".
    const ts = online ? nowSec - 5 : Math.floor((n.downSince ?? c.sim.now()) / 1000) - 65
    const mode = online ? 'active' : 'old timestamp - dead?'
    out.push({ id: `lrm:${n.spec.name}`, type: 'lrm', node: n.spec.name, status: `${n.spec.name} (${mode}, ${ctime(ts)})`, timestamp: ts })
  }
  for (const g of managed) out.push(serviceEntry(g))
  return out
}

function cephStatus(c: CallContext): Record<string, unknown> {
  const ceph = c.sim.state.ceph
  // PVE::Ceph::Tools::check_ceph_inited on a node without the ceph packages.
  if (ceph === null) return die('binary not installed: /usr/bin/ceph-mon')
  const checks: Record<string, unknown> = {}
  for (const [code, k] of Object.entries(ceph.checks ?? {})) {
    checks[code] = { severity: k.severity, summary: { message: k.summary, count: k.count ?? 1 }, detail: [], muted: k.muted === true }
  }
  const mons = [...c.sim.state.nodes.values()].filter((n) => n.index < 3).map((n) => n.spec.name)
  return {
    fsid: '5f1c2b7e-8a4d-4c1e-9b0a-3d2e6f7a8b9c',
    health: { status: ceph.health, checks, mutes: [] },
    election_epoch: 42,
    quorum: mons.map((_, i) => i),
    quorum_names: mons,
    quorum_age: 86400,
    monmap: { epoch: 3, min_mon_release_name: 'squid', num_mons: mons.length },
    osdmap: { epoch: 812, num_osds: mons.length * 2, num_up_osds: mons.length * 2, num_in_osds: mons.length * 2, num_remapped_pgs: 0 },
    pgmap: { num_pgs: 129, num_pools: 2, num_objects: 61234, data_bytes: 2.1e12, bytes_used: 6.3e12, bytes_avail: 6.9e12, bytes_total: 13.2e12 },
    fsmap: { epoch: 1, by_rank: [], up: 0 },
    mgrmap: { available: true, num_standbys: mons.length - 1, modules: ['iostat', 'nfs', 'restful'] },
    servicemap: { epoch: 1, modified: '2026-12-01T00:00:00.000000+0000', services: {} }
  }
}

export const haCephHandlers: Record<string, ApiHandler> = {
  'GET /cluster/ha/status/current': (c) => ({ data: haStatus(c) }),
  'GET /cluster/ceph/status': (c) => ({ data: cephStatus(c) })
}
