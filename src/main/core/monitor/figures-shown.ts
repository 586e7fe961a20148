// Which guests' moving figures (cpu, mem, disk, uptime, I/O rates) a cluster's snapshot shows: a dashboard shows
// those of the rows on its screen, or all of them when its table is sorted by one; the tray shows none. Every
// other guest's figures are null in its view ("—"), so a poll builds and sends nothing for what nobody sees.
export interface FiguresShown {
  readonly all: boolean
  /** With `all` false: the guests (by vmid) whose figures are shown. */
  readonly vmids: ReadonlySet<number>
}

export const NO_FIGURES: FiguresShown = Object.freeze({ all: false, vmids: new Set<number>() })
export const ALL_FIGURES: FiguresShown = Object.freeze({ all: true, vmids: new Set<number>() })

export function sameFiguresShown(a: FiguresShown, b: FiguresShown): boolean {
  if (a === b) return true
  if (a.all !== b.all || a.vmids.size !== b.vmids.size) return false
  for (const v of a.vmids) if (!b.vmids.has(v)) return false
  return true
}

export function showsFigures(f: FiguresShown): boolean {
  return f.all || f.vmids.size > 0
}
