// Storage usage per node and shared, with a warning above the configured threshold.
import type { ClusterSnapshot, StorageView as Storage } from '@shared/snapshot'

import { StorageRow } from './StorageRow'

function groups(c: ClusterSnapshot): { title: string; items: Storage[] }[] {
  // A shared storage is listed once per node by Proxmox: show it once.
  const shared = new Map<string, Storage>()
  const perNode = new Map<string, Storage[]>()
  for (const s of c.storage) {
    if (s.shared) {
      if (!shared.has(s.storage) || (shared.get(s.storage)?.total ?? null) === null) shared.set(s.storage, s)
    } else perNode.set(s.node, [...(perNode.get(s.node) ?? []), s])
  }
  const out = [{ title: 'Shared', items: [...shared.values()] }]
  for (const [node, items] of [...perNode].sort(([a], [b]) => a.localeCompare(b))) out.push({ title: node, items })
  return out.filter((g) => g.items.length > 0)
}

export function StorageView({ clusters, thresholdPct }: { clusters: readonly ClusterSnapshot[]; thresholdPct: number }): React.JSX.Element {
  return (
    <div className="view" data-view="storage">
      <h1 className="view-title">Storage</h1>
      <p className="muted-text">Bars turn amber above {thresholdPct} % (Settings → storage warning threshold).</p>
      {clusters.map((c) => (
        <section key={c.clusterId} className="cluster" aria-label={`Storage of ${c.clusterName}`}>
          <h2>{c.clusterName}</h2>
          {groups(c).map((g) => (
            <section key={g.title} className="panel storage-group" aria-label={g.title === 'Shared' ? 'Shared storage' : `Storage on ${g.title}`}>
              <h3>{g.title === 'Shared' ? 'Shared storage' : g.title}</h3>
              <ul className="storage-list">
                {g.items.map((s) => (
                  <StorageRow key={s.id} storage={s} thresholdPct={thresholdPct} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  )
}
