// Plain-data builders for the tray tests: a snapshot as the monitor would publish it.
import type { ClusterSnapshot, GuestView, NodeView } from '../../../../src/shared/snapshot'
import type { AppState, TaskProgress } from '../../../../src/shared/views'

export const NOW = 1_750_000_000_000

export function node(name: string, over: Partial<NodeView> = {}): NodeView {
  return {
    name,
    status: 'online',
    cpu: 0.23,
    maxcpu: 8,
    mem: 4 * 2 ** 30,
    maxmem: 10 * 2 ** 30,
    disk: null,
    maxdisk: null,
    uptime: 1000,
    ip: '10.0.0.1',
    level: '',
    downSince: null,
    flapping: false,
    muted: null,
    staleReason: null,
    lastSeen: null,
    ...over
  }
}

export function guest(vmid: number, over: Partial<GuestView> = {}): GuestView {
  const kind = over.kind ?? 'qemu'
  return {
    id: `${kind}/${vmid}`,
    vmid,
    kind,
    node: 'pve-a',
    name: `guest-${vmid}`,
    status: 'running',
    state: 'running',
    template: false,
    tags: [],
    cpu: 0.1,
    maxcpu: 2,
    mem: 2 ** 30,
    maxmem: 2 * 2 ** 30,
    disk: null,
    maxdisk: null,
    uptime: 100,
    lock: null,
    hastate: null,
    pool: null,
    diskReadRate: null,
    diskWriteRate: null,
    netInRate: null,
    netOutRate: null,
    stale: false,
    alerts: false,
    muted: null,
    actions: kind === 'qemu' ? ['shutdown', 'stop', 'reboot', 'suspend'] : ['shutdown', 'stop', 'reboot'],
    actionsDisabledReason: null,
    busy: false,
    staleReason: null,
    ...over
  }
}

export function cluster(over: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    clusterId: 'home',
    clusterName: 'homelab',
    mode: 'control',
    demo: false,
    health: 'ok',
    summary: '',
    quorate: true,
    nodes: [node('pve-a'), node('pve-b')],
    guests: [guest(100), guest(101, { node: 'pve-b', state: 'stopped', status: 'stopped', actions: ['start'] })],
    storage: [],
    endpoint: '127.0.0.1:8006',
    fetchedAt: NOW - 5000,
    stale: false,
    lastError: null,
    emptyView: false,
    certificateMismatches: [],
    ha: null,
    ceph: null,
    ...over
  }
}

export function appState(clusters: ClusterSnapshot[], over: Partial<AppState> = {}): AppState {
  return { demo: false, clusters, events: [], notificationsPausedUntil: null, ...over }
}

export function progress(over: Partial<TaskProgress> = {}): TaskProgress {
  return {
    actionId: 'a1',
    clusterId: 'home',
    node: 'pve-b',
    vmid: 101,
    kind: 'qemu',
    action: 'start',
    upid: 'UPID:pve-b:0000:0000:00000000:qmstart:101:root@pam:',
    phase: 'running',
    exitStatus: null,
    message: null,
    at: NOW,
    ...over
  }
}
