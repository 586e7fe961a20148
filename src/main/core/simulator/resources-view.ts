import type { GuestRec, NodeRec } from './cluster-state'
import type { CallContext } from './context'
import { shuffle } from './prng'

type Item = Record<string, unknown>

/** API2Tools.pm extract_node_stats (used by /cluster/resources and /nodes) */
export function nodeItem(c: CallContext, n: NodeRec): Item {
  const st = c.sim.state
  const name = n.spec.name
  const audit = c.sim.acl.has(c.tokenId, `/nodes/${name}`, ['Sys.Audit'])
  const e: Item = { id: `node/${name}`, node: name, type: 'node', status: 'unknown' }
  if (st.hasRrd(n)) {
    const m = st.nodeMetricsOf(n)
    if (st.isOnline(n)) {
      if (audit) Object.assign(e, { uptime: m.uptime, cpu: m.cpu, mem: m.mem, disk: m.disk })
      e.status = 'online'
    }
    e.level = n.spec.level
    if (audit) Object.assign(e, { maxcpu: n.spec.maxcpu, maxmem: n.spec.maxmem, maxdisk: n.spec.maxdisk })
  }
  if (!st.isOnline(n)) e.status = 'offline'
  return e
}

/** API2Tools.pm extract_vm_stats plus the config/HA properties Cluster.pm adds */
function guestItem(c: CallContext, g: GuestRec): Item {
  const e: Item = { id: `${g.type}/${g.vmid}`, vmid: g.vmid, node: g.node, type: g.type, status: 'unknown' }
  const rep = c.sim.state.reportedGuest(g)
  if (rep) {
    const m = rep.metrics
    Object.assign(e, {
      uptime: m.uptime,
      name: g.name,
      status: rep.status,
      template: g.template ? 1 : 0,
      maxcpu: g.maxcpu,
      cpu: m.cpu,
      maxmem: g.maxmem,
      mem: m.mem,
      maxdisk: g.maxdisk,
      disk: m.disk,
      netin: m.netin,
      netout: m.netout,
      diskread: m.diskread,
      diskwrite: m.diskwrite,
      memhost: m.memhost
    })
  }
  if (g.lock !== undefined) e.lock = g.lock
  if (g.tags !== undefined) e.tags = g.tags
  if (g.pool !== undefined && c.sim.acl.has(c.tokenId, `/pool/${g.pool}`, ['Pool.Audit'])) e.pool = g.pool
  if (g.hastate !== undefined) e.hastate = g.hastate
  return e
}

function canSeeStorage(c: CallContext, sid: string): boolean {
  return c.sim.acl.has(c.tokenId, `/storage/${sid}`, ['Datastore.Audit', 'Datastore.AllocateSpace'], true)
}

function storageItems(c: CallContext, nodeOrder: readonly NodeRec[]): Item[] {
  const st = c.sim.state
  const out: Item[] = []
  for (const s of st.storages) {
    if (!canSeeStorage(c, s.storage)) continue
    for (const n of nodeOrder) {
      if (s.nodes && !s.nodes.includes(n.spec.name)) continue
      const e: Item = {
        id: `storage/${n.spec.name}/${s.storage}`,
        storage: s.storage,
        node: n.spec.name,
        type: 'storage',
        plugintype: s.plugintype,
        status: 'unknown',
        shared: s.shared ? 1 : 0,
        content: s.content
      }
      if (st.hasRrd(n) && s.active !== false) Object.assign(e, { status: 'available', maxdisk: s.maxdisk, disk: Math.round(s.maxdisk * s.used) })
      out.push(e)
    }
  }
  return out
}

/** GET /cluster/resources: pools, guests (vmid sorted as strings), nodes (hash order), storage, sdn, network */
export function clusterResources(c: CallContext, type: string | undefined): Item[] {
  const st = c.sim.state
  const nodes = shuffle([...st.nodes.values()])
  const res: Item[] = []
  if (!type) {
    for (const [pool, members] of st.poolMembers()) {
      if (!c.sim.acl.has(c.tokenId, `/pool/${pool}`, ['Pool.Audit'])) continue
      const e: Item = { id: `/pool/${pool}`, pool, type: 'pool', uptime: 0, mem: 0, maxmem: 0, cpu: 0, maxcpu: 0 }
      for (const vmid of members) {
        const g = st.guests.get(vmid)
        const rep = g && st.reportedGuest(g)
        if (!g || !rep || rep.status === 'stopped') continue
        e.uptime = Math.max(e.uptime as number, rep.metrics.uptime)
        e.mem = (e.mem as number) + rep.metrics.mem
        e.maxmem = (e.maxmem as number) + g.maxmem
        e.cpu = (e.cpu as number) + rep.metrics.cpu * g.maxcpu
        e.maxcpu = (e.maxcpu as number) + g.maxcpu
      }
      if ((e.maxcpu as number) > 0) e.cpu = (e.cpu as number) / (e.maxcpu as number)
      res.push(e)
    }
  }
  if (!type || type === 'vm') {
    const ids = [...st.guests.keys()].map(String).sort()
    for (const id of ids) {
      const g = st.guests.get(Number(id))
      if (g && c.sim.acl.has(c.tokenId, `/vms/${g.vmid}`, ['VM.Audit'])) res.push(guestItem(c, g))
    }
  }
  // Cluster.pm lists every node regardless of ACLs (stats hidden without Sys.Audit); cgroup-mode comes from static node info
  if (!type || type === 'node') for (const n of nodes) res.push({ ...nodeItem(c, n), 'cgroup-mode': 2 })
  if (!type || type === 'storage') res.push(...storageItems(c, nodes))
  const sdnAudit = c.sim.acl.has(c.tokenId, '/sdn/zones/localnetwork', ['SDN.Audit'])
  if ((!type || type === 'sdn') && sdnAudit) {
    for (const n of nodes)
      if (st.hasRrd(n)) res.push({ id: `sdn/${n.spec.name}/localnetwork`, sdn: 'localnetwork', node: n.spec.name, type: 'sdn', status: 'ok' })
  }
  if (!type && sdnAudit) {
    for (const n of nodes) {
      if (st.hasRrd(n))
        res.push({
          id: `network/${n.spec.name}/zone/localnetwork`,
          type: 'network',
          network: 'localnetwork',
          'network-type': 'zone',
          node: n.spec.name,
          status: 'ok'
        })
    }
  }
  return res
}
