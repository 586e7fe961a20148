import type { GuestState } from '@shared/snapshot'

/**
 * Whether the guest has CPU, memory and uptime figures worth showing. A paused VM is still a running
 * QEMU process holding its RAM; a stopped or hibernated (suspended to disk) one holds nothing, and an
 * unknown state has no trustworthy figures: those show "—", never "0 B".
 */
export function hasLiveFigures(state: GuestState): boolean {
  return state !== 'stopped' && state !== 'suspended' && state !== 'unknown'
}
