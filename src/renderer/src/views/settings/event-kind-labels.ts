import type { MonitorEventKind } from '@shared/snapshot'

export const EVENT_KIND_LABELS: Readonly<Record<MonitorEventKind, string>> = {
  'node-down': 'A node goes down',
  'node-up': 'A node comes back',
  'node-flapping': 'A node keeps going up and down',
  'guest-state': 'A guest changes state',
  'guest-down': 'A watched guest goes down',
  'guest-up': 'A watched guest comes back',
  'quorum-lost': 'The cluster loses quorum',
  'quorum-regained': 'The cluster regains quorum',
  'storage-high': 'A storage is almost full',
  'task-failed': 'A task fails',
  'cluster-unreachable': 'The cluster cannot be reached',
  'cluster-reachable': 'The cluster can be reached again',
  'auth-failed': 'The API token is rejected',
  'certificate-changed': 'A node presents another certificate',
  'ha-problem': 'An HA resource enters error or fence',
  'ha-recovered': 'An HA resource recovers',
  'ceph-degraded': 'Ceph health turns WARN or ERR',
  'ceph-ok': 'Ceph is healthy again',
  'backup-failed': 'A backup (vzdump) fails',
  'certificate-expiring': "A node's certificate expires within 30 or 7 days, or has expired",
  'replication-failed': 'A replication job fails'
}
