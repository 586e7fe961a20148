// One node: its figures from the API, and the SSH health check with actionable errors.
import { clusterApiSilent } from '@shared/api-silence'
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'
import type { NodeHealthReport, ServiceRestartResult } from '@shared/views'
import { useCallback, useEffect, useRef, useState } from 'react'

import { call } from '../../api/api-context'
import type { Route } from '../../state/use-navigation'
import { type GuestCount, guestCounts } from '../overview/guest-counts'
import { NodeCard } from '../overview/NodeCard'
import { HealthReport } from './HealthReport'
import { NodeStorage, NodeTasks } from './NodeActivity'
import { NodeDiagnosisPanel } from './NodeDiagnosisPanel'
import { classifySshError, type SshProblem } from './ssh-error'
import { SshConnection } from './SshConnection'
import { SshErrorPanel } from './SshErrorPanel'
import { UpkeepPanel } from './UpkeepPanel'

export interface NodeDetailsViewProps {
  readonly api: PveTrayApi
  readonly clusters: readonly ClusterSnapshot[]
  readonly clusterId: string | null
  readonly node: string | null
  readonly navigate: (to: Route) => void
}

export function NodeDetailsView({ api, clusters, clusterId, node, navigate }: NodeDetailsViewProps): React.JSX.Element {
  const cluster = clusters.find((c) => c.clusterId === clusterId)
  const nodeView = cluster?.nodes.find((n) => n.name === node) ?? cluster?.nodes[0]
  const [report, setReport] = useState<NodeHealthReport | null>(null)
  const [problem, setProblem] = useState<SshProblem | null>(null)
  const [running, setRunning] = useState(false)
  const [restarted, setRestarted] = useState<{ node: string; result: ServiceRestartResult } | null>(null)
  /** Counts finished checks, so the connection panel asks for the pool's state after each. */
  const [checks, setChecks] = useState(0)
  const name = nodeView?.name ?? null
  const cid = cluster?.clusterId ?? null

  // Only the latest check may show: an older one (another node, or from before the node's condition
  // changed) can answer last, up to 15 s later.
  const latest = useRef(0)
  const check = useCallback(() => {
    if (cid === null || name === null) return
    const mine = ++latest.current
    setRunning(true)
    setProblem(null)
    void call(api, 'nodes:health', { clusterId: cid, node: name }).then((r) => {
      if (mine !== latest.current) return
      setRunning(false)
      setChecks((n) => n + 1)
      if (r.ok) setReport(r.value)
      else {
        setReport(null)
        setProblem(classifySshError(r.error))
      }
    })
  }, [api, cid, name])

  // What the API says of the node now: when it changes (down, back, the cluster silent), the SSH report is
  // taken again, so it never says "no problems" from before the change beside a panel that says otherwise.
  const condition = nodeView === undefined ? '' : `${nodeView.status} ${String(cluster?.stale ?? false)}`
  useEffect(() => {
    // Another node (or cluster): its report is fetched now, the previous node's must not show meanwhile.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- resets alongside the request this effect starts
    setReport(null)
    setProblem(null)
    check()
  }, [check, condition])

  if (cluster === undefined || nodeView === undefined || cid === null) {
    return (
      <div className="view" data-view="node">
        <h1 className="view-title">Node</h1>
        <p>This node is not known (any more).</p>
      </div>
    )
  }
  const guests = cluster.guests.filter((g) => g.node === nodeView.name)
  return (
    <div className="view" data-view="node">
      <h1 className="view-title">Node {nodeView.name}</h1>
      <div className="node-detail-top">
        <NodeCard clusterId={cid} node={nodeView} onOpen={() => undefined} headingLevel={2} />
        <div className="panel">
          <p>
            {guestLine(
              guestCounts([{ ...cluster, guests }])
                .get(cid)
                ?.get(nodeView.name)
            )}
          </p>
          <button type="button" className="btn" onClick={() => navigate({ view: 'guests', clusterId: cid, node: nodeView.name })}>
            Show guests
          </button>
        </div>
      </div>
      {nodeView.status === 'offline' || clusterApiSilent(cluster) ? (
        <NodeDiagnosisPanel
          key={`${cid}/${nodeView.name}`}
          api={api}
          clusterId={cid}
          node={nodeView.name}
          mode={cluster.mode}
          condition={`${nodeView.status} ${cluster.health} ${String(cluster.stale)}`}
          onRestarted={(r) => setRestarted({ node: nodeView.name, result: r })}
        />
      ) : null}
      {restarted !== null && restarted.node === nodeView.name ? (
        <p role="status" className={restarted.result.outcome === 'restarted' ? 'success-text' : 'warning-text'} data-testid="restart-outcome">
          {restarted.result.message}
        </p>
      ) : null}
      <UpkeepPanel clusterId={cid} node={nodeView.name} answering={nodeView.status === 'online' && nodeView.staleReason === null} />
      <section className="panel" aria-labelledby="health-title">
        <div className="panel-head">
          <h2 id="health-title">Health check (SSH)</h2>
          <button type="button" className="btn" onClick={check} disabled={running}>
            {running ? 'Checking…' : 'Check again'}
          </button>
        </div>
        <SshConnection api={api} clusterId={cid} node={nodeView.name} refresh={checks} />
        {running && report === null ? <p aria-busy="true">Connecting over SSH…</p> : null}
        {problem !== null ? <SshErrorPanel problem={problem} clusterId={cid} node={nodeView.name} onTrusted={check} navigate={navigate} /> : null}
        {report !== null ? <HealthReport report={report} /> : null}
      </section>
      <NodeStorage cluster={cluster} node={nodeView.name} />
      <NodeTasks api={api} clusterId={cid} node={nodeView.name} />
    </div>
  )
}

/** The node's guests in words; "state unknown" while the API cannot tell (never "0 running"). */
function guestLine(g: GuestCount | undefined): string {
  if (g === undefined || g.total === 0) return 'No guests.'
  if (g.unknown === g.total) return `${g.total} guests, state unknown now.`
  return `${g.total} guests, ${g.running} running${g.unknown > 0 ? `, ${g.unknown} unknown` : ''}.`
}
