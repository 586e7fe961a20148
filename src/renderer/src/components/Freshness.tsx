// "updated 3 s ago" — ticks by itself so the rest of the screen does not re-render every second.
import { formatAge, formatClock } from '../lib/format'
import { useNow } from '../state/use-now'

export function Freshness({ at, endpoint, stale }: { at: number | null; endpoint: string | null; stale: boolean }): React.JSX.Element {
  const now = useNow()
  return (
    <span className={stale ? 'freshness freshness-stale' : 'freshness'} title={at === null ? undefined : `Last answer at ${formatClock(at)}`}>
      {at === null ? 'no answer yet' : `updated ${formatAge(at, now)}`}
      {endpoint !== null ? ` from ${endpoint}` : ''}
      {stale ? ' — the last poll failed, figures may be old' : ''}
    </span>
  )
}
