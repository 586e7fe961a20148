// A configured cluster whose token secret cannot be used (undecryptable after a keyring change, a profile
// copied to another computer, a damaged secrets file): it stays in the list, the tray and the dashboard,
// in the "auth" state with a sentence that says what to do, and raises ONE event. Never silently dropped.
import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import { EventFactory, SECRET_UNREADABLE_DETAIL } from '../monitor/monitor-events'
import type { StoredCluster } from '../settings/settings-schema'

const SECRET_UNREADABLE_MESSAGE =
  'The token secret of this cluster cannot be read (the system keyring changed or is locked, the profile was copied from another computer, ' +
  'or the secrets file was damaged). Enter it again in Settings; the cluster is not monitored until then.'

const SECRET_ELSEWHERE_MESSAGE =
  'The stored token secret was saved for other endpoints, certificates or a CA than this cluster now has (for example a certificate ' +
  'fingerprint that had to be reset): trust the certificate again in Settings, or enter the token secret again.'

export function secretlessSnapshot(c: StoredCluster, issue: 'unreadable' | 'other-settings' = 'unreadable'): ClusterSnapshot {
  return {
    clusterId: c.id,
    clusterName: c.name,
    mode: c.mode,
    demo: false,
    health: 'auth',
    summary: issue === 'unreadable' ? 'Token secret cannot be read: enter it again' : 'Token secret saved for other endpoints: trust or enter it again',
    quorate: null,
    nodes: [],
    guests: [],
    storage: [],
    endpoint: null,
    fetchedAt: null,
    stale: true,
    lastError: { kind: 'secret', message: issue === 'unreadable' ? SECRET_UNREADABLE_MESSAGE : SECRET_ELSEWHERE_MESSAGE },
    emptyView: false,
    certificateMismatches: [],
    ha: null,
    ceph: null
  }
}

export function secretlessEvent(c: StoredCluster, at: number, issue: 'unreadable' | 'other-settings' = 'unreadable'): MonitorEvent {
  const message = issue === 'unreadable' ? SECRET_UNREADABLE_MESSAGE : SECRET_ELSEWHERE_MESSAGE
  return new EventFactory(c.id, c.name).make({ kind: 'auth-failed', at, message, detail: SECRET_UNREADABLE_DETAIL })
}
