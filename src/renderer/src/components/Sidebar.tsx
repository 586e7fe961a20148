// View navigation, plus one entry per node so node details are one click away.
import type { ClusterSnapshot } from '@shared/snapshot'
import { memo } from 'react'

import type { Route } from '../state/use-navigation'

const VIEWS: readonly { view: Route['view']; label: string }[] = [
  { view: 'overview', label: 'Overview' },
  { view: 'guests', label: 'Guests' },
  { view: 'storage', label: 'Storage' },
  { view: 'tasks', label: 'Tasks' },
  { view: 'settings', label: 'Settings' }
]

export interface SidebarProps {
  readonly route: Route
  readonly navigate: (to: Route) => void
  readonly clusters: readonly ClusterSnapshot[]
}

function SidebarInner({ route, navigate, clusters }: SidebarProps): React.JSX.Element {
  // While the user connects their own cluster, the demo's nodes are not listed as if they were theirs.
  const listed = route.view === 'onboarding' ? clusters.filter((c) => !c.demo) : clusters
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">PVE Tray</div>
      <ul>
        {VIEWS.map((v) => (
          <li key={v.view}>
            <button type="button" className="nav-item" aria-current={route.view === v.view ? 'page' : undefined} onClick={() => navigate({ view: v.view })}>
              {v.label}
            </button>
          </li>
        ))}
      </ul>
      {listed.map((c) => (
        <div key={c.clusterId} className="nav-group">
          <div className="nav-group-title">
            {c.clusterName}
            {c.demo ? <span className="nav-group-note"> (simulated)</span> : null}
          </div>
          <ul aria-label={`Nodes of ${c.clusterName}`}>
            {c.nodes.map((n) => (
              <li key={n.name}>
                <button
                  type="button"
                  className="nav-item nav-node"
                  aria-current={route.view === 'node' && route.node === n.name && route.clusterId === c.clusterId ? 'page' : undefined}
                  onClick={() => navigate({ view: 'node', clusterId: c.clusterId, node: n.name })}
                >
                  <span className={`dot dot-${n.status}`} aria-hidden="true" />
                  {n.name}
                  <span className="visually-hidden"> ({n.status})</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}

/** What the sidebar shows of the clusters: names and node statuses (a poll changes neither, usually). */
function sameNav(a: readonly ClusterSnapshot[], b: readonly ClusterSnapshot[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  return a.every((x, i) => {
    const y = b[i] as ClusterSnapshot
    if (x.clusterId !== y.clusterId || x.clusterName !== y.clusterName || x.nodes.length !== y.nodes.length) return false
    return x.nodes === y.nodes || x.nodes.every((n, j) => n.name === y.nodes[j]?.name && n.status === y.nodes[j]?.status)
  })
}

/** Skips a poll that changed only figures (cpu, memory) the sidebar does not show. */
export const Sidebar = memo(SidebarInner, (a, b) => a.route === b.route && a.navigate === b.navigate && sameNav(a.clusters, b.clusters))
