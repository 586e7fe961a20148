import type { PowerAction } from '@shared/snapshot'

import type { GuestRow } from '../../lib/guest-query'

/** What a confirmation says for a disruptive action, in plain words. */
export function confirmText(row: GuestRow, action: PowerAction): { title: string; body: string; label: string } {
  const g = row.guest
  const what = `${g.kind === 'qemu' ? 'VM' : 'Container'} ${g.vmid} (${g.name}) on ${g.node}`
  switch (action) {
    case 'stop':
      return {
        title: `Stop ${g.name}?`,
        body: `${what} will be powered off at once, like pulling the plug. Unsaved data in the guest is lost.`,
        label: 'Stop now'
      }
    case 'shutdown':
      return { title: `Shut down ${g.name}?`, body: `${what} is asked to shut down cleanly. Services it runs will stop.`, label: 'Shut down' }
    case 'reboot':
      return { title: `Reboot ${g.name}?`, body: `${what} will restart. Services it runs are briefly unavailable.`, label: 'Reboot' }
    default:
      return { title: `${action} ${g.name}?`, body: what, label: 'Confirm' }
  }
}
