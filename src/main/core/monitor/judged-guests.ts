// What the guest tracker judges of each guest, as one list. A poll whose guest records are the very ones of the
// poll before (the reader keeps an unchanged guest's record), with the same nodes offline and the same alert
// choices, gets the same list back: no object per guest is made, and the tracker, seeing the list it judged last,
// can skip it (see GuestTracker). A per-guest cache was tried: its lookups cost more than the objects it saved.
import { normaliseGuestState } from './guest-state'
import type { JudgedGuest } from './guest-tracker'
import { type ParsedGuest, sameGuestRecords } from './parse-resources'

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

export interface JudgeInputs {
  readonly guests: readonly ParsedGuest[]
  readonly offline: ReadonlySet<string>
  /** Changes (by identity) whenever an alert choice does: see CoreState.alertsEpoch. */
  readonly alertsEpoch: unknown
  readonly alertsFor: (g: ParsedGuest) => boolean
}

export class JudgedGuests {
  #last: { guests: readonly ParsedGuest[]; offline: string; alertsEpoch: unknown; list: readonly JudgedGuest[] } | null = null

  list(o: JudgeInputs): readonly JudgedGuest[] {
    const offline = [...o.offline].join('\n')
    const l = this.#last
    if (l !== null && l.alertsEpoch === o.alertsEpoch && l.offline === offline && sameGuestRecords(l.guests, o.guests)) return l.list
    const list = o.guests.map((g) => judge(g, o.offline.has(g.node), o.alertsFor(g)))
    this.#last = { guests: o.guests, offline, alertsEpoch: o.alertsEpoch, list }
    return list
  }
}
