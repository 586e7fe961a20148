// Monitor events for the notification tests: a critical event of cluster c1 ("Homelab") at T0, unique ids.
import type { MonitorEvent, MonitorEventKind } from '../../../../src/shared/snapshot'

export const T0 = 1_700_000_000_000
let seq = 0

export function ev(kind: MonitorEventKind, o: Partial<MonitorEvent> = {}): MonitorEvent {
  seq++
  return {
    id: `c1:${T0}:${seq}`,
    at: T0,
    kind,
    severity: 'critical',
    clusterId: 'c1',
    clusterName: 'Homelab',
    node: null,
    guest: null,
    storage: null,
    message: `${kind} happened`,
    detail: null,
    ...o
  }
}
