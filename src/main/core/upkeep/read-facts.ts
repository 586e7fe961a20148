// One node's upkeep facts, read from its API: each read stands alone (a refused or failed one says "not known"
// and why, the others still show). A privilege the token is known to lack is not asked for at all: the fact is
// hidden with the reason, and nothing is sent that would only come back 403 (no error storm).
import type { CertificateFact, NotKnown, ReplicationFact, SubscriptionFact, UpdatesFact } from '../../../shared/upkeep'
import { hasPrivilege, type Permissions } from '../clusters/privileges'
import type { ClusterApi } from '../clusters/types'
import { errorKindOf, field } from '../errors/error-kind'

export type UpkeepApi = Pick<ClusterApi, 'nodeUpkeep'>

/** The privilege Proxmox checks for a read, where it checks one (schema: apt/update; the others are `user: all`). */
export const UPDATES_PRIVILEGE = 'Sys.Modify'

export const notKnown = (reason: string, checkedAt: number | null, hidden = false): NotKnown => ({ known: false, reason, hidden, checkedAt })

const hiddenFor = (privilege: string, path: string, at: number): NotKnown => notKnown(`hidden: the API token lacks ${privilege} on ${path}`, at, true)

/** A failed read in words; a 403 hides the fact with the privilege Proxmox named. */
function failed(e: unknown, at: number): NotKnown {
  const kind = errorKindOf(e)
  if (kind === 'permission') {
    const privs = field(e, 'privileges')
    const path = field(e, 'aclPath')
    const list = Array.isArray(privs) ? privs.filter((p): p is string => typeof p === 'string').join(' or ') : ''
    return list !== '' && typeof path === 'string' ? hiddenFor(list, path, at) : notKnown('hidden: the API token may not read it', at, true)
  }
  if (kind === 'malformed') return notKnown("not known: Proxmox's answer could not be read", at)
  if (kind === 'unreachable' || kind === 'timeout') return notKnown('not known: the node did not answer', at)
  if (kind === 'not-found' || kind === 'http') {
    const reason = field(e, 'reasonPhrase')
    return notKnown(`not known: Proxmox answered ${typeof reason === 'string' && reason !== '' ? `"${reason.slice(0, 200)}"` : 'with an error'}`, at)
  }
  return notKnown('not known: the read failed', at)
}

export async function readUpdates(api: UpkeepApi, node: string, perms: Permissions | null, now: () => number): Promise<UpdatesFact> {
  if (perms !== null && !hasPrivilege(perms, `/nodes/${node}`, UPDATES_PRIVILEGE)) return hiddenFor(UPDATES_PRIVILEGE, `/nodes/${node}`, now())
  try {
    const packages = await api.nodeUpkeep(node, 'updates')
    return { known: true, checkedAt: now(), packages: [...packages].sort((a, b) => a.name.localeCompare(b.name)) }
  } catch (e) {
    return failed(e, now())
  }
}

export async function readCertificate(api: UpkeepApi, node: string, now: () => number): Promise<CertificateFact> {
  try {
    const c = await api.nodeUpkeep(node, 'certificate')
    if (c === null) return notKnown('not known: the node lists no certificate with an expiry', now())
    return { known: true, checkedAt: now(), ...c }
  } catch (e) {
    return failed(e, now())
  }
}

export async function readReplication(api: UpkeepApi, node: string, perms: Permissions | null, now: () => number): Promise<ReplicationFact> {
  // Proxmox lists only the jobs of guests the token may VM.Audit: without it on /vms an empty list would say "no jobs".
  if (perms !== null && !hasPrivilege(perms, '/vms', 'VM.Audit')) return hiddenFor('VM.Audit', '/vms', now())
  try {
    const jobs = await api.nodeUpkeep(node, 'replication')
    return { known: true, checkedAt: now(), jobs }
  } catch (e) {
    return failed(e, now())
  }
}

export async function readSubscription(api: UpkeepApi, node: string, now: () => number): Promise<SubscriptionFact> {
  try {
    const s = await api.nodeUpkeep(node, 'subscription')
    return { known: true, checkedAt: now(), ...s }
  } catch (e) {
    return failed(e, now())
  }
}
