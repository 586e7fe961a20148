// /cluster/ha/status/current → the HA manager and each resource's state, read leniently; and the tracker
// that says when a resource enters `error` or `fence` (the HA manager needs the admin) and when it leaves.
// A condition, said once when it starts (also when it is already there at the first reading) and once when over.
import type { HaResourceView } from '../../../shared/ha-ceph'
import type { MonitorEvent } from '../../../shared/snapshot'
import { isRecord, optBool, str } from './lenient'
import type { EventFactory, EventGuestRef } from './monitor-events'

export interface ParsedHaStatus {
  readonly manager: { readonly node: string; readonly mode: string } | null
  readonly quorate: boolean | null
  readonly resources: readonly HaResourceView[]
}

/** The states in which the HA manager cannot help itself. */
const PROBLEM_STATES: ReadonlySet<string> = new Set(['error', 'fence'])

const SID_RE = /^(vm|ct):(\d+)$/

/** "pve-a (active, Sun Dec  6 03:00:00 2026)" → mode "active"; Proxmox's text when it has another form. */
function managerMode(status: string): string {
  const m = /^\S+ \(([^,)]+)/.exec(status)
  return (m?.[1] ?? status).trim()
}

/** Throws only when the answer is not a list at all (a malformed answer is an error, never "no resources"). */
export function parseHaStatus(items: unknown): ParsedHaStatus {
  if (!Array.isArray(items)) throw new Error('The HA status Proxmox sent is not a list.')
  let manager: ParsedHaStatus['manager'] = null
  let quorate: boolean | null = null
  const resources: HaResourceView[] = []
  for (const item of items) {
    if (!isRecord(item)) continue
    const type = str(item.type)
    if (type === 'quorum') quorate = optBool(item.quorate)
    else if (type === 'master') {
      const node = str(item.node)
      const status = str(item.status)
      if (node !== null) manager = { node, mode: status === null ? 'not known' : managerMode(status) }
    } else if (type === 'service') {
      const sid = str(item.sid)
      const state = str(item.state) ?? str(item.crm_state)
      if (sid === null || state === null) continue
      const m = SID_RE.exec(sid)
      resources.push({
        sid,
        vmid: m ? Number(m[2]) : null,
        node: str(item.node) ?? '',
        state,
        requestState: str(item.request_state),
        problem: PROBLEM_STATES.has(state)
      })
    }
  }
  resources.sort((a, b) => (a.vmid ?? 0) - (b.vmid ?? 0) || a.sid.localeCompare(b.sid))
  return { manager, quorate, resources }
}

export interface HaTrackContext {
  readonly now: number
  readonly events: MonitorEvent[]
  readonly factory: EventFactory
  readonly guestRef: (vmid: number) => EventGuestRef | null
}

const WHAT: Readonly<Record<string, string>> = {
  error: 'is in HA state error: the HA manager gave up on it (set it to disabled, fix the cause, then enable it again)',
  fence: 'is being fenced: its node is cut off and the HA manager waits to recover it elsewhere'
}

export class HaTracker {
  /** sid → the problem state announced. */
  private readonly announced = new Map<string, string>()

  observe(resources: readonly HaResourceView[], ctx: HaTrackContext): void {
    const seen = new Set<string>()
    for (const r of resources) {
      seen.add(r.sid)
      const was = this.announced.get(r.sid)
      const event = r.problem ? was !== r.state : was !== undefined
      if (!event) continue
      // Looked up only for an event: a cluster has hundreds of HA resources and few of them change.
      const guest = r.vmid === null ? null : ctx.guestRef(r.vmid)
      const label = guest ? `${guest.kind === 'qemu' ? 'VM' : 'CT'} ${guest.vmid} (${guest.name})` : `HA resource ${r.sid}`
      if (r.problem) {
        this.announced.set(r.sid, r.state)
        const where = r.node === '' ? '' : ` on ${r.node}`
        ctx.events.push(
          ctx.factory.make({
            kind: 'ha-problem',
            at: ctx.now,
            node: r.node === '' ? null : r.node,
            guest,
            message: `${label}${where} ${WHAT[r.state] ?? `is in HA state ${r.state}`}.`,
            detail: r.state
          })
        )
      } else {
        this.announced.delete(r.sid)
        ctx.events.push(
          ctx.factory.make({
            kind: 'ha-recovered',
            at: ctx.now,
            node: r.node === '' ? null : r.node,
            guest,
            message: `${label} left HA state ${was}: it is ${r.state} now.`,
            detail: r.state
          })
        )
      }
    }
    // A resource removed from HA while in trouble: nothing left to recover.
    for (const sid of [...this.announced.keys()]) if (!seen.has(sid)) this.announced.delete(sid)
  }
}
