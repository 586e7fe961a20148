// One series over time (e.g. a node's CPU over the last hour) across the card's width, with its scale
// (top and bottom value, start and end time) and, under the pointer, the value at that time.
import { useState } from 'react'

import { formatClock, formatClockShort } from '../../lib/format'

export interface SparkPoint {
  /** Epoch seconds (Proxmox RRD). */
  readonly time: number
  readonly value: number | null
}

export interface SparklineProps {
  readonly points: readonly SparkPoint[]
  readonly label: string
  /** The series' short name under the chart (the card says whose it is). */
  readonly caption: string
  /** Top of the scale; the largest value when not given. */
  readonly max?: number
  readonly format: (v: number) => string
}

// The drawing's own units; the SVG stretches to the card (the line keeps its width: non-scaling-stroke).
const W = 300
const H = 40

/** The tip's centre in % of the plot, kept far enough from the edges that it stays inside the card. */
function tipLeft(index: number, count: number): number {
  return Math.min(80, Math.max(20, (index / Math.max(1, count - 1)) * 100))
}

export function Sparkline({ points, label, caption, max, format }: SparklineProps): React.JSX.Element {
  const [hover, setHover] = useState<number | null>(null)
  const known = points.filter((p): p is SparkPoint & { value: number } => p.value !== null && Number.isFinite(p.value))
  const first = points[0]
  const last = known[known.length - 1]
  if (known.length < 2 || first === undefined || last === undefined) return <span className="sparkline-empty">no history yet</span>
  const top = max ?? Math.max(...known.map((p) => p.value), 1e-9)
  const step = W / Math.max(1, points.length - 1)
  const y = (v: number): number => H - Math.min(1, Math.max(0, v / top)) * (H - 2) - 1
  const line = points.flatMap((p, i) => (p.value === null || !Number.isFinite(p.value) ? [] : [`${(i * step).toFixed(1)},${y(p.value).toFixed(1)}`]))
  const peak = Math.max(...known.map((p) => p.value))
  const shown = hover === null ? null : points[hover]
  const clamp = (i: number): number => Math.min(points.length - 1, Math.max(0, i))
  const onMove = (e: React.MouseEvent<SVGSVGElement>): void => {
    const box = e.currentTarget.getBoundingClientRect()
    setHover(clamp(Math.round(((e.clientX - box.left) / Math.max(1, box.width)) * (points.length - 1))))
  }
  // The keyboard reads the same values: arrows step through the points, Home/End jump to the ends.
  const onKey = (e: React.KeyboardEvent<SVGSVGElement>): void => {
    const at = hover ?? points.length - 1
    const to = e.key === 'ArrowLeft' ? at - 1 : e.key === 'ArrowRight' ? at + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? points.length - 1 : null
    if (to === null) return
    e.preventDefault()
    setHover(clamp(to))
  }
  const readout = shown === undefined || shown === null ? '' : `${formatClock(shown.time * 1000)} · ${shown.value === null ? 'no data' : format(shown.value)}`
  return (
    <figure className="sparkline-box">
      <div className="sparkline-plot">
        <div className="sparkline-scale" aria-hidden="true">
          <span>{format(top)}</span>
          <span>{format(0)}</span>
        </div>
        <div className="sparkline-area">
          <svg
            className="sparkline"
            viewBox={`0 0 ${W} ${H}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={`${label}: now ${format(last.value)}, peak ${format(peak)}`}
            aria-keyshortcuts="ArrowLeft ArrowRight Home End"
            tabIndex={0}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
            onFocus={() => setHover(points.length - 1)}
            onBlur={() => setHover(null)}
            onKeyDown={onKey}
          >
            <polyline points={line.join(' ')} fill="none" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
            {hover !== null ? <line className="sparkline-cursor" x1={hover * step} x2={hover * step} y1={0} y2={H} vectorEffect="non-scaling-stroke" /> : null}
          </svg>
          {readout !== '' ? (
            // Placed through CSSOM (React style), which the CSP permits; announced by the live region below.
            <span className="sparkline-tip" data-testid="sparkline-tip" aria-hidden="true" style={{ left: `${tipLeft(hover ?? 0, points.length)}%` }}>
              {readout}
            </span>
          ) : null}
          {/* Always in the page, so a screen reader hears each value the arrows move to. */}
          <span className="visually-hidden" aria-live="polite">
            {readout}
          </span>
        </div>
      </div>
      <figcaption className="sparkline-caption" aria-hidden="true">
        <span>{formatClockShort(first.time * 1000)}</span>
        <span>{caption}</span>
        <span>{formatClockShort((points[points.length - 1]?.time ?? last.time) * 1000)}</span>
      </figcaption>
    </figure>
  )
}
