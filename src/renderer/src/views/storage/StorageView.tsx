// Storage usage of every cluster, one dense table each, with a warning above the configured threshold, and
// each cluster's backups (guests no job covers, never backed up).
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot } from '@shared/snapshot'

import { BackupsPanel } from './BackupsPanel'
import { StorageTable } from './StorageTable'

export function StorageView({
  api,
  clusters,
  thresholdPct
}: {
  api: PveTrayApi
  clusters: readonly ClusterSnapshot[]
  thresholdPct: number
}): React.JSX.Element {
  return (
    <div className="view" data-view="storage">
      <h1 className="view-title">Storage</h1>
      <p className="muted-text">Marked “almost full” from {thresholdPct} % (Settings → storage warning threshold).</p>
      {clusters.map((c) => (
        <section key={c.clusterId} className="panel" aria-labelledby={`storage-${c.clusterId}`}>
          <h2 id={`storage-${c.clusterId}`}>{c.clusterName}</h2>
          {c.storage.length === 0 ? <p className="muted-text">No storage reported.</p> : <StorageTable cluster={c} thresholdPct={thresholdPct} />}
          <BackupsPanel api={api} cluster={c} />
        </section>
      ))}
    </div>
  )
}
