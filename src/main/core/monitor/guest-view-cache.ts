// The last view built per guest: a guest whose record (kept by the reader when unchanged), whose shown figures
// and whose judgement inputs are the same keeps its view object. Unchanged guests then cost no allocation, and
// the state delta, the tray and the renderer's memoized rows skip them by reference. Entries are updated in
// place: per-poll bookkeeping objects would outlive the poll and burden the garbage collector.
import type { ClusterMode, GuestView, MuteInfo } from '../../../shared/snapshot'
import { buildGuestView, type GuestViewContext, withNewFigures } from './build-views'
import type { FiguresShown } from './figures-shown'
import { type ParsedGuest, sameGuestRecords } from './parse-resources'

interface CachedGuestView {
  parsed: ParsedGuest
  /** Its figures are shown, and from which reading (see GuestFigures.reading). */
  shown: boolean
  reading: number
  mode: ClusterMode
  can: boolean | null
  /** The powerEpoch `can` was asked under. */
  epoch: unknown
  stale: boolean
  alerts: boolean
  muted: MuteInfo | null
  busy: boolean
  view: GuestView
  /** The snapshot that last showed this guest, and its place in that snapshot's list. */
  seen: number
  at: number
}

/** What, besides each record and the context's fields, a snapshot's whole guest list depends on. */
export interface GuestListInputs {
  readonly guests: readonly ParsedGuest[]
  /** The offline nodes, in a fixed order. */
  readonly offlineKey: string
  /** Changes (by identity) whenever an alert choice does (CoreState.alertsEpoch). */
  readonly alertsEpoch: unknown
  /** No guest is muted and none busy: muteFor and busy answer the same for every guest whatever the time. */
  readonly quiet: boolean
}

interface LastList extends GuestListInputs {
  readonly figures: FiguresShown
  readonly mode: ClusterMode
  readonly powerEpoch: unknown
  views: GuestView[]
  readonly entries: readonly CachedGuestView[]
}

export class GuestViewCache {
  readonly #entries = new Map<number, CachedGuestView>()
  #round = 0
  #last: LastList | null = null

  /**
   * Every guest's view. The same records (the reader kept every guest's, whatever their figures did), judged by
   * the same inputs, give the previous list with only the shown guests whose figures moved built again: a poll
   * then costs no lookup per guest, and with no figures shown the list stays the same array (what compares it
   * next, the state delta and the tray, finds that at once).
   */
  views(o: GuestListInputs, ctx: GuestViewContext): GuestView[] {
    const l = this.#last
    if (
      l !== null &&
      l.quiet &&
      o.quiet &&
      l.figures === ctx.figures &&
      l.mode === ctx.mode &&
      l.powerEpoch === ctx.powerEpoch &&
      l.offlineKey === o.offlineKey &&
      l.alertsEpoch === o.alertsEpoch &&
      sameGuestRecords(l.guests, o.guests)
    ) {
      l.views = this.#refigured(l, ctx)
      return l.views
    }
    const views = new Array<GuestView>(o.guests.length)
    const entries = new Array<CachedGuestView>(o.guests.length)
    for (let i = 0; i < o.guests.length; i++) {
      const c = this.#entry(o.guests[i] as ParsedGuest, ctx, i)
      entries[i] = c
      views[i] = c.view
    }
    this.sweep()
    this.#last = { ...o, figures: ctx.figures, mode: ctx.mode, powerEpoch: ctx.powerEpoch, views, entries }
    return views
  }

  /** The last list with the shown guests whose figures moved since their view was built, built again. */
  #refigured(l: LastList, ctx: GuestViewContext): GuestView[] {
    const f = ctx.figures
    let out: GuestView[] | null = null
    const redo = (c: CachedGuestView | undefined): void => {
      if (c === undefined || !c.shown || c.stale || c.reading === c.parsed.figures.reading) return
      c.reading = c.parsed.figures.reading
      // Nothing but the figures changed (same record, same judgement inputs): the view is copied, not judged again.
      c.view = withNewFigures(c.view, c.parsed.figures)
      out ??= l.views.slice()
      out[c.at] = c.view
    }
    // Indexed (every guest, every poll with all figures shown): no iterator result per guest.
    if (f.all) for (let i = 0; i < l.entries.length; i++) redo(l.entries[i])
    else for (const vmid of f.vmids) redo(this.#entries.get(vmid))
    return out ?? l.views
  }

  #entry(g: ParsedGuest, ctx: GuestViewContext, at: number): CachedGuestView {
    const c = this.#entries.get(g.vmid)
    // Asking the permissions per guest per poll was most of this loop: the answer depends only on what a
    // PowerTarget holds (vmid, pool) and on what it is judged by (the epoch), so it is asked again only when one
    // of those changed (not when the guest's figures did).
    const can = c !== undefined && c.parsed.pool === g.pool && c.epoch === ctx.powerEpoch ? c.can : ctx.canPowerMgmt(g)
    const stale = ctx.offlineNodes.has(g.node)
    const alerts = ctx.alertsFor(g)
    const muted = ctx.muteFor(g.vmid)
    const busy = ctx.busy.has(g.vmid)
    const shown = ctx.figures.all || ctx.figures.vmids.has(g.vmid)
    const reading = g.figures.reading
    if (c === undefined) {
      const view = buildGuestView(g, ctx, can, shown)
      const entry = { parsed: g, shown, reading, mode: ctx.mode, can, epoch: ctx.powerEpoch, stale, alerts, muted, busy, view, seen: this.#round, at }
      this.#entries.set(g.vmid, entry)
      return entry
    }
    c.seen = this.#round
    c.at = at
    c.epoch = ctx.powerEpoch
    if (
      c.parsed === g &&
      c.shown === shown &&
      (!shown || c.reading === reading) &&
      c.mode === ctx.mode &&
      c.can === can &&
      c.stale === stale &&
      c.alerts === alerts &&
      c.muted === muted &&
      c.busy === busy
    )
      return c
    const before = c.mode === ctx.mode && c.can === can && c.stale === stale ? c.view : undefined
    c.parsed = g
    c.shown = shown
    c.reading = reading
    c.mode = ctx.mode
    c.can = can
    c.stale = stale
    c.alerts = alerts
    c.muted = muted
    c.busy = busy
    c.view = buildGuestView(g, ctx, can, shown, before)
    return c
  }

  /** Ends a snapshot: guests it did not show are forgotten. */
  private sweep(): void {
    const round = this.#round
    // forEach: no [key, value] pair allocated per entry.
    this.#entries.forEach((c, vmid) => {
      if (c.seen !== round) this.#entries.delete(vmid)
    })
    this.#round++
  }
}
