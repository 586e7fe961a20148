// The SSH health check's findings: what needs attention first (in words), then every probe on its own.
// "No problems found" is said only when every probe ran; otherwise the summary says what was not checked.
import type { NodeHealthReport } from '@shared/views'

import { formatClock } from '../../lib/format'
import { LoadItem, RootFsItem, ServicesItem, TemperaturesItem, VersionsItem, ZfsItem } from './HealthItems'

function unchecked(r: NodeHealthReport): number {
  return [r.pveversion, r.loadavg, r.temperatures, r.zpools, r.zfsProblems, r.rootfs, r.services].filter((i) => !i.ok).length
}

function Summary({ report }: { report: NodeHealthReport }): React.JSX.Element {
  const missing = unchecked(report)
  if (report.warnings.length > 0) {
    return (
      <div className="panel panel-warning health-summary" data-testid="health-warnings">
        <h3>
          {report.warnings.length === 1 ? '1 warning' : `${report.warnings.length} warnings`} on {report.node}
        </h3>
        <ul className="plain-list">
          {report.warnings.map((w) => (
            <li key={w}>Warning: {w}</li>
          ))}
        </ul>
        {missing > 0 ? <p className="muted-text">{missing === 1 ? '1 check' : `${missing} checks`} could not run (see below).</p> : null}
      </div>
    )
  }
  return (
    <p className="health-summary" data-testid="health-summary">
      {missing === 0
        ? 'No problems found: every check ran and found nothing that needs attention.'
        : `No problems found in the checks that ran; ${missing === 1 ? '1 check' : `${missing} checks`} could not run (see below).`}
    </p>
  )
}

export function HealthReport({ report }: { report: NodeHealthReport }): React.JSX.Element {
  const checked = Date.parse(report.checkedAt)
  return (
    <div data-testid="health-report">
      <Summary report={report} />
      <div className="health-grid">
        <VersionsItem report={report} />
        <LoadItem report={report} />
        <TemperaturesItem report={report} />
        <ZfsItem report={report} />
        <RootFsItem report={report} />
        <ServicesItem report={report} />
        <p className="muted-text health-foot" data-testid="health-checked">
          Checked over SSH on {report.host} at {Number.isFinite(checked) ? formatClock(checked) : 'an unknown time'} (took {report.durationMs} ms).
        </p>
      </div>
    </div>
  )
}
