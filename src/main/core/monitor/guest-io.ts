// Guests' disk and network rates (B/s) from /cluster/resources' cumulative byte counters (diskread, diskwrite,
// netin, netout: bytes since the guest started). pvestatd refreshes them every ~10 s together with `uptime`, so
// the time between two readings is the uptime difference, not the time between our polls: a poll that finds
// the same reading keeps the last rates instead of dividing by its own interval.

/** A guest's counters and the rates last derived from them; null where unknown. */
export interface GuestIo {
  readonly uptime: number | null
  readonly diskread: number | null
  readonly diskwrite: number | null
  readonly netin: number | null
  readonly netout: number | null
  /** Bytes per second between the last two pvestatd readings. */
  readonly diskReadRate: number | null
  readonly diskWriteRate: number | null
  readonly netInRate: number | null
  readonly netOutRate: number | null
}

/**
 * Seconds between the reading `before` and the reading `now` of one guest: 0 for the same reading (uptime
 * unchanged), null when no rate can be told (no reading before, a stopped guest, or uptime went backwards:
 * the guest restarted and its counters began again).
 */
export function readingGap(before: GuestIo | undefined, now: { readonly status: string; readonly uptime: number | null }): number | null {
  if (before === undefined || now.status === 'stopped' || now.uptime === null || before.uptime === null) return null
  if (now.uptime <= 0 || before.uptime <= 0) return null
  const gap = now.uptime - before.uptime
  return gap >= 0 ? gap : null
}

/**
 * One counter's rate over `gap` seconds; with gap 0 (the same reading) the rate shown before. A counter that
 * went backwards (restart, counter reset) or is missing gives null, never a negative rate or a spike.
 */
export function counterRate(before: number | null, now: number | null, gap: number | null, shown: number | null): number | null {
  if (gap === null || before === null || now === null) return null
  if (gap === 0) return now === before ? shown : null
  return now >= before ? (now - before) / gap : null
}

export function sameIo(a: GuestIo, b: GuestIo): boolean {
  return (
    a.diskread === b.diskread &&
    a.diskwrite === b.diskwrite &&
    a.netin === b.netin &&
    a.netout === b.netout &&
    a.diskReadRate === b.diskReadRate &&
    a.diskWriteRate === b.diskWriteRate &&
    a.netInRate === b.netInRate &&
    a.netOutRate === b.netOutRate
  )
}
