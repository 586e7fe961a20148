// Which features a token can use, from GET /access/permissions, in plain words for the onboarding
// screen (the rule itself is clusters/privileges).
import type { FeatureId, PrivilegeCheck } from '../../../shared/views'
import { hasPrivilege, type Permissions } from '../clusters/privileges'

interface FeatureRule {
  readonly feature: FeatureId
  readonly label: string
  readonly path: string
  readonly privilege: string
  /** Other privileges Proxmox accepts for the same check (an `any` check in the API schema). */
  readonly alsoAccepted?: readonly string[]
  readonly ok: string
  readonly missing: string
}

const RULES: readonly FeatureRule[] = [
  {
    feature: 'nodes',
    label: 'Node status',
    path: '/nodes',
    privilege: 'Sys.Audit',
    ok: 'Node status, CPU and memory are visible.',
    missing: 'Without Sys.Audit on /nodes the app cannot show node CPU, memory or uptime.'
  },
  {
    feature: 'guests',
    label: 'VMs and containers',
    path: '/vms',
    privilege: 'VM.Audit',
    ok: 'VMs and containers are visible.',
    missing: 'Without VM.Audit on /vms the app cannot see any VM or container.'
  },
  {
    feature: 'storage',
    label: 'Storage usage',
    path: '/storage',
    privilege: 'Datastore.Audit',
    ok: 'Storage usage is visible.',
    missing: 'Without Datastore.Audit on /storage the app cannot warn about full storage.'
  },
  {
    feature: 'power',
    label: 'Start, stop and reboot',
    path: '/vms',
    privilege: 'VM.PowerMgmt',
    ok: 'Guests can be started, stopped and rebooted from the app.',
    missing: 'Without VM.PowerMgmt on /vms the app can only watch guests, not start or stop them.'
  },
  // GET .../agent/network-get-interfaces checks VM.GuestAgent.Audit or VM.GuestAgent.Unrestricted (PVE 9 schema);
  // containers' addresses need only VM.Audit (the guests row above).
  {
    feature: 'guest-agent',
    label: 'IP addresses of VMs',
    path: '/vms',
    privilege: 'VM.GuestAgent.Audit',
    alsoAccepted: ['VM.GuestAgent.Unrestricted'],
    ok: "VMs' IP addresses are read from the QEMU guest agent when you look at a VM.",
    missing: "Without VM.GuestAgent.Audit on /vms the app cannot show VMs' IP addresses (containers' addresses need only VM.Audit)."
  },
  // GET /cluster/ha/status/current checks Sys.Audit on /.
  {
    feature: 'ha',
    label: 'HA status',
    path: '/',
    privilege: 'Sys.Audit',
    ok: 'The HA manager and the state of each HA resource are visible (error and fence are notified).',
    missing: 'Without Sys.Audit on / the app cannot show HA status or tell you when an HA resource is in error or fenced.'
  },
  // GET /cluster/ceph/status checks Sys.Audit or Datastore.Audit on / (an `any` check).
  {
    feature: 'ceph',
    label: 'Ceph health',
    path: '/',
    privilege: 'Sys.Audit',
    alsoAccepted: ['Datastore.Audit'],
    ok: 'Ceph health and its warnings are visible where the cluster runs Ceph.',
    missing: 'Without Sys.Audit (or Datastore.Audit) on / the app cannot show Ceph health.'
  },
  // GET /nodes/{node}/storage/{storage}/content checks Datastore.Audit or Datastore.AllocateSpace on the storage.
  {
    feature: 'backups',
    label: 'Last backup of each guest',
    path: '/storage',
    privilege: 'Datastore.Audit',
    alsoAccepted: ['Datastore.AllocateSpace'],
    ok: "Each guest's newest backup is read from the backup storages when you look at the guests.",
    missing: "Without Datastore.Audit on /storage the app cannot tell when a guest's last backup was."
  },
  {
    feature: 'backup-jobs',
    label: 'Guests without a backup job',
    path: '/',
    privilege: 'Sys.Audit',
    ok: 'Guests that no backup job covers are listed.',
    missing: 'Without Sys.Audit on / the app cannot list the guests that no backup job covers.'
  },
  {
    feature: 'task-log',
    label: 'Task log of all users',
    path: '/nodes',
    privilege: 'Sys.Audit',
    ok: "Every user's tasks and their logs are shown in the task log.",
    missing: 'Without Sys.Audit on /nodes the task log shows only the tasks of this API token.'
  },
  // Node upkeep (core/upkeep). GET /nodes/{node}/apt/update checks Sys.Modify on /nodes/{node} (schema), even
  // though it only reads; certificates/info needs nothing (user: all), so it has no row here.
  {
    feature: 'updates',
    label: 'Updates available',
    path: '/nodes',
    privilege: 'Sys.Modify',
    ok: 'The updates each node has waiting are listed (read only: the app never refreshes the package index).',
    missing:
      'Without Sys.Modify on /nodes the app does not show the updates waiting on each node (Proxmox asks for it even to list them; it also allows changing node settings).'
  },
  // GET /nodes/{node}/replication lists only the jobs of guests with VM.Audit on /vms/<vmid> (schema).
  {
    feature: 'replication',
    label: 'Replication jobs',
    path: '/vms',
    privilege: 'VM.Audit',
    ok: 'Replication jobs that fail are shown on the node page and notified.',
    missing: 'Without VM.Audit on /vms Proxmox lists no replication jobs to this token, so the app cannot say whether they fail.'
  },
  // GET /nodes/{node}/subscription answers everyone with the status; level and due date need Sys.Audit on /nodes/<node>.
  {
    feature: 'subscription',
    label: 'Subscription level and due date',
    path: '/nodes',
    privilege: 'Sys.Audit',
    ok: "Each node's subscription status, level and next due date are shown on its page.",
    missing: "Without Sys.Audit on /nodes only each node's subscription status is shown, not its level or due date."
  }
]

export function privilegeReport(perms: Permissions, ssh: { configured: boolean }): PrivilegeCheck[] {
  const checks: PrivilegeCheck[] = RULES.map((r) => {
    const ok = [r.privilege, ...(r.alsoAccepted ?? [])].some((p) => hasPrivilege(perms, r.path, p))
    return { feature: r.feature, label: r.label, ok, missing: ok ? [] : [{ path: r.path, privilege: r.privilege }], explanation: ok ? r.ok : r.missing }
  })
  checks.push({
    feature: 'ssh-health',
    label: 'Node health over SSH',
    ok: ssh.configured,
    missing: [],
    explanation: ssh.configured
      ? 'Temperatures, ZFS pools and package versions are read over SSH.'
      : 'Temperatures, ZFS pools and package versions need SSH access to the nodes: add an SSH user and key in the cluster settings.'
  })
  return checks
}
