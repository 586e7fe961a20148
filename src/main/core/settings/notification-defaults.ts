import type { MonitorEventKind } from '../../../shared/snapshot'

/** On unless the user turns them off; every single guest state change would be too chatty by default. */
export const defaultNotificationKinds: Readonly<Record<MonitorEventKind, boolean>> = Object.freeze({
  'node-down': true,
  'node-up': true,
  'node-flapping': true,
  'guest-state': false,
  'guest-down': true,
  'guest-up': true,
  'quorum-lost': true,
  'quorum-regained': true,
  'storage-high': true,
  'task-failed': true,
  'cluster-unreachable': true,
  'cluster-reachable': true,
  'auth-failed': true,
  'certificate-changed': true,
  'ha-problem': true,
  'ha-recovered': true,
  'ceph-degraded': true,
  'ceph-ok': true,
  'backup-failed': true,
  'certificate-expiring': true,
  'replication-failed': true
})
