// A guest's moving figures (cpu, mem, disk, uptime, and disk/network rates from its byte counters) as the
// last poll read them. One object per guest for as long as it exists, rewritten in place by every poll: at
// 5,000 guests a dashboard open made a new record per running guest per poll (all of them move), which was
// most of the garbage a poll left. The guest's record (ParsedGuest) now changes only when what identifies
// and judges it does; a view shows these figures only for the guests a dashboard shows (figures-shown.ts).
//
// Rates: /cluster/resources' counters (diskread, diskwrite, netin, netout) are bytes since the guest started.
// pvestatd refreshes them every ~10 s together with `uptime`, so the time between two readings is the uptime
// difference, not the time between our polls: a poll that finds the same reading keeps the last rates.
import { num, type RawRecord } from './lenient'

const UPTIME = 0
const CPU = 1
const MEM = 2
const DISK = 3
/** The four counters, then their four rates in the same order. */
const COUNTERS = 4
const RATES = 8
const SLOTS = 12

/** NaN stands for "not known" inside (a Float64Array holds no null); callers see null. */
const known = (x: number): number | null => (x === x ? x : null)
const raw = (x: number | null): number => (x === null ? NaN : x)

/**
 * Seconds between the reading before (its uptime) and this one: 0 for the same reading (uptime unchanged);
 * NaN when no rate can be told: no reading before, a stopped guest, or uptime went backwards (the guest
 * restarted and its counters began again).
 */
export function readingGap(beforeUptime: number, status: string, uptime: number): number {
  if (status === 'stopped' || !(uptime > 0) || !(beforeUptime > 0)) return NaN
  const gap = uptime - beforeUptime
  return gap >= 0 ? gap : NaN
}

/**
 * One counter's rate over `gap` seconds; with gap 0 (the same reading) the rate shown before. A counter that
 * went backwards (restart, counter reset) or is missing gives NaN, never a negative rate or a spike.
 */
export function counterRate(before: number, now: number, gap: number, shown: number): number {
  if (gap !== gap || before !== before || now !== now) return NaN
  if (gap === 0) return now === before ? shown : NaN
  return now >= before ? (now - before) / gap : NaN
}

export class GuestFigures {
  readonly #v = new Float64Array(SLOTS).fill(NaN)
  #reading = 0

  /** Bumped whenever a figure changed: a view built from an older reading is built again (when it shows figures). */
  get reading(): number {
    return this.#reading
  }

  /**
   * Reads the figures of `r`, a /cluster/resources item of this guest, whose status is `status`. `continued`: the
   * poll before read them too; else the reading before is not the last one (no rate from a reading kept while
   * nobody looked: an average over that long is not the guest's rate now).
   */
  update(r: RawRecord, status: string, continued: boolean): void {
    const v = this.#v
    const uptime = raw(num(r.uptime))
    const gap = continued ? readingGap(v[UPTIME] as number, status, uptime) : NaN
    // Every guest, every poll while a dashboard shows figures: straight-line property reads (a loop over the
    // counter names made each a keyed lookup), and `|` so that every slot is written.
    const changed =
      this.#set(UPTIME, uptime) |
      this.#set(CPU, raw(num(r.cpu))) |
      this.#set(MEM, raw(num(r.mem))) |
      this.#set(DISK, raw(num(r.disk))) |
      this.#counter(0, raw(num(r.diskread)), gap) |
      this.#counter(1, raw(num(r.diskwrite)), gap) |
      this.#counter(2, raw(num(r.netin)), gap) |
      this.#counter(3, raw(num(r.netout)), gap)
    if (changed !== 0) this.#reading++
  }

  /** Counter `i`'s new reading and the rate since the last one; 1 when either changed. */
  #counter(i: number, now: number, gap: number): number {
    const v = this.#v
    const rate = counterRate(v[COUNTERS + i] as number, now, gap, v[RATES + i] as number)
    return this.#set(COUNTERS + i, now) | this.#set(RATES + i, rate)
  }

  /** 1 when slot `i` changed to `x` (NaN, "not known", equals NaN here), else 0. */
  #set(i: number, x: number): number {
    const v = this.#v
    const was = v[i] as number
    if (was === x || (was !== was && x !== x)) return 0
    v[i] = x
    return 1
  }

  get uptime(): number | null {
    return known(this.#v[UPTIME] as number)
  }
  get cpu(): number | null {
    return known(this.#v[CPU] as number)
  }
  get mem(): number | null {
    return known(this.#v[MEM] as number)
  }
  get disk(): number | null {
    return known(this.#v[DISK] as number)
  }
  /** Bytes per second between the last two pvestatd readings. */
  get diskReadRate(): number | null {
    return known(this.#v[RATES] as number)
  }
  get diskWriteRate(): number | null {
    return known(this.#v[RATES + 1] as number)
  }
  get netInRate(): number | null {
    return known(this.#v[RATES + 2] as number)
  }
  get netOutRate(): number | null {
    return known(this.#v[RATES + 3] as number)
  }
}
