import type { StorageView } from '@shared/snapshot'

import { UsageBar } from '../../components/UsageBar'
import { formatBytes, formatPercent } from '../../lib/format'

export function StorageRow({ storage: s, thresholdPct }: { storage: StorageView; thresholdPct: number }): React.JSX.Element {
  const warn = s.aboveThreshold || (s.usage !== null && s.usage * 100 >= thresholdPct)
  const text = s.usage === null ? (s.status === 'available' ? 'no figures' : `not available (${s.status})`) : `${formatBytes(s.used)} of ${formatBytes(s.total)} (${formatPercent(s.usage)})`
  return (
    <li className="storage-row" data-storage={s.storage} data-warn={warn ? 'true' : 'false'}>
      <div className="storage-name">
        <strong>{s.storage}</strong> <span className="muted-text">{s.plugintype}</span>
        <span className="muted-text"> · {s.content.join(', ')}</span>
        {warn ? (
          <span className="badge badge-warn" role="img" aria-label={`Above ${thresholdPct} %`}>
            almost full
          </span>
        ) : null}
      </div>
      <UsageBar label={`Usage of ${s.storage}`} fraction={s.usage} text={text} warn={warn} />
    </li>
  )
}
