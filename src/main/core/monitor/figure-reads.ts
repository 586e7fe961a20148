// When a cluster's polls read guests' moving figures, and when what they read may be shown. The reader writes
// figures into each guest's GuestFigures as it reads, before the monitor takes the poll: a poll that is then
// dropped or fails leaves figures that belong to no snapshot, so none is shown until a poll is taken again, and
// no rate is told across such a gap (nor across an outage or a sleep: an average over hours is not a rate now).
import { ALL_FIGURES, type FiguresShown, NO_FIGURES, sameFiguresShown, showsFigures } from './figures-shown'
import type { FigureReading } from './parse-resources'

/** What a new choice of shown figures needs: nothing, the last poll's snapshot again, or a poll. */
export type FiguresChange = 'same' | 'show' | 'poll'

export class FigureReads {
  #shown: FiguresShown = ALL_FIGURES
  /** The last poll taken read figures and nothing wrote into them since: they may be shown. */
  #valid = true
  /** When that poll was taken; null after a poll that read none, failed or was dropped. */
  #lastAt: number | null = null

  /** Whether polls should read guests' figures: while any are shown. */
  get reads(): boolean {
    return showsFigures(this.#shown)
  }

  /** What the views show now. */
  get shown(): FiguresShown {
    return this.#valid ? this.#shown : NO_FIGURES
  }

  /** How the next poll reads them; a reading older than `maxGapMs` gives no rate. */
  reading(now: number, maxGapMs: number): FigureReading {
    if (!this.reads) return 'skip'
    return this.#lastAt !== null && now - this.#lastAt <= maxGapMs ? 'continue' : 'restart'
  }

  /**
   * A new choice. With the last poll's figures valid it is shown at once. Else one poll reads them, when figures
   * start being shown and the cluster answers (not one per scroll, and a failing cluster's backed-off poll reads them).
   */
  set(shown: FiguresShown, clusterAnswers: boolean): FiguresChange {
    if (sameFiguresShown(shown, this.#shown)) return 'same'
    const before = this.#shown
    this.#shown = shown
    if (this.#valid) return 'show'
    return showsFigures(shown) && !showsFigures(before) && clusterAnswers ? 'poll' : 'same'
  }

  /** A poll was taken; `read`: it read figures. */
  taken(read: boolean, now: number): void {
    this.#valid = read
    this.#lastAt = read ? now : null
  }

  /** A poll failed or was dropped (maybe after writing figures), or the machine slept. */
  lost(): void {
    this.#valid = false
    this.#lastAt = null
  }
}
