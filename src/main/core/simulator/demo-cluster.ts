import type { SimBackupSpec } from './backup-spec'
import { demoUpkeep } from './demo-upkeep'
import type { SimClusterSpec, SimGuestSpec, SimHistoricTaskSpec, SimNodeSpec, SimStorageSpec } from './types'

const GiB = 1024 ** 3
const TiB = 1024 * GiB

type Row = [
  vmid: number,
  type: 'qemu' | 'lxc',
  node: string,
  name: string,
  status: SimGuestSpec['status'],
  cpus: number,
  memGiB: number,
  diskGiB: number,
  extra?: Partial<SimGuestSpec>
]

// A small but varied homelab/SMB cluster: every state a client has to render appears at least once. VMs run
// the QEMU guest agent unless said otherwise (ci-runner-1's is not running, opnsense has none configured).
const ROWS: Row[] = [
  [100, 'qemu', 'pve-a', 'web-prod-01', 'running', 4, 8, 64, { tags: 'prod;web', hastate: 'started', pool: 'production', load: 0.35 }],
  [101, 'qemu', 'pve-b', 'web-prod-02', 'running', 4, 8, 64, { tags: 'prod;web', hastate: 'started', pool: 'production', load: 0.3 }],
  [102, 'qemu', 'pve-a', 'db-prod-01', 'running', 8, 32, 500, { tags: 'db;prod', hastate: 'started', pool: 'production', load: 0.55 }],
  [103, 'qemu', 'pve-c', 'db-replica', 'running', 8, 32, 500, { tags: 'db;prod', pool: 'production', load: 0.2 }],
  [104, 'qemu', 'pve-b', 'mail', 'running', 2, 4, 128, { tags: 'mail;prod', lock: 'backup', load: 0.15 }],
  [105, 'qemu', 'pve-c', 'win-build', 'paused', 6, 16, 256, { tags: 'ci;windows', load: 0.6, agent: 'not-running' }],
  [106, 'qemu', 'pve-d', 'gitlab', 'running', 4, 12, 200, { tags: 'dev', hastate: 'started', load: 0.4 }],
  [107, 'qemu', 'pve-d', 'ci-runner-1', 'running', 8, 16, 100, { tags: 'ci', load: 0.8, agent: 'not-running' }],
  [108, 'qemu', 'pve-a', 'ci-runner-2', 'stopped', 8, 16, 100, { tags: 'ci' }],
  [109, 'qemu', 'pve-b', 'win11-desktop', 'stopped', 4, 8, 128, { tags: 'windows' }],
  [110, 'qemu', 'pve-c', 'k8s-master', 'running', 2, 4, 40, { tags: 'k8s', load: 0.25 }],
  [111, 'qemu', 'pve-a', 'k8s-worker-1', 'running', 4, 8, 80, { tags: 'k8s', load: 0.45 }],
  [112, 'qemu', 'pve-b', 'k8s-worker-2', 'running', 4, 8, 80, { tags: 'k8s', load: 0.5 }],
  [113, 'qemu', 'pve-d', 'opnsense', 'running', 2, 2, 16, { tags: 'net;prod', hastate: 'started', load: 0.1, agent: 'none' }],
  [114, 'qemu', 'pve-c', 'old-erp', 'stopped', 2, 6, 60, { tags: 'legacy', hastate: 'stopped' }],
  [115, 'qemu', 'pve-a', 'hibernated-lab', 'stopped', 2, 4, 32, { lock: 'suspended', tags: 'lab' }],
  [9000, 'qemu', 'pve-a', 'debian-13-template', 'stopped', 2, 2, 10, { template: true, tags: 'template' }],
  [9001, 'qemu', 'pve-b', 'ubuntu-2404-template', 'stopped', 2, 2, 10, { template: true }],
  [200, 'lxc', 'pve-a', 'dns-01', 'running', 1, 0.5, 8, { tags: 'net;prod', hastate: 'started', load: 0.05 }],
  [201, 'lxc', 'pve-b', 'dns-02', 'running', 1, 0.5, 8, { tags: 'net;prod', load: 0.05 }],
  [202, 'lxc', 'pve-c', 'monitoring', 'running', 2, 4, 50, { tags: 'ops', load: 0.3 }],
  [203, 'lxc', 'pve-d', 'nextcloud', 'running', 2, 4, 300, { tags: 'apps', pool: 'production', load: 0.2 }],
  [204, 'lxc', 'pve-a', 'pihole', 'running', 1, 0.5, 4, { tags: 'net', load: 0.03 }],
  [205, 'lxc', 'pve-b', 'test-ct', 'stopped', 1, 1, 8, { tags: 'lab' }],
  [206, 'lxc', 'pve-c', 'backup-proxy', 'running', 2, 2, 20, { tags: 'ops', lock: 'backup', load: 0.4 }],
  [207, 'lxc', 'pve-d', 'media', 'stopped', 4, 8, 50, {}],
  [208, 'lxc', 'pve-d', 'homeassistant', 'running', 2, 2, 32, { tags: 'home', hastate: 'started', load: 0.1 }]
]

const NODES: SimNodeSpec[] = [
  {
    name: 'pve-a',
    level: 'c',
    maxcpu: 32,
    maxmem: 128 * GiB,
    maxdisk: 100 * GiB,
    cpuModel: 'AMD EPYC 7313P 16-Core Processor',
    health: { cpuVendor: 'amd', cpuCelsius: 44, zfs: 'none' }
  },
  {
    name: 'pve-b',
    level: 'c',
    maxcpu: 32,
    maxmem: 128 * GiB,
    maxdisk: 100 * GiB,
    cpuModel: 'AMD EPYC 7313P 16-Core Processor',
    health: { cpuVendor: 'amd', cpuCelsius: 46, zfs: 'none' }
  },
  // The node with something to look at over SSH: a faulted mirror disk in rpool and a CPU above its limit.
  {
    name: 'pve-c',
    level: 'c',
    maxcpu: 16,
    maxmem: 64 * GiB,
    maxdisk: 100 * GiB,
    cpuModel: 'Intel(R) Xeon(R) E-2388G CPU @ 3.20GHz',
    health: { cpuVendor: 'intel', cpuCelsius: 86, zfs: 'degraded' }
  },
  {
    name: 'pve-d',
    level: '',
    maxcpu: 12,
    maxmem: 64 * GiB,
    maxdisk: 60 * GiB,
    cpuModel: 'Intel(R) Core(TM) i5-12500 CPU',
    health: { cpuVendor: 'intel', cpuCelsius: 41, zfs: 'healthy' }
  }
]

const STORAGES: SimStorageSpec[] = [
  { storage: 'local', plugintype: 'dir', content: 'backup,iso,vztmpl', shared: false, maxdisk: 98 * GiB, used: 0.31 },
  { storage: 'local-lvm', plugintype: 'lvmthin', content: 'images,rootdir', shared: false, nodes: ['pve-a', 'pve-b'], maxdisk: 1.8 * TiB, used: 0.62 },
  { storage: 'local-zfs', plugintype: 'zfspool', content: 'images,rootdir', shared: false, nodes: ['pve-c', 'pve-d'], maxdisk: 0.9 * TiB, used: 0.91 },
  { storage: 'nfs-backup', plugintype: 'nfs', content: 'backup,iso', shared: true, maxdisk: 8 * TiB, used: 0.89 },
  { storage: 'ceph-vm', plugintype: 'rbd', content: 'images,rootdir', shared: true, nodes: ['pve-a', 'pve-b', 'pve-c'], maxdisk: 12 * TiB, used: 0.47 }
]

const TASKS: SimHistoricTaskSpec[] = [
  {
    node: 'pve-a',
    type: 'vzdump',
    id: '',
    user: 'root@pam',
    agoSec: 6 * 3600,
    durationSec: 1260,
    exitstatus: 'OK',
    log: ['INFO: starting new backup job: vzdump --all 1 --storage nfs-backup --mode snapshot', 'INFO: Backup job finished successfully']
  },
  {
    node: 'pve-b',
    type: 'vzdump',
    id: '',
    user: 'root@pam',
    agoSec: 6 * 3600 - 30,
    durationSec: 1500,
    exitstatus: 'WARNINGS: 1',
    log: [
      'INFO: starting new backup job: vzdump --all 1 --storage nfs-backup --mode snapshot',
      'WARN: 109: guest agent not running',
      'INFO: Backup job finished with warnings'
    ]
  },
  {
    node: 'pve-c',
    type: 'qmstart',
    id: '114',
    user: 'root@pam',
    agoSec: 3 * 3600,
    durationSec: 2,
    exitstatus: "can't activate storage 'nfs-backup' - storage is not online",
    log: ['TASK ERROR: see above']
  },
  { node: 'pve-d', type: 'vzstart', id: '208', user: 'root@pam', agoSec: 2 * 3600, durationSec: 3, exitstatus: 'OK' },
  { node: 'pve-a', type: 'qmshutdown', id: '108', user: 'root@pam', agoSec: 3600, durationSec: 14, exitstatus: 'OK' },
  {
    node: 'pve-b',
    type: 'vzdump',
    id: '104',
    user: 'root@pam',
    agoSec: 120,
    durationSec: 100000,
    exitstatus: 'OK',
    log: ['INFO: Starting Backup of VM 104 (qemu)', 'INFO: status = running']
  }
]

// Last night's backup of nextcloud failed (the archive did not fit on the nearly full nfs-backup).
const NEXTCLOUD_FAILED: SimHistoricTaskSpec = {
  node: 'pve-d',
  type: 'vzdump',
  id: '203',
  user: 'root@pam',
  agoSec: 5 * 3600,
  durationSec: 340,
  exitstatus: 'job errors',
  log: [
    'INFO: starting new backup job: vzdump 203 --storage nfs-backup --mode snapshot',
    'INFO: Starting Backup of CT 203 (lxc)',
    'ERROR: Backup of CT 203 failed - zstd: error 70 : Write error : No space left on device (cannot write compressed block)',
    'INFO: Backup job finished with errors'
  ]
}

/**
 * The nightly job covers every guest but win-build (105), test-ct (205) and a template (9001): those are "not
 * backed up". Last night's archives are on nfs-backup; hibernated-lab (115) is covered but was never backed up;
 * nextcloud's newest is three nights old (last night's failed); two older archives sit on pve-a's local.
 */
function demoBackups(guests: readonly SimGuestSpec[]): SimBackupSpec {
  const notInJob = [105, 205, 9001]
  const lastNight = guests.filter((g) => !notInJob.includes(g.vmid) && g.vmid !== 115 && g.vmid !== 203)
  return {
    job: { exclude: notInJob },
    volumes: [
      ...lastNight.map((g, i) => ({ storage: 'nfs-backup', vmid: g.vmid, agoSec: 6 * 3600 - 40 * i, size: Math.round(g.maxdisk / 7) })),
      { storage: 'nfs-backup', vmid: 203, agoSec: 3 * 86400 + 5 * 3600, size: 21 * GiB },
      { storage: 'local', node: 'pve-a', vmid: 108, agoSec: 9 * 86400, size: 12 * GiB },
      { storage: 'local', node: 'pve-a', vmid: 100, agoSec: 30 * 86400, size: 7 * GiB }
    ]
  }
}

export function demoCluster(_seed = 1): SimClusterSpec {
  const guests: SimGuestSpec[] = ROWS.map(([vmid, type, node, name, status, cpus, memGiB, diskGiB, extra]) => ({
    vmid,
    type,
    node,
    name,
    status,
    maxcpu: cpus,
    maxmem: Math.round(memGiB * GiB),
    maxdisk: diskGiB * GiB,
    ...extra
  }))
  return {
    name: 'homelab',
    nodes: NODES.map((n) => ({ ...n, ...demoUpkeep(n.name) })),
    guests,
    storages: STORAGES.map((s) => ({ ...s, maxdisk: Math.round(s.maxdisk) })),
    pools: [{ pool: 'production', comment: 'Customer-facing services' }],
    // pveceph on pve-a…c (the ceph-vm pool): in maintenance, so HEALTH_WARN with the flag set.
    ceph: { health: 'HEALTH_WARN', checks: { OSDMAP_FLAGS: { severity: 'HEALTH_WARN', summary: 'noout flag(s) set' } } },
    tasks: [...TASKS, NEXTCLOUD_FAILED].map((t) => ({ ...t })),
    backups: demoBackups(guests)
  }
}
