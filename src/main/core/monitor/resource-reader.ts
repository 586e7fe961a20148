import {
  collectResources,
  type FigureReading,
  inVmidOrder,
  type ParsedGuest,
  type ParsedItem,
  type ParsedResources,
  parseResourceItem
} from './parse-resources'

/**
 * Reads one poll's items after another, each against the records of the poll before (see parseGuest):
 * what did not change keeps its object. One reader per cluster; `read` is the HTTP client's per-item callback.
 */
export class ResourceReader {
  // The last poll's guests in vmid order, and each vmid's place in it. Proxmox lists guests in a different order
  // on every poll; while the set of guests stays the same, this poll's records go straight to their places
  // (no sort, no new map: at 5,000 guests both were garbage that outlived the poll).
  #last: readonly ParsedGuest[] = []
  #placeOf = new Map<number, number>()
  readonly #prevOf = (vmid: number): ParsedGuest | undefined => {
    const at = this.#placeOf.get(vmid)
    return at === undefined ? undefined : this.#last[at]
  }

  /**
   * How this poll reads guests' moving figures (into each guest's GuestFigures; the monitor decides, see
   * FigureReads): not at all while nobody shows any, so a guest whose figures moved then costs nothing.
   */
  figures: FigureReading = 'continue'

  read(item: unknown): ParsedItem | null {
    return parseResourceItem(item, this.#prevOf, this.figures)
  }

  /** The poll's records, sorted; they become the "before" of the next poll. */
  finish(items: readonly (ParsedItem | null)[]): ParsedResources {
    const out = collectResources(items, (read) => this.#inLastOrder(read) ?? this.#newOrder(read))
    this.#last = out.guests
    return out
  }

  #newOrder(read: ParsedGuest[]): readonly ParsedGuest[] {
    const guests = inVmidOrder(read)
    this.#placeOf = new Map(guests.map((g, i) => [g.vmid, i]))
    return guests
  }

  /** The guests in the last poll's order, or null when the set of guests changed. */
  #inLastOrder(read: readonly ParsedGuest[]): ParsedGuest[] | null {
    if (read.length !== this.#last.length) return null
    const out = new Array<ParsedGuest | undefined>(read.length).fill(undefined)
    for (let i = 0; i < read.length; i++) {
      const g = read[i] as ParsedGuest
      const at = this.#placeOf.get(g.vmid)
      if (at === undefined || out[at] !== undefined) return null
      out[at] = g
    }
    return out as ParsedGuest[]
  }
}
