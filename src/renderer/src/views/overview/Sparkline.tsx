// A tiny inline SVG chart of one series (e.g. CPU over the last hour).
export interface SparklineProps {
  readonly values: readonly (number | null)[]
  readonly label: string
  readonly max?: number
}

const W = 120
const H = 28

export function Sparkline({ values, label, max }: SparklineProps): React.JSX.Element {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (nums.length < 2) return <span className="sparkline-empty">no history yet</span>
  const top = max ?? Math.max(...nums, 1e-9)
  const step = W / (values.length - 1)
  const points: string[] = []
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return
    const y = H - Math.min(1, Math.max(0, v / top)) * (H - 2) - 1
    points.push(`${(i * step).toFixed(1)},${y.toFixed(1)}`)
  })
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <polyline points={points.join(' ')} fill="none" strokeWidth="1.5" />
    </svg>
  )
}
