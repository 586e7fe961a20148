// Proxmox task types (qmstart, vzdump, …) in the user's words, for events and notifications:
// "Start of VM 106 (ci-runner-2) on pve-a, started by root@pam, failed", never "Task qmstart of 106".
import { ACTION_WORDS } from '../../../shared/action-words'
import { type EventGuestRef, guestLabel } from './monitor-events'

const TASK_WORDS: Readonly<Record<string, string>> = {
  qmstart: ACTION_WORDS.start.noun,
  vzstart: ACTION_WORDS.start.noun,
  qmstop: ACTION_WORDS.stop.noun,
  vzstop: ACTION_WORDS.stop.noun,
  qmshutdown: ACTION_WORDS.shutdown.noun,
  vzshutdown: ACTION_WORDS.shutdown.noun,
  qmreboot: ACTION_WORDS.reboot.noun,
  vzreboot: ACTION_WORDS.reboot.noun,
  qmsuspend: ACTION_WORDS.suspend.noun,
  vzsuspend: ACTION_WORDS.suspend.noun,
  qmresume: ACTION_WORDS.resume.noun,
  vzresume: ACTION_WORDS.resume.noun,
  qmigrate: 'Migration',
  vzmigrate: 'Migration',
  qmclone: 'Clone',
  vzclone: 'Clone',
  qmcreate: 'Creation',
  vzcreate: 'Creation',
  qmdestroy: 'Removal',
  vzdestroy: 'Removal',
  qmsnapshot: 'Snapshot',
  vzsnapshot: 'Snapshot',
  qmdelsnapshot: 'Snapshot removal',
  vzdelsnapshot: 'Snapshot removal',
  qmrollback: 'Snapshot rollback',
  vzrollback: 'Snapshot rollback',
  vzdump: 'Backup',
  qmrestore: 'Restore',
  vzrestore: 'Restore',
  aptupdate: 'Package list update',
  startall: 'Start of all guests',
  stopall: 'Stop of all guests'
}

/** "Start of VM 106 (ci-runner-2)", "Backup of CT 201 (dns)", "Backup", or "Task xyz" for a type the app does not know. */
function taskWhat(type: string, vmid: number | null, guest: EventGuestRef | null): string {
  const words = TASK_WORDS[type]
  const target = guest !== null ? guestLabel(guest) : vmid !== null ? `guest ${vmid}` : null
  if (words === undefined) return target === null ? `Task ${type}` : `Task ${type} of ${target}`
  return target === null ? words : `${words} of ${target}`
}

/** The failed-task event's message; Proxmox's exit status goes in the event's detail. */
export function taskFailedMessage(t: { type: string; node: string; user: string }, vmid: number | null, guest: EventGuestRef | null, byUser: boolean): string {
  const what = taskWhat(t.type, vmid, guest)
  // Ends with "failed" so the exit status reads on: "…, started by root@pam, failed: storage 'x' is not online".
  return `${what} on ${t.node}, ${byUser ? 'started from this app' : `started by ${t.user}`}, failed`
}
