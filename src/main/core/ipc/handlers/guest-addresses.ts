// guests:addresses — a guest's IP addresses, asked of the guest only when someone looks (the dashboard's
// details, the tray's "Show IP addresses"), never by the monitor's poll, and kept for a short while so a
// panel reopened or a menu rebuilt does not ask again. Main finds the guest's node and kind in its snapshot.
import type { GuestView } from '../../../../shared/snapshot'
import type { GuestAddressesView } from '../../../../shared/views'
import type { ClusterApi } from '../../clusters/types'
import { AppError } from '../../errors/app-error'
import type { HandlerContext, IpcHandler } from '../handler-types'
import { runtimeCluster } from './lookup'

/** Addresses change rarely; a guest asked again within this time is answered from memory. */
export const ADDRESS_CACHE_MS = 30_000
/** No cluster should make main hold more than this many answers (a hostile renderer asking every VMID). */
const MAX_CACHED = 500

interface Entry {
  readonly at: number
  readonly view: Promise<GuestAddressesView>
}

// Per client: a cluster saved again gets a new client, and with it an empty cache.
const caches = new WeakMap<ClusterApi, Map<number, Entry>>()

function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined
}

/**
 * What Proxmox's refusal means for the user, or null for a real failure (thrown on as an IpcError).
 * Texts from qemu-server's Agent.pm (assert_agent_available) and the ACL check (reference §4).
 */
function unavailableReason(e: unknown, vmid: number): string | null {
  if (field(e, 'kind') === 'permission') {
    const privileges = field(e, 'privileges')
    const path = field(e, 'aclPath')
    const privs = Array.isArray(privileges) ? privileges.filter((p): p is string => typeof p === 'string').join(' or ') : ''
    return privs !== '' && typeof path === 'string'
      ? `hidden: the API token lacks ${privs} on ${path}`
      : 'hidden: the API token lacks the privilege to read them'
  }
  const reason = field(e, 'reasonPhrase')
  if (field(e, 'kind') !== 'http' || typeof reason !== 'string') return null
  if (/QEMU guest agent is not running/i.test(reason)) return 'QEMU guest agent not running'
  if (/No QEMU guest agent configured/i.test(reason)) return 'no QEMU guest agent configured for this VM (Options → QEMU Guest Agent)'
  if (new RegExp(`^(VM|CT) ${vmid} (is )?not running`).test(reason)) return 'it is not running'
  return null
}

function notRunningReason(g: GuestView): string | null {
  if (g.staleReason !== null) return `its state is unknown (${g.staleReason})`
  return g.state === 'running' ? null : 'it is not running'
}

async function ask(ctx: Pick<HandlerContext, 'now'>, api: Pick<ClusterApi, 'guestInterfaces'>, clusterId: string, g: GuestView): Promise<GuestAddressesView> {
  const base = { clusterId, vmid: g.vmid, source: g.kind === 'qemu' ? ('agent' as const) : ('container' as const) }
  try {
    const interfaces = await api.guestInterfaces(g.node, g.kind, g.vmid)
    // Loopback is the guest talking to itself: nothing to copy and reach it by.
    const shown = interfaces
      .map((i) => ({ ...i, addresses: i.addresses.filter((a) => !/^(127\.|::1$)/.test(a.address)) }))
      .filter((i) => i.name !== 'lo' && i.addresses.length > 0)
    return { ...base, interfaces: shown, unavailable: shown.length === 0 ? 'the guest reports no IP address' : null, fetchedAt: ctx.now() }
  } catch (e) {
    const why = unavailableReason(e, g.vmid)
    if (why === null) throw e
    return { ...base, interfaces: [], unavailable: why, fetchedAt: ctx.now() }
  }
}

export const guestAddresses: IpcHandler<'guests:addresses', Pick<HandlerContext, 'clusters' | 'now'>> = async (input, ctx) => {
  const c = runtimeCluster(ctx, input.clusterId)
  const g = ctx.clusters.snapshot(c.id)?.guests.find((x) => x.vmid === input.vmid)
  if (g === undefined) throw new AppError('not-found', `Guest ${input.vmid} is not in this cluster (any more).`)
  const source = g.kind === 'qemu' ? 'agent' : 'container'
  const notRunning = notRunningReason(g)
  if (notRunning !== null) return { clusterId: c.id, vmid: g.vmid, source, interfaces: [], unavailable: notRunning, fetchedAt: ctx.now() }

  let cache = caches.get(c.api)
  if (cache === undefined) caches.set(c.api, (cache = new Map<number, Entry>()))
  const now = ctx.now()
  const hit = cache.get(g.vmid)
  if (hit !== undefined && now - hit.at < ADDRESS_CACHE_MS) return hit.view
  for (const [vmid, e] of cache) if (now - e.at >= ADDRESS_CACHE_MS || cache.size >= MAX_CACHED) cache.delete(vmid)
  const view = ask(ctx, c.api, c.id, g)
  cache.set(g.vmid, { at: now, view })
  // A failure is not kept: the next look asks again.
  view.catch(() => {
    if (cache.get(g.vmid)?.view === view) cache.delete(g.vmid)
  })
  return view
}
