// Every cluster: its headline and node cards, then the events timeline.
import type { AppState } from '@shared/views'
import { useMemo } from 'react'

import type { Route } from '../../state/use-navigation'
import { UpkeepCardLine } from '../node/UpkeepCardLine'
import { ClusterSummary } from './ClusterSummary'
import { EventsTimeline } from './EventsTimeline'
import { guestCounts } from './guest-counts'
import { HaCephPanel } from './HaCephPanel'
import { NodeCard } from './NodeCard'

export function OverviewView({ state, navigate }: { state: AppState | null; navigate: (to: Route) => void }): React.JSX.Element {
  const clusters = state?.clusters
  const counts = useMemo(() => guestCounts(clusters ?? []), [clusters])
  if (state === null) return <p aria-busy="true">Loading…</p>
  return (
    <div className="view" data-view="overview">
      <h1 className="view-title">Overview</h1>
      {state.clusters.length === 0 ? (
        <div className="panel">
          <p>No cluster is being watched yet.</p>
          <button type="button" className="btn btn-primary" onClick={() => navigate({ view: 'onboarding' })}>
            Connect a cluster
          </button>
        </div>
      ) : null}
      {state.clusters.map((c) => (
        <section key={c.clusterId} className="cluster" aria-label={`Cluster ${c.clusterName}`}>
          <ClusterSummary cluster={c} />
          <HaCephPanel cluster={c} />
          <div className="node-grid">
            {c.nodes.map((n) => (
              <NodeCard
                key={n.name}
                clusterId={c.clusterId}
                node={n}
                guests={counts.get(c.clusterId)?.get(n.name) ?? { total: 0, running: 0, unknown: 0 }}
                onOpen={() => navigate({ view: 'node', clusterId: c.clusterId, node: n.name })}
                footer={<UpkeepCardLine clusterId={c.clusterId} node={n.name} />}
              />
            ))}
          </div>
        </section>
      ))}
      <EventsTimeline events={state.events} />
    </div>
  )
}
