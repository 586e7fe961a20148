// The SSH health check's findings. Each item says "not available" on its own when it failed.
import type { NodeHealthItem, NodeHealthReport } from '@shared/views'

import { formatBytes } from '../../lib/format'

function Item<T>({ title, item, children }: { title: string; item: NodeHealthItem<T>; children: (v: T) => React.ReactNode }): React.JSX.Element {
  return (
    <section className="health-item" aria-label={title}>
      <h3>{title}</h3>
      {item.ok && item.value !== null ? children(item.value) : <p className="muted-text">{item.error ?? 'not available'}</p>}
    </section>
  )
}

/** A finding's list, or a line saying it is empty. */
function ItemList<T>({ items, empty, render }: { items: readonly T[]; empty?: string; render: (v: T) => React.JSX.Element }): React.JSX.Element {
  if (items.length === 0 && empty !== undefined) return <p className="muted-text">{empty}</p>
  return <ul className="plain-list">{items.map(render)}</ul>
}

export function HealthReport({ report }: { report: NodeHealthReport }): React.JSX.Element {
  return (
    <div className="health-grid" data-testid="health-report">
      <Item title="Proxmox packages" item={report.pveversion}>
        {(v) => (
          <ItemList
            items={v.slice(0, 12)}
            render={(p) => (
              <li key={p.name}>
                {p.name}: {p.version}
              </li>
            )}
          />
        )}
      </Item>
      <Item title="Load average" item={report.loadavg}>
        {(v) => <p>{v.map((x) => x.toFixed(2)).join(' · ')} (1, 5, 15 min)</p>}
      </Item>
      <Item title="Temperatures" item={report.temperatures}>
        {(v) => (
          <ItemList
            items={v}
            empty="No sensors reported."
            render={(t) => (
              <li key={t.sensor} className={t.celsius >= 80 ? 'warning-text' : undefined}>
                {t.sensor}: {t.celsius.toFixed(0)} °C
              </li>
            )}
          />
        )}
      </Item>
      <Item title="ZFS pools" item={report.zpools}>
        {(v) => (
          <ItemList
            items={v}
            empty="No ZFS pools."
            render={(p) => (
              <li key={p.name} className={p.health === 'ONLINE' ? undefined : 'error-text'}>
                {p.name}: {p.health} ({p.alloc} of {p.size})
              </li>
            )}
          />
        )}
      </Item>
      <Item title="Root file system" item={report.rootfs}>
        {(v) => (
          <p>
            {formatBytes(v.used)} of {formatBytes(v.total)} used
          </p>
        )}
      </Item>
      <p className="muted-text health-foot">
        Checked over SSH on {report.host} in {report.durationMs} ms.
      </p>
    </div>
  )
}
