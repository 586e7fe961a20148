// Guests per node for the overview's node cards, counted once per state (not per card and render).
import type { ClusterSnapshot } from '@shared/snapshot'

export interface GuestCount {
  readonly total: number
  readonly running: number
  /** Guests whose state is not known now (cluster silent, node down). */
  readonly unknown: number
}

/** clusterId → node → counts. Templates are not guests one runs: left out. */
export function guestCounts(clusters: readonly ClusterSnapshot[]): Map<string, Map<string, GuestCount>> {
  const out = new Map<string, Map<string, GuestCount>>()
  for (const c of clusters) {
    const perNode = new Map<string, { total: number; running: number; unknown: number }>()
    for (const g of c.guests) {
      if (g.template) continue
      const n = perNode.get(g.node) ?? { total: 0, running: 0, unknown: 0 }
      n.total++
      if (g.state === 'running') n.running++
      else if (g.state === 'unknown') n.unknown++
      perNode.set(g.node, n)
    }
    out.set(c.clusterId, perNode)
  }
  return out
}
