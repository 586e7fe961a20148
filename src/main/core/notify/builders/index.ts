// The builder table: one per event kind. Adding a kind to MonitorEventKind fails to compile here
// until its builder exists.
import type { MonitorEventKind } from '../../../../shared/snapshot'
import type { KindBuilder } from '../types'
import { authFailed } from './auth-failed'
import { backupFailed } from './backup-failed'
import { certificateChanged } from './certificate-changed'
import { clusterReachable } from './cluster-reachable'
import { clusterUnreachable } from './cluster-unreachable'
import { guestDown } from './guest-down'
import { guestState } from './guest-state'
import { guestUp } from './guest-up'
import { cephDegraded, cephOk, haProblem, haRecovered } from './ha-ceph'
import { nodeDown } from './node-down'
import { nodeFlapping } from './node-flapping'
import { nodeUp } from './node-up'
import { quorumLost } from './quorum-lost'
import { quorumRegained } from './quorum-regained'
import { storageHigh } from './storage-high'
import { taskFailed } from './task-failed'
import { certificateExpiring, replicationFailed } from './upkeep'

export const builders: Readonly<Record<MonitorEventKind, KindBuilder>> = {
  'node-down': nodeDown,
  'node-up': nodeUp,
  'node-flapping': nodeFlapping,
  'guest-state': guestState,
  'guest-down': guestDown,
  'guest-up': guestUp,
  'quorum-lost': quorumLost,
  'quorum-regained': quorumRegained,
  'storage-high': storageHigh,
  'task-failed': taskFailed,
  'cluster-unreachable': clusterUnreachable,
  'cluster-reachable': clusterReachable,
  'auth-failed': authFailed,
  'certificate-changed': certificateChanged,
  'ha-problem': haProblem,
  'ha-recovered': haRecovered,
  'ceph-degraded': cephDegraded,
  'ceph-ok': cephOk,
  'backup-failed': backupFailed,
  'certificate-expiring': certificateExpiring,
  'replication-failed': replicationFailed
}
