// Proxmox's raw guest status (qemu QMP run state, lxc status) → the app's GuestState.
import type { GuestKind, GuestState } from '../../../shared/snapshot'

/** QMP states that mean the guest is broken, not merely busy: they make a cluster "degraded". */
const ERROR_STATES = new Set(['io-error', 'internal-error', 'guest-panicked'])

export function isGuestErrorStatus(status: string): boolean {
  return ERROR_STATES.has(status)
}

export function normaliseGuestState(kind: GuestKind, status: string, lock: string | null): GuestState {
  switch (status) {
    case 'running':
      return 'running'
    case 'stopped':
      // A hibernated VM is "stopped" with lock "suspended" (its RAM is saved to disk).
      return kind === 'qemu' && lock === 'suspended' ? 'suspended' : 'stopped'
    case 'paused':
      return kind === 'qemu' ? 'paused' : 'other'
    case 'suspended':
      return kind === 'qemu' ? 'suspended' : 'other'
    case 'unknown':
      return 'unknown'
    default:
      return 'other'
  }
}
