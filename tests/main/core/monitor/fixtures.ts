import type { ParsedResources } from '../../../../src/main/core/monitor/parse-resources'
import type { ClusterSnapshot } from '../../../../src/shared/snapshot'

// Raw /cluster/resources, /cluster/status and /cluster/tasks payloads shaped as Proxmox sends them
// (0/1 integers, omitted fields), for driving the monitor core without a server.
export interface FxNode {
  name: string
  online?: boolean
}
export interface FxGuest {
  vmid: number
  type?: 'qemu' | 'lxc'
  node: string
  status?: string
  name?: string
  hastate?: string
  lock?: string
  template?: boolean
}
export interface FxStorage {
  storage: string
  node: string
  used: number
  total: number
  shared?: boolean
}

export function resources(nodes: FxNode[], guests: FxGuest[] = [], storage: FxStorage[] = []): unknown[] {
  const out: unknown[] = []
  for (const g of guests) {
    const type = g.type ?? 'qemu'
    out.push({
      id: `${type}/${g.vmid}`,
      vmid: g.vmid,
      node: g.node,
      type,
      status: g.status ?? 'running',
      name: g.name ?? `g${g.vmid}`,
      template: g.template ? 1 : 0,
      maxcpu: 2,
      cpu: 0.1,
      maxmem: 2048,
      mem: 1024,
      maxdisk: 10,
      disk: 0,
      uptime: 100,
      ...(g.hastate ? { hastate: g.hastate } : {}),
      ...(g.lock ? { lock: g.lock } : {})
    })
  }
  for (const n of nodes) {
    out.push(
      n.online === false
        ? { id: `node/${n.name}`, node: n.name, type: 'node', status: 'offline', level: '' }
        : {
            id: `node/${n.name}`,
            node: n.name,
            type: 'node',
            status: 'online',
            cpu: 0.05,
            maxcpu: 8,
            mem: 1,
            maxmem: 2,
            disk: 1,
            maxdisk: 2,
            uptime: 1000,
            level: ''
          }
    )
  }
  for (const s of storage) {
    out.push({
      id: `storage/${s.node}/${s.storage}`,
      storage: s.storage,
      node: s.node,
      type: 'storage',
      plugintype: 'dir',
      status: 'available',
      shared: s.shared ? 1 : 0,
      content: 'images,rootdir',
      disk: s.used,
      maxdisk: s.total
    })
  }
  return out
}

export function clusterStatus(quorate: boolean, nodes: string[]): unknown[] {
  return [
    { type: 'cluster', id: 'cluster', name: 'lab', nodes: nodes.length, version: 3, quorate: quorate ? 1 : 0 },
    ...nodes.map((n, i) => ({ type: 'node', id: `node/${n}`, name: n, nodeid: i + 1, local: i === 0 ? 1 : 0, online: 1, ip: `10.0.0.${i + 1}`, level: '' }))
  ]
}

export interface FxTask {
  type: string
  id: string
  node?: string
  startSec: number
  endSec?: number
  status?: string
  user?: string
  upid?: string
}

export function tasks(list: FxTask[]): unknown[] {
  return list.map((t, i) => ({
    upid:
      t.upid ??
      `UPID:${t.node ?? 'pve-a'}:0000${i}AAA:00000001:${t.startSec.toString(16).toUpperCase().padStart(8, '0')}:${t.type}:${t.id}:${t.user ?? 'root@pam'}:`,
    node: t.node ?? 'pve-a',
    type: t.type,
    id: t.id,
    user: t.user ?? 'root@pam',
    starttime: t.startSec,
    ...(t.endSec !== undefined ? { endtime: t.endSec, status: t.status ?? 'OK' } : {})
  }))
}

export const NODES3: FxNode[] = [{ name: 'pve-a' }, { name: 'pve-b' }, { name: 'pve-c' }]
export const down = (name: string, nodes: FxNode[] = NODES3): FxNode[] => nodes.map((n) => (n.name === name ? { ...n, online: false } : n))

/** Read resources with each guest's figures as plain values (GuestFigures keeps them private), for toEqual. */
export function withFigureValues(p: ParsedResources): unknown {
  return {
    ...p,
    guests: p.guests.map((g) => {
      const f = g.figures
      const figures = [f.uptime, f.cpu, f.mem, f.disk, f.diskReadRate, f.diskWriteRate, f.netInRate, f.netOutRate]
      return { ...g, figures }
    })
  }
}

/** The snapshot MonitorCore.setGuestFigures published at once (not 'poll', not null). */
export function republished(x: ClusterSnapshot | 'poll' | null): ClusterSnapshot {
  if (x === null || x === 'poll') throw new Error(`expected a snapshot at once, got ${String(x)}`)
  return x
}
