import type { MuteInfo } from '@shared/snapshot'

import { formatClock } from '../../lib/format'

export function mutedText(m: MuteInfo): string {
  if (m.mode === 'hour') return m.until !== null ? `muted until ${formatClock(m.until)}` : 'muted for 1 h'
  if (m.mode === 'until-up') return 'muted until up'
  return 'muted'
}

export function MutedBadge({ muted }: { muted: MuteInfo }): React.JSX.Element {
  return (
    <span className="badge badge-muted" data-testid="muted-badge" title="Notifications for this are muted">
      {mutedText(muted)}
    </span>
  )
}
