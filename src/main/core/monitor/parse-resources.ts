// /cluster/resources → normalised node, guest and storage records (not yet views: the judge adds
// confirmation, mute and action data). Unknown item types (pool, sdn, network) are skipped.
import type { GuestKind, NodeStatus, ResourceUsage, StorageView } from '../../../shared/snapshot'
import { GuestFigures } from './guest-figures'
import { bool, isRecord, nodeName, num, type RawRecord, str, strList, tagList } from './lenient'

export interface ParsedNode extends ResourceUsage {
  readonly name: string
  readonly status: NodeStatus
  readonly level: string | null
}

export interface ParsedGuest {
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
  readonly maxcpu: number | null
  readonly maxmem: number | null
  readonly maxdisk: number | null
  /**
   * The moving figures, rewritten in place by each poll of the same reader (see guest-figures.ts): a record
   * changes only when one of the fields above does, however its figures move.
   */
  readonly figures: GuestFigures
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

/** `next`, or `prev` when equal: a value kept from the last poll is not copied again (it is already old). */
function keep<T>(prev: T | undefined, next: T): T {
  return prev !== undefined && prev === next ? prev : next
}

/**
 * A guest item; with the same guest's record from the last poll, that record itself when nothing but its
 * figures changed (they are read into the record's GuestFigures, in place), else a new record that shares its
 * unchanged strings and its figures. At 5,000 guests this is the difference between every poll leaving ~2 MB
 * of new long-lived objects for the garbage collector and only what changed.
 */
function parseGuest(
  r: RawRecord,
  kind: GuestKind,
  prevOf: ((vmid: number) => ParsedGuest | undefined) | undefined,
  figures: FigureReading
): ParsedGuest | null {
  const vmid = num(r.vmid)
  if (vmid === null || !Number.isInteger(vmid) || vmid <= 0) return null
  const p = prevOf?.(vmid)
  if (p !== undefined && sameItemIdentity(p, r, kind)) {
    if (figures !== 'skip') p.figures.update(r, p.status, figures === 'continue')
    return p
  }
  const node = nodeName(r.node)
  if (!node) return null
  const same = p !== undefined && p.kind === kind
  const status = keep(p?.status, str(r.status) ?? 'unknown')
  // Another kind under the same vmid is another guest: its counters are not this one's.
  const f = same ? p.figures : new GuestFigures()
  if (figures !== 'skip') f.update(r, status, figures === 'continue')
  const g: ParsedGuest = {
    id: same ? p.id : `${kind}/${vmid}`,
    vmid,
    kind,
    node: keep(p?.node, node),
    name: keep(p?.name, str(r.name)),
    status,
    template: bool(r.template),
    tags: tagList(r.tags),
    maxcpu: num(r.maxcpu),
    maxmem: num(r.maxmem),
    maxdisk: num(r.maxdisk),
    lock: keep(p?.lock, str(r.lock)),
    hastate: keep(p?.hastate, str(r.hastate)),
    pool: keep(p?.pool, str(r.pool)),
    figures: f
  }
  return same && sameIdentity(p, g) ? p : g
}

/** The item says what record `p` says, in every field but the moving figures (p.node was checked when it was read). */
function sameItemIdentity(p: ParsedGuest, r: RawRecord, kind: GuestKind): boolean {
  return (
    p.kind === kind &&
    r.node === p.node &&
    str(r.name) === p.name &&
    (str(r.status) ?? 'unknown') === p.status &&
    bool(r.template) === p.template &&
    tagList(r.tags) === p.tags &&
    num(r.maxcpu) === p.maxcpu &&
    num(r.maxmem) === p.maxmem &&
    num(r.maxdisk) === p.maxdisk &&
    str(r.lock) === p.lock &&
    str(r.hastate) === p.hastate &&
    str(r.pool) === p.pool
  )
}

function sameIdentity(a: ParsedGuest, b: ParsedGuest): boolean {
  return (
    a.node === b.node &&
    a.name === b.name &&
    a.status === b.status &&
    a.template === b.template &&
    a.tags === b.tags &&
    a.maxcpu === b.maxcpu &&
    a.maxmem === b.maxmem &&
    a.maxdisk === b.maxdisk &&
    a.lock === b.lock &&
    a.hastate === b.hastate &&
    a.pool === b.pool
  )
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

/** Every field of an item the readers below look at (the client's scanner hands over only these). */
export const RESOURCE_FIELDS: readonly string[] = [
  'type',
  'vmid',
  'node',
  'name',
  'status',
  'template',
  'tags',
  'cpu',
  'maxcpu',
  'mem',
  'maxmem',
  'disk',
  'maxdisk',
  'uptime',
  'diskread',
  'diskwrite',
  'netin',
  'netout',
  'lock',
  'hastate',
  'pool',
  'level',
  'storage',
  'plugintype',
  'shared',
  'content'
]

/** One /cluster/resources item, read leniently (told apart by their fields: no wrapper object per item per poll). */
export type ParsedItem = ParsedNode | ParsedGuest | ParsedStorage

/**
 * Whether a poll reads guests' figures: 'continue' when the poll before did too, 'restart' when it did not (no
 * rate yet), 'skip' when nobody shows them (a guest whose figures moved costs nothing then).
 */
export type FigureReading = 'continue' | 'restart' | 'skip'

/** Never throws (the HTTP client calls it on each item as it decodes the answer). */
export function parseResourceItem(
  item: unknown,
  prevGuest?: (vmid: number) => ParsedGuest | undefined,
  figures: FigureReading = 'continue'
): ParsedItem | null {
  if (!isRecord(item)) return null
  const type = item.type
  if (type === 'qemu' || type === 'lxc') return parseGuest(item, type, prevGuest, figures)
  if (type === 'node') return parseNode(item)
  if (type === 'storage') return parseStorage(item)
  return null
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Sorted by vmid, in place when they are not already. */
export function inVmidOrder(guests: ParsedGuest[]): ParsedGuest[] {
  return sortedByVmid(guests) ? guests : guests.sort((a, b) => a.vmid - b.vmid)
}

/** Items read by parseResourceItem → sorted lists (Proxmox's order is not stable). `order` puts the guests in vmid order. */
export function collectResources(
  items: readonly (ParsedItem | null)[],
  order: (guests: ParsedGuest[]) => readonly ParsedGuest[] = inVmidOrder
): ParsedResources {
  const nodes: ParsedNode[] = []
  const guests: ParsedGuest[] = []
  const storage: ParsedStorage[] = []
  // Indexed (every item, every poll): unoptimised for-of makes an iterator result per item.
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as ParsedItem | null
    if (it === null) continue
    if ('vmid' in it) guests.push(it)
    else if ('storage' in it) storage.push(it)
    else nodes.push(it)
  }
  return { nodes: nodes.sort(byName), guests: order(guests), storage: storage.sort(byId) }
}

function sortedByVmid(guests: readonly ParsedGuest[]): boolean {
  for (let i = 1; i < guests.length; i++) if ((guests[i - 1] as ParsedGuest).vmid > (guests[i] as ParsedGuest).vmid) return false
  return true
}

/** The very same records in the same order (the reader keeps an unchanged guest's record): what per-poll caches compare. */
export function sameGuestRecords(a: readonly ParsedGuest[], b: readonly ParsedGuest[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Never throws: malformed items are dropped, the rest is kept. */
export function parseResources(items: readonly unknown[]): ParsedResources {
  return collectResources(items.map((item) => parseResourceItem(item)))
}

/** Already read by the client (the app's path), not raw items. */
export function isParsed(r: readonly unknown[] | ParsedResources): r is ParsedResources {
  return !Array.isArray(r)
}

export function guestRef(p: ParsedResources, vmid: number): { vmid: number; kind: 'qemu' | 'lxc'; name: string } | null {
  const g = p.guests.find((x) => x.vmid === vmid)
  return g ? { vmid, kind: g.kind, name: g.name ?? `${g.kind === 'qemu' ? 'VM' : 'CT'} ${vmid}` } : null
}
