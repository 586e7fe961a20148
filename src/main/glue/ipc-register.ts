// THE only file that touches ipcMain. One `handle` per channel of the contract: sender check →
// core.dispatch (which validates the input with the channel's zod schema) → IpcResponse. Events
// from the core go to the dashboard's webContents only.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'

import { invokeChannelNames, type IpcResponse, rendererEventChannelNames } from '../../shared/ipc/contract'
import type { AppCore } from '../core'
import { checkSender, type SenderPolicy } from '../core/security/sender-policy'
import type { Dashboard } from './dashboard-window'

export interface IpcRegistration {
  dispose(): void
}

const refused = (reason: string): IpcResponse<never> => ({
  ok: false,
  error: { code: 'refused', message: `This call was refused: ${reason}.` }
})

export function registerIpc(deps: {
  readonly core: AppCore
  readonly dashboard: Dashboard
  readonly policy: SenderPolicy
  readonly log: (line: string) => void
}): IpcRegistration {
  const { core, dashboard, policy, log } = deps
  const isDashboard = (contents: WebContents): boolean => dashboard.isDashboard(contents)

  for (const channel of invokeChannelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
      const frame = event.senderFrame
      const verdict = checkSender(
        { frameUrl: frame ? frame.url : null, isMainFrame: frame !== null && frame.parent === null, isDashboard: isDashboard(event.sender) },
        policy
      )
      if (!verdict.ok) {
        log(`ipc: refused ${channel}: ${verdict.reason}`)
        return refused(verdict.reason)
      }
      return core.dispatch(channel, raw, { url: frame?.url, frameId: frame?.routingId })
    })
  }

  const unsubscribers = rendererEventChannelNames.map((name) => core.on(name, (payload) => dashboard.send(name, payload)))

  return {
    dispose(): void {
      for (const channel of invokeChannelNames) ipcMain.removeHandler(channel)
      for (const off of unsubscribers) off()
    }
  }
}
