// The findings of one SSH health check, one box each. A box whose probe failed says why (or "not
// available"), never shows a value it does not have.
import { ROOT_FULL_PERCENT } from '@shared/node-health-limits'
import type { NodeHealthItem, NodeHealthReport } from '@shared/views'

import { formatBytes } from '../../lib/format'

function Item<T>({ title, item, children }: { title: string; item: NodeHealthItem<T>; children: (v: T) => React.ReactNode }): React.JSX.Element {
  return (
    <section className="health-item" aria-label={title}>
      <h3>{title}</h3>
      {item.ok && item.value !== null ? children(item.value) : <p className="muted-text">Could not be checked: {item.error ?? 'not available'}</p>}
    </section>
  )
}

export function VersionsItem({ report }: { report: NodeHealthReport }): React.JSX.Element {
  return (
    <Item title="Versions" item={report.pveversion}>
      {(v) => (
        <>
          <ul className="plain-list">
            <li>Proxmox VE {v.proxmoxVe ?? 'unknown'}</li>
            <li>Manager {v.manager ?? 'unknown'}</li>
            <li>Kernel {v.runningKernel ?? 'unknown'}</li>
          </ul>
          <details>
            <summary>All {v.packages.length} packages</summary>
            <ul className="plain-list">
              {v.packages.map((p) => (
                <li key={p.name}>
                  {p.name}: {p.version}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </Item>
  )
}

export function LoadItem({ report }: { report: NodeHealthReport }): React.JSX.Element {
  return (
    <Item title="Load average" item={report.loadavg}>
      {(v) => <p>{v.map((x) => x.toFixed(2)).join(' · ')} (1, 5, 15 min)</p>}
    </Item>
  )
}

function limits(high: number | null, critical: number | null): string {
  const parts = [high === null ? null : `high ${high.toFixed(0)} °C`, critical === null ? null : `critical ${critical.toFixed(0)} °C`].filter((x) => x !== null)
  return parts.length === 0 ? 'no limits reported' : parts.join(', ')
}

export function TemperaturesItem({ report }: { report: NodeHealthReport }): React.JSX.Element {
  return (
    <Item title="Temperatures" item={report.temperatures}>
      {(v) =>
        v.length === 0 ? (
          <p className="muted-text">No sensors reported.</p>
        ) : (
          <ul className="plain-list">
            {v.map((t) => {
              const crit = t.critical !== null && t.celsius >= t.critical
              const hot = crit || (t.high !== null && t.celsius >= t.high)
              return (
                <li key={t.sensor} className={crit ? 'error-text' : hot ? 'warning-text' : undefined}>
                  {t.sensor}: {t.celsius.toFixed(0)} °C ({limits(t.high, t.critical)}){crit ? ' — at the critical limit' : hot ? ' — above the high limit' : ''}
                </li>
              )
            })}
          </ul>
        )
      }
    </Item>
  )
}

export function ZfsItem({ report }: { report: NodeHealthReport }): React.JSX.Element {
  const problems = report.zfsProblems.value ?? []
  return (
    <Item title="ZFS pools" item={report.zpools}>
      {(v) => (
        <>
          {v.length === 0 ? <p className="muted-text">No ZFS pools.</p> : null}
          <ul className="plain-list">
            {v.map((p) => {
              const problem = problems.find((x) => x.pool === p.name)
              return (
                <li key={p.name} className={p.health === 'ONLINE' ? undefined : 'error-text'}>
                  {p.name}: {p.health === 'ONLINE' ? 'ONLINE' : `${p.health} — needs attention`} ({p.alloc} of {p.size} used)
                  {problem?.status ? <p className="health-detail">{problem.status}</p> : null}
                  {problem?.action ? <p className="health-detail">What to do: {problem.action}</p> : null}
                </li>
              )
            })}
          </ul>
          {!report.zfsProblems.ok ? <p className="muted-text">Pool errors could not be checked: {report.zfsProblems.error}</p> : null}
        </>
      )}
    </Item>
  )
}

export function RootFsItem({ report }: { report: NodeHealthReport }): React.JSX.Element {
  return (
    <Item title="Root file system" item={report.rootfs}>
      {(v) => (
        <p className={v.usedPercent >= ROOT_FULL_PERCENT ? 'warning-text' : undefined}>
          {formatBytes(v.used)} of {formatBytes(v.total)} used ({v.usedPercent}%){v.usedPercent >= ROOT_FULL_PERCENT ? ' — nearly full' : ''}
          <span className="health-detail muted-text"> on {v.filesystem}</span>
        </p>
      )}
    </Item>
  )
}

export function ServicesItem({ report }: { report: NodeHealthReport }): React.JSX.Element {
  return (
    <Item title="Services" item={report.services}>
      {(v) => (
        <ul className="plain-list">
          {v.map((s) => (
            <li key={s.unit} className={s.state === 'active' ? undefined : 'error-text'}>
              {s.unit}: {s.state === 'active' ? 'running' : `${s.state} — not running`}
            </li>
          ))}
        </ul>
      )}
    </Item>
  )
}
