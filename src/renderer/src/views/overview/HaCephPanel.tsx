// A cluster's HA manager with its resources, and its Ceph health with the checks' summaries, under the cluster
// header. Shown only where the cluster has HA / Ceph (null on the snapshot = nothing to show). A view that was
// not read, or is no longer current, says "not known" and why: never OK.
import type { CephView, HaView } from '@shared/ha-ceph'
import { cephHealthWords } from '@shared/ha-ceph'
import type { ClusterSnapshot } from '@shared/snapshot'

import { Freshness } from '../../components/Freshness'

function HaPanel({ ha, clusterName }: { ha: HaView; clusterName: string }): React.JSX.Element {
  const problems = ha.resources.filter((r) => r.problem)
  const tone = !ha.known ? 'panel-warning' : problems.length > 0 ? 'panel-error' : ''
  return (
    <section className={`panel ha-panel ${tone}`} aria-label={`HA of ${clusterName}`} data-testid="ha-panel">
      <h3 className="ha-ceph-title">High availability</h3>
      {!ha.known ? (
        <p className="warning-text" data-testid="ha-unknown">
          HA status not known. {ha.reason}
        </p>
      ) : null}
      {ha.checkedAt !== null ? (
        <p data-testid="ha-manager">
          {/* Not current: what follows is the last read's, and says so before it says anything. */}
          {ha.known ? '' : 'As last read: '}
          {ha.manager === null ? 'No HA manager is reported.' : `Manager on ${ha.manager.node}: ${ha.manager.mode}`}
          {ha.quorate === false ? ' · the HA stack has no quorum' : ''}
          {' · '}
          {problems.length === 0 ? `${ha.resources.length} resources, none in error` : `${problems.length} of ${ha.resources.length} resources need attention`}
          {' · '}
          <Freshness at={ha.checkedAt} endpoint={null} stale={!ha.known} />
        </p>
      ) : null}
      {ha.resources.length > 0 ? (
        <ul className="ha-resources" data-testid="ha-resources">
          {ha.resources.map((r) => (
            <li key={r.sid} className={r.problem ? 'ha-problem' : undefined} data-testid={`ha-${r.sid}`}>
              <span className="ha-sid">{r.sid}</span> <span className={r.problem ? 'error-text' : ''}>{r.state}</span>
              {r.requestState !== null && r.requestState !== r.state ? <span className="muted-text"> (requested {r.requestState})</span> : null}
              {r.node !== '' ? <span className="muted-text"> on {r.node}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function CephPanel({ ceph, clusterName }: { ceph: CephView; clusterName: string }): React.JSX.Element {
  const tone = !ceph.known ? 'panel-warning' : ceph.health === 'HEALTH_ERR' ? 'panel-error' : ceph.health === 'HEALTH_WARN' ? 'panel-warning' : ''
  return (
    <section className={`panel ceph-panel ${tone}`} aria-label={`Ceph of ${clusterName}`} data-testid="ceph-panel">
      <h3 className="ha-ceph-title">Ceph</h3>
      {ceph.known ? (
        <p data-testid="ceph-health">
          <strong>{ceph.health}</strong> ({cephHealthWords(ceph.health)}) · <Freshness at={ceph.checkedAt} endpoint={null} stale={false} />
        </p>
      ) : (
        <p className="warning-text" data-testid="ceph-unknown">
          Ceph health not known. {ceph.reason}
        </p>
      )}
      {ceph.known && ceph.checks.length > 0 ? (
        <ul className="ceph-checks" data-testid="ceph-checks">
          {ceph.checks.map((c) => (
            <li key={c.code}>
              <span className={c.severity === 'HEALTH_ERR' ? 'error-text' : 'warning-text'}>{c.severity}</span> {c.summary}{' '}
              <span className="muted-text">
                ({c.code}
                {c.muted ? ', muted' : ''})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

export function HaCephPanel({ cluster }: { cluster: ClusterSnapshot }): React.JSX.Element | null {
  if (cluster.ha === null && cluster.ceph === null) return null
  return (
    <div className="ha-ceph">
      {cluster.ha !== null ? <HaPanel ha={cluster.ha} clusterName={cluster.clusterName} /> : null}
      {cluster.ceph !== null ? <CephPanel ceph={cluster.ceph} clusterName={cluster.clusterName} /> : null}
    </div>
  )
}
