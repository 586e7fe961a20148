import type { GuestRec } from './cluster-state'
import { type ApiHandler, type CallContext, die, str } from './context'
import { powerAction } from './power-actions'
import { guestRrd } from './rrd'

type Kind = 'qemu' | 'lxc'

const confMissing = (kind: Kind, node: string, vmid: number | string): string =>
  `Configuration file 'nodes/${node}/${kind === 'qemu' ? 'qemu-server' : 'lxc'}/${vmid}.conf' does not exist`

function guestOn(c: CallContext, kind: Kind, node: string): GuestRec {
  const g = c.sim.state.guests.get(Number(str(c, 'vmid')))
  if (!g || g.type !== kind || g.node !== node) die(confMissing(kind, node, str(c, 'vmid')))
  return g as GuestRec
}

/** QemuServer.pm vmstatus / LXC.pm vmstatus: live values read by the node itself */
function vmstatus(c: CallContext, g: GuestRec, full: boolean): Record<string, unknown> {
  const m = c.sim.state.liveGuestMetrics(g, c.sim.now())
  const up = g.status !== 'stopped'
  const d: Record<string, unknown> = {
    vmid: g.vmid,
    name: g.name,
    status: up ? 'running' : 'stopped',
    uptime: m.uptime,
    cpus: g.maxcpu,
    cpu: m.cpu,
    maxmem: g.maxmem,
    mem: m.mem,
    maxdisk: g.maxdisk,
    disk: m.disk,
    netin: m.netin,
    netout: m.netout,
    diskread: m.diskread,
    diskwrite: m.diskwrite
  }
  if (g.type === 'qemu') {
    d.memhost = m.memhost
    if (full) d.qmpstatus = g.status
    if (up) Object.assign(d, { 'running-machine': 'pc-q35-10.1+pve0', 'running-qemu': '10.1.2' })
  } else {
    Object.assign(d, { type: 'lxc', maxswap: 512 * 1024 ** 2, swap: up ? 4096 * 1024 : 0 })
  }
  if (up) d.pid = 10_000 + g.vmid
  if (g.lock !== undefined) d.lock = g.lock
  if (g.tags !== undefined) d.tags = g.tags
  if (g.template) d.template = 1
  return d
}

function list(kind: Kind): ApiHandler {
  return (c) => ({
    data: [...c.sim.state.guests.values()]
      .filter((g) => g.type === kind && g.node === c.local && c.sim.acl.has(c.tokenId, `/vms/${g.vmid}`, ['VM.Audit']))
      .map((g) => vmstatus(c, g, c.params.full === '1' || c.params.full === true))
  })
}

function current(kind: Kind): ApiHandler {
  return (c) => {
    const g = guestOn(c, kind, c.local)
    const d = vmstatus(c, g, true)
    d.ha = g.hastate === undefined ? { managed: 0 } : { managed: 1, state: g.hastate }
    if (kind === 'qemu') Object.assign(d, { agent: 1, serial: 0, clipboard: 'vnc', spice: 0 })
    return { data: d }
  }
}

function rrd(kind: Kind): ApiHandler {
  return (c) => {
    const node = str(c, 'node') === 'localhost' ? c.local : str(c, 'node')
    return { data: guestRrd(c, guestOn(c, kind, node)) }
  }
}

export const guestHandlers: Record<string, ApiHandler> = {}
for (const kind of ['qemu', 'lxc'] as const) {
  guestHandlers[`GET /nodes/{node}/${kind}`] = list(kind)
  guestHandlers[`GET /nodes/{node}/${kind}/{vmid}/status/current`] = current(kind)
  guestHandlers[`GET /nodes/{node}/${kind}/{vmid}/rrddata`] = rrd(kind)
  const actions =
    kind === 'qemu' ? ['start', 'stop', 'shutdown', 'reboot', 'reset', 'suspend', 'resume'] : ['start', 'stop', 'shutdown', 'reboot', 'suspend', 'resume']
  for (const a of actions) guestHandlers[`POST /nodes/{node}/${kind}/{vmid}/status/${a}`] = (c) => powerAction(c, kind, a)
}
