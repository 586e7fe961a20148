// backups:info — the newest backup of each guest and the guests no backup job covers.
//
// The cheapest honest source for "newest backup per guest" is the backup storages' content listing
// (GET /nodes/{node}/storage/{storage}/content?content=backup: each archive with its owner vmid and ctime): one
// request per backup storage (a shared one once, a local one per node), and it tells what exists now, pruned
// archives gone. /cluster/tasks is no source: it keeps only recent tasks, and a scheduled job's one vzdump task
// covers many guests without naming them. Listing a PBS or NFS store costs that store real work, so this is read
// when someone looks (the guests view, a guest's details), kept 10 minutes, read again at most every 30 s on
// request, and never by the monitor's poll.
import type { BackupInfoView, NewestBackup, UnreadStorage } from '../../../../shared/backup-views'
import type { ChannelParsedInput } from '../../../../shared/ipc/contract'
import type { ClusterSnapshot } from '../../../../shared/snapshot'
import type { ClusterApi } from '../../clusters/types'
import { AppError } from '../../errors/app-error'
import { errorKindOf } from '../../errors/error-kind'
import type { HandlerContext } from '../handler-types'

/** How long an answer is kept: backups happen nightly, not by the minute. */
export const BACKUP_INFO_MAX_AGE_MS = 10 * 60_000
/** A "Refresh" within this time of the last read gets the last answer (no storm of storage listings). */
export const BACKUP_INFO_MIN_REFRESH_MS = 30_000
/** Storage listings in flight at once. */
const PARALLEL = 3

interface Entry {
  readonly at: number
  readonly view: Promise<BackupInfoView>
}

// Per client: a cluster saved again gets a new client and an empty cache.
const cache = new WeakMap<ClusterApi, Entry>()

/** Each backup storage once (a shared one from one online node), with the node to ask it of. */
function backupStorages(snap: ClusterSnapshot): { reads: { storage: string; node: string; shared: boolean }[]; unread: UnreadStorage[] } {
  const offline = new Set(snap.nodes.filter((n) => n.status !== 'online').map((n) => n.name))
  const reads: { storage: string; node: string; shared: boolean }[] = []
  const unread: UnreadStorage[] = []
  const sharedSeen = new Set<string>()
  const sharedOffline = new Map<string, string>()
  for (const s of snap.storage) {
    if (!s.content.includes('backup')) continue
    if (s.shared) {
      if (sharedSeen.has(s.storage)) continue
      if (offline.has(s.node)) {
        sharedOffline.set(s.storage, s.node)
        continue
      }
      sharedSeen.add(s.storage)
      sharedOffline.delete(s.storage)
      reads.push({ storage: s.storage, node: s.node, shared: true })
    } else if (offline.has(s.node)) {
      unread.push({ storage: s.storage, node: s.node, reason: `node ${s.node} is not online` })
    } else {
      reads.push({ storage: s.storage, node: s.node, shared: false })
    }
  }
  for (const [storage] of sharedOffline) if (!sharedSeen.has(storage)) unread.push({ storage, node: null, reason: 'no node that has it is online' })
  return { reads, unread }
}

function why(e: unknown, what: string): string {
  if (errorKindOf(e) === 'permission') return `hidden: the API token lacks ${what}`
  return `not known: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300)
}

async function read(api: ClusterApi, snap: ClusterSnapshot, now: number): Promise<BackupInfoView> {
  const { reads, unread } = backupStorages(snap)
  const newest = new Map<number, NewestBackup>()
  const queue = [...reads]
  const worker = async (): Promise<void> => {
    for (let r = queue.shift(); r !== undefined; r = queue.shift()) {
      try {
        for (const v of await api.backupVolumes(r.node, r.storage)) {
          const had = newest.get(v.vmid)
          if (had === undefined || v.ctime > had.at) newest.set(v.vmid, { vmid: v.vmid, at: v.ctime, storage: r.storage })
        }
      } catch (e) {
        unread.push({ storage: r.storage, node: r.shared ? null : r.node, reason: why(e, `Datastore.Audit on /storage/${r.storage}`) })
      }
    }
  }
  const [uncovered] = await Promise.all([
    api.notBackedUp().then(
      (list) => ({ list: list.map((g) => ({ vmid: g.vmid, kind: g.type, name: g.name })), hidden: null }),
      (e: unknown) => ({ list: null, hidden: why(e, 'Sys.Audit on /') })
    ),
    ...Array.from({ length: Math.min(PARALLEL, reads.length) }, worker)
  ])
  // No backup storage visible at all is not "never backed up": the token may lack Datastore.Audit on the one that
  // holds them (Proxmox leaves a storage out of /cluster/resources then), or the backups go elsewhere.
  const hidden =
    reads.length > 0 || unread.length > 0
      ? null
      : snap.storage.length === 0
        ? 'hidden: the API token sees no storage (Datastore.Audit on /storage)'
        : 'not known: the API token sees no storage for backups (none is configured, or it lacks Datastore.Audit on it)'
  return {
    clusterId: snap.clusterId,
    readAt: hidden === null ? now : null,
    hidden,
    newest: [...newest.values()].sort((a, b) => a.vmid - b.vmid),
    unread,
    uncovered: uncovered.list,
    uncoveredHidden: uncovered.hidden
  }
}

export async function backupInfo(input: ChannelParsedInput<'backups:info'>, ctx: Pick<HandlerContext, 'clusters' | 'now'>): Promise<BackupInfoView> {
  const c = ctx.clusters.get(input.clusterId)
  if (c === undefined) throw new AppError('not-found', 'This cluster is not configured (it may have been removed).')
  const snap = ctx.clusters.snapshot(c.id)
  const now = ctx.now()
  if (snap === null || snap.fetchedAt === null)
    return {
      clusterId: c.id,
      readAt: null,
      hidden: 'not known yet: the cluster has not answered',
      newest: [],
      unread: [],
      uncovered: null,
      uncoveredHidden: null
    }
  const hit = cache.get(c.api)
  const age = hit === undefined ? Infinity : now - hit.at
  if (hit !== undefined && age < (input.refresh ? BACKUP_INFO_MIN_REFRESH_MS : BACKUP_INFO_MAX_AGE_MS)) return hit.view
  const view = read(c.api, snap, now)
  cache.set(c.api, { at: now, view })
  view.catch(() => {
    if (cache.get(c.api)?.view === view) cache.delete(c.api)
  })
  return view
}
