// The composition root of the core: the app core's services (app/) with the IPC handlers (ipc/) on
// top. It sits above both so that ipc/ depends on app/ and never the reverse.
import type { AppCore, AppCoreDeps } from './app/app-core-types'
import { createAppServices } from './app/create-app-services'
import { createDispatcher } from './ipc/dispatch'
import { ipcHandlers } from './ipc/handlers'

export function createAppCore(deps: AppCoreDeps): AppCore {
  const app = createAppServices(deps)
  const dispatcher = createDispatcher(ipcHandlers, app.context, app.secrets)
  return { ...app.core, dispatch: (channel, rawInput) => dispatcher.dispatch(channel, rawInput) }
}
