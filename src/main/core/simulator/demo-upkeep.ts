// The demo cluster's upkeep, a mix so the app shows every case with no setup: pve-a has updates waiting and a
// replication job that is fine, pve-b is up to date with its certificate expiring in 12 days, pve-c has a
// replication job failing for an hour, pve-d's subscription has expired.
import type { SimNodeUpkeepSpec } from './types-upkeep'

const DEMO_UPKEEP: Readonly<Record<string, SimNodeUpkeepSpec>> = {
  'pve-a': {
    updates: [
      { package: 'pve-manager', oldVersion: '9.0.10', version: '9.0.11', title: 'Proxmox Virtual Environment Management Tools' },
      { package: 'qemu-server', oldVersion: '9.0.21', version: '9.0.23', title: 'Qemu Server Tools' },
      { package: 'libpve-common-perl', oldVersion: '9.0.10', version: '9.0.11', title: 'Proxmox VE base library' },
      { package: 'proxmox-kernel-6.17', oldVersion: '6.17.2-1', version: '6.17.2-2', title: 'Latest Proxmox Kernel Image', section: 'kernel' },
      { package: 'proxmox-kernel-6.17.2-2-pve-signed', version: '6.17.2-2', title: 'Proxmox Kernel Image (signed)', section: 'kernel' },
      { package: 'openssl', oldVersion: '3.5.1-1', version: '3.5.1-1+deb13u1', origin: 'Debian', title: 'Secure Sockets Layer toolkit', section: 'utils' },
      {
        package: 'curl',
        oldVersion: '8.14.1-2',
        version: '8.14.1-2+deb13u1',
        origin: 'Debian',
        title: 'command line tool for transferring data with URL syntax',
        section: 'web'
      }
    ],
    replication: [{ guest: 102, target: 'pve-b', lastSyncAgoSec: 300 }]
  },
  'pve-b': { certificateDaysLeft: 12 },
  'pve-c': {
    updates: [
      { package: 'pve-manager', oldVersion: '9.0.10', version: '9.0.11', title: 'Proxmox Virtual Environment Management Tools' },
      {
        package: 'zfsutils-linux',
        oldVersion: '2.3.4-pve1',
        version: '2.3.4-pve2',
        title: 'command-line tools to manage OpenZFS filesystems',
        section: 'admin'
      }
    ],
    replication: [
      {
        guest: 103,
        target: 'pve-d',
        failCount: 4,
        lastSyncAgoSec: 3900,
        error:
          "command 'set -o pipefail && pvesm export local-zfs:vm-103-disk-0 zfs - -with-snapshots 1 -snapshot __replicate_103-0_1733480100__ | /usr/bin/ssh -e none -o 'BatchMode=yes' -o 'HostKeyAlias=pve-d' root@10.0.0.14 -- pvesm import local-zfs:vm-103-disk-0 zfs - -with-snapshots 1 -allow-rename 0' failed: exit code 255"
      },
      { guest: 202, target: 'pve-d', lastSyncAgoSec: 420 }
    ]
  },
  'pve-d': {
    updates: [{ package: 'pve-manager', oldVersion: '9.0.10', version: '9.0.11', title: 'Proxmox Virtual Environment Management Tools' }],
    subscription: { status: 'expired', level: 'c', nextduedate: '2026-11-30' }
  }
}

/** `{ upkeep }` for the node's spec, or nothing (its defaults). */
export function demoUpkeep(node: string): { upkeep?: SimNodeUpkeepSpec } {
  const upkeep = DEMO_UPKEEP[node]
  return upkeep === undefined ? {} : { upkeep }
}
