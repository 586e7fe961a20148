// A guest's status as its node reported it (status/current) when an action the user started ended: fresher
// than /cluster/resources, which shows pvestatd's view (up to ~10 s old). It is shown at once and kept until
// the cluster's list agrees (or FRESH_STATUS_MS passed), so a row never says "running" next to "Stop: OK".
import type { ParsedResources } from './parse-resources'

/** How long a node's own answer is preferred over a cluster list that has not caught up: 3 pvestatd rounds. */
const FRESH_STATUS_MS = 30_000

export class FreshStatuses {
  private readonly fresh = new Map<number, { status: string; at: number }>()

  note(vmid: number, status: string, now: number): void {
    this.fresh.set(vmid, { status, at: now })
  }

  /**
   * `p` with the fresher statuses in. `fromPoll`: `p` is a new answer of the cluster, so entries it agrees
   * with (or that are too old to prefer, or whose guest is gone) are dropped.
   */
  apply(p: ParsedResources, now: number, fromPoll: boolean): ParsedResources {
    if (this.fresh.size === 0) return p
    if (fromPoll) for (const [vmid, f] of this.fresh) if (now - f.at > FRESH_STATUS_MS) this.fresh.delete(vmid)
    let changed = false
    const guests = p.guests.map((g) => {
      const f = this.fresh.get(g.vmid)
      if (f === undefined) return g
      if (g.status === f.status) {
        // The cluster's list caught up: the list speaks again.
        if (fromPoll) this.fresh.delete(g.vmid)
        return g
      }
      changed = true
      return Object.freeze({ ...g, status: f.status })
    })
    return changed ? Object.freeze({ ...p, guests: Object.freeze(guests) }) : p
  }
}
