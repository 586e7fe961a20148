// A configured cluster whose token secret cannot be used (undecryptable after a keyring change, a profile
// copied to another computer, a damaged secrets file): it stays in the list, the tray and the dashboard,
// in the "auth" state with a sentence that says what to do, and raises ONE event. Never silently dropped.
import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import { EventFactory, SECRET_UNREADABLE_DETAIL } from '../monitor/monitor-events'
import type { StoredCluster } from '../settings/settings-schema'

export const SECRET_UNREADABLE_MESSAGE =
  'The token secret of this cluster cannot be read (the system keyring changed or is locked, the profile was copied from another computer, ' +
  'or the secrets file was damaged). Enter it again in Settings; the cluster is not monitored until then.'

export function secretlessSnapshot(c: StoredCluster): ClusterSnapshot {
  return {
    clusterId: c.id,
    clusterName: c.name,
    mode: c.mode,
    demo: false,
    health: 'auth',
    summary: 'Token secret cannot be read: enter it again',
    quorate: null,
    nodes: [],
    guests: [],
    storage: [],
    endpoint: null,
    fetchedAt: null,
    stale: true,
    lastError: { kind: 'secret', message: SECRET_UNREADABLE_MESSAGE },
    emptyView: false
  }
}

export function secretlessEvent(c: StoredCluster, at: number): MonitorEvent {
  return new EventFactory(c.id, c.name).make({ kind: 'auth-failed', at, message: SECRET_UNREADABLE_MESSAGE, detail: SECRET_UNREADABLE_DETAIL })
}
