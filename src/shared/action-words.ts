// The words for each power action, in one place: the tray menu, the dashboard's buttons and task lines,
// confirmations and the timeline's task messages all take them from here, so an action reads the same
// everywhere ("Shut down", never "Shutdown" on one screen and "Shut down" on the next).
import type { PowerAction } from './snapshot'

export interface ActionWords {
  /** On a button or menu item, and at the head of a task line: "Shut down". */
  readonly label: string
  /** While it runs: "Shutting down". */
  readonly ing: string
  /** The task as a thing: "Shutdown of VM 106". */
  readonly noun: string
}

export const ACTION_WORDS: Readonly<Record<PowerAction, ActionWords>> = {
  start: { label: 'Start', ing: 'Starting', noun: 'Start' },
  stop: { label: 'Stop', ing: 'Stopping', noun: 'Stop' },
  shutdown: { label: 'Shut down', ing: 'Shutting down', noun: 'Shutdown' },
  reboot: { label: 'Reboot', ing: 'Rebooting', noun: 'Reboot' },
  // Proxmox's own GUI calls a VM's suspend to RAM "Pause".
  suspend: { label: 'Pause', ing: 'Pausing', noun: 'Pause' },
  resume: { label: 'Resume', ing: 'Resuming', noun: 'Resume' }
}
