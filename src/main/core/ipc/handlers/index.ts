import type { IpcHandlers } from '../handler-types'
import { appHandlers } from './app-handlers'
import { backupInfo } from './backup-info'
import { guestHandlers } from './guest-handlers'
import { nodeHandlers } from './node-handlers'
import { onboardingHandlers } from './onboarding-handlers'
import { settingsHandlers } from './settings-handlers'
import { sshHandlers } from './ssh-handlers'
import { clusterTasks, taskLog } from './task-log'
import { upkeepHandlers } from './upkeep-handlers'

/** Every channel of the contract → its handler (a missing one fails to compile). */
export const ipcHandlers: IpcHandlers = {
  ...appHandlers,
  ...guestHandlers,
  ...nodeHandlers,
  ...onboardingHandlers,
  ...settingsHandlers,
  ...sshHandlers,
  'backups:info': backupInfo,
  'tasks:cluster': clusterTasks,
  'tasks:log': taskLog,
  ...upkeepHandlers
}
