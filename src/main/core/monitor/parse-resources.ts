// /cluster/resources → normalised node, guest and storage records (not yet views: the judge adds
// confirmation, mute and action data). Unknown item types (pool, sdn, network) are skipped.
import type { GuestKind, NodeStatus, ResourceUsage, StorageView } from '../../../shared/snapshot'
import { bool, isRecord, nodeName, num, str, strList, tagList, type RawRecord } from './lenient'

export interface ParsedNode extends ResourceUsage {
  readonly name: string
  readonly status: NodeStatus
  readonly level: string | null
}

export interface ParsedGuest extends ResourceUsage {
  readonly id: string
  readonly vmid: number
  readonly kind: GuestKind
  readonly node: string
  readonly name: string | null
  readonly status: string
  readonly template: boolean
  readonly tags: readonly string[]
  readonly lock: string | null
  readonly hastate: string | null
  readonly pool: string | null
}

/** A storage item as Proxmox lists it; the view adds usage and the threshold verdict. */
export type ParsedStorage = Omit<StorageView, 'usage' | 'aboveThreshold'>

export interface ParsedResources {
  readonly nodes: readonly ParsedNode[]
  readonly guests: readonly ParsedGuest[]
  readonly storage: readonly ParsedStorage[]
}

function nodeStatus(v: unknown): NodeStatus {
  return v === 'online' ? 'online' : v === 'offline' ? 'offline' : 'unknown'
}

function parseNode(r: RawRecord): ParsedNode | null {
  const name = nodeName(r.node)
  if (!name) return null
  return {
    name,
    status: nodeStatus(r.status),
    cpu: num(r.cpu),
    maxcpu: num(r.maxcpu),
    mem: num(r.mem),
    maxmem: num(r.maxmem),
    disk: num(r.disk),
    maxdisk: num(r.maxdisk),
    uptime: num(r.uptime),
    level: str(r.level)
  }
}

function parseGuest(r: RawRecord, kind: GuestKind): ParsedGuest | null {
  const vmid = num(r.vmid)
  const node = nodeName(r.node)
  if (vmid === null || !Number.isInteger(vmid) || vmid <= 0 || !node) return null
  return {
    id: `${kind}/${vmid}`,
    vmid,
    kind,
    node,
    name: str(r.name),
    status: str(r.status) ?? 'unknown',
    template: bool(r.template),
    tags: tagList(r.tags),
    cpu: num(r.cpu),
    maxcpu: num(r.maxcpu),
    mem: num(r.mem),
    maxmem: num(r.maxmem),
    disk: num(r.disk),
    maxdisk: num(r.maxdisk),
    uptime: num(r.uptime),
    lock: str(r.lock),
    hastate: str(r.hastate),
    pool: str(r.pool)
  }
}

function parseStorage(r: RawRecord): ParsedStorage | null {
  const storage = str(r.storage)
  const node = nodeName(r.node)
  if (!storage || !node) return null
  return {
    id: `storage/${node}/${storage}`,
    storage,
    node,
    plugintype: str(r.plugintype) ?? 'unknown',
    shared: bool(r.shared),
    status: str(r.status) ?? 'unknown',
    content: strList(r.content, /,/),
    used: num(r.disk),
    total: num(r.maxdisk)
  }
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/** Never throws: malformed items are dropped, the rest is kept. Lists are sorted (Proxmox's order is not stable). */
export function parseResources(items: readonly unknown[]): ParsedResources {
  const nodes: ParsedNode[] = []
  const guests: ParsedGuest[] = []
  const storage: ParsedStorage[] = []
  for (const item of items) {
    if (!isRecord(item)) continue
    const type = item.type
    if (type === 'node') {
      const n = parseNode(item)
      if (n) nodes.push(n)
    } else if (type === 'qemu' || type === 'lxc') {
      const g = parseGuest(item, type)
      if (g) guests.push(g)
    } else if (type === 'storage') {
      const s = parseStorage(item)
      if (s) storage.push(s)
    }
  }
  nodes.sort(byName)
  guests.sort((a, b) => a.vmid - b.vmid)
  storage.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { nodes, guests, storage }
}
