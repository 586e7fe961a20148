// One node at a glance: status, CPU, memory, root disk, uptime, load and a CPU sparkline.
import type { NodeView } from '@shared/snapshot'

import { UsageBar } from '../../components/UsageBar'
import { formatBytes, formatDuration, formatPercent, ratio } from '../../lib/format'
import { useNow } from '../../state/use-now'
import { MutedBadge } from '../guests/MutedBadge'
import type { GuestCount } from './guest-counts'
import { Sparkline } from './Sparkline'
import { useNodeRrd } from './use-node-rrd'

export interface NodeCardProps {
  readonly clusterId: string
  readonly node: NodeView
  readonly onOpen: () => void
  /** h3 under a cluster's h2 on the overview; h2 on the node's own page (under its h1). */
  readonly headingLevel?: 2 | 3
  /** The node's guests (overview only; the node page says it beside the card). */
  readonly guests?: GuestCount
  /** Shown at the card's end (the overview's upkeep line). */
  readonly footer?: React.ReactNode
}

function guestText(g: GuestCount): string {
  if (g.total === 0) return 'none'
  if (g.unknown === g.total) return `${g.total}, state unknown`
  return `${g.running} of ${g.total} running${g.unknown > 0 ? `, ${g.unknown} unknown` : ''}`
}

export function NodeCard({ clusterId, node, onOpen, headingLevel = 3, guests, footer }: NodeCardProps): React.JSX.Element {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const online = node.status === 'online'
  // Reported before, not known now (the cluster did not answer): the last figures, greyed, and why.
  const lastKnown = node.staleReason !== null
  const rrd = useNodeRrd(clusterId, node.name, online)
  const load = rrd?.findLast((p) => p.loadavg !== null)?.loadavg ?? null
  return (
    <article className={`node-card node-${node.status}${lastKnown ? ' node-last-known' : ''}`} aria-label={`Node ${node.name}`} data-node={node.name}>
      <header className="node-card-head">
        <Heading className="node-card-title">
          <button type="button" className="link-button" onClick={onOpen}>
            {node.name}
          </button>
        </Heading>
        <span className={`status-pill status-${node.status}`} data-testid="node-status">
          {node.status}
        </span>
        {node.flapping ? <span className="badge badge-warn">flapping</span> : null}
        {node.muted !== null ? <MutedBadge muted={node.muted} /> : null}
      </header>
      {lastKnown ? (
        <p className="node-down-text" data-testid="node-unknown-reason">
          Unknown now: {node.staleReason}.{node.lastSeen !== null ? <LastSeen at={node.lastSeen} /> : ''} the figures below are from then.
        </p>
      ) : null}
      {online || lastKnown ? (
        <div className={lastKnown ? 'stale-figures' : undefined} aria-disabled={lastKnown || undefined}>
          <UsageBar label="CPU" fraction={node.cpu} text={`${formatPercent(node.cpu)}${node.maxcpu !== null ? ` of ${node.maxcpu} cores` : ''}`} />
          <UsageBar label="Memory" fraction={ratio(node.mem, node.maxmem)} text={`${formatBytes(node.mem)} / ${formatBytes(node.maxmem)}`} />
          <UsageBar label="Root disk" fraction={ratio(node.disk, node.maxdisk)} text={`${formatBytes(node.disk)} / ${formatBytes(node.maxdisk)}`} />
          <dl className="node-facts">
            <div>
              <dt>Uptime</dt>
              <dd>{formatDuration(node.uptime)}</dd>
            </div>
            <div>
              <dt>Load</dt>
              <dd>{load === null ? '—' : load.toFixed(2)}</dd>
            </div>
            {guests !== undefined ? (
              <div>
                <dt>Guests</dt>
                <dd data-testid="node-guests">{guestText(guests)}</dd>
              </div>
            ) : null}
          </dl>
          {online ? (
            <Sparkline
              label={`CPU of ${node.name}, last hour`}
              caption="CPU, last hour"
              points={rrd?.map((p) => ({ time: p.time, value: p.cpu })) ?? []}
              max={1}
              format={formatPercent}
            />
          ) : null}
        </div>
      ) : (
        <p className="node-down-text">
          {node.downSince !== null ? `Down since ${new Date(node.downSince).toLocaleTimeString()}.` : 'Not reporting.'} Its guests show their last known state
          {guests !== undefined && guests.total > 0 ? ` (${guests.total})` : ''}.
        </p>
      )}
      {footer}
    </article>
  )
}

/** " Last seen 4 min ago;" — its own clock, so only a card that shows it ticks. */
function LastSeen({ at }: { readonly at: number }): React.JSX.Element {
  const now = useNow(5000)
  return <>{` Last seen ${formatDuration((now - at) / 1000)} ago;`}</>
}
