// What the guest tracker judges of each guest, kept per guest while its record (kept by the reader when the guest
// did not change), its node being offline and its alert choice are the same: a poll of an unchanged cluster then
// allocates no object per guest for the tracker (5,000 of them per poll at 5,000 guests were garbage).
import { normaliseGuestState } from './guest-state'
import type { JudgedGuest } from './guest-tracker'
import type { ParsedGuest } from './parse-resources'

interface Entry {
  parsed: ParsedGuest
  stale: boolean
  alerts: boolean
  judged: JudgedGuest
  seen: number
}

function judge(g: ParsedGuest, stale: boolean, alerts: boolean): JudgedGuest {
  return {
    vmid: g.vmid,
    kind: g.kind,
    node: g.node,
    name: g.name ?? `${g.kind === 'qemu' ? 'VM' : 'CT'} ${g.vmid}`,
    state: stale ? 'unknown' : normaliseGuestState(g.kind, g.status, g.lock),
    lock: g.lock,
    stale,
    alerts
  }
}

export class JudgedGuests {
  readonly #entries = new Map<number, Entry>()
  #round = 0

  of(g: ParsedGuest, stale: boolean, alerts: boolean): JudgedGuest {
    const c = this.#entries.get(g.vmid)
    if (c === undefined) {
      const judged = judge(g, stale, alerts)
      this.#entries.set(g.vmid, { parsed: g, stale, alerts, judged, seen: this.#round })
      return judged
    }
    c.seen = this.#round
    if (c.parsed !== g || c.stale !== stale || c.alerts !== alerts) {
      c.parsed = g
      c.stale = stale
      c.alerts = alerts
      c.judged = judge(g, stale, alerts)
    }
    return c.judged
  }

  /** Ends a poll: guests it did not list are forgotten. */
  sweep(): void {
    const round = this.#round
    this.#entries.forEach((c, vmid) => {
      if (c.seen !== round) this.#entries.delete(vmid)
    })
    this.#round++
  }
}
