import { AppError } from '../../errors/app-error'
import { webUiUrl } from '../../security/web-ui-url'
import type { HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

export const appHandlers: HandlerGroup<'app:get-state' | 'app:open-web-ui' | 'clusters:refresh'> = {
  'app:get-state': async (_input, ctx) => ctx.appState(),

  // Only ever a URL built here from a configured endpoint: the renderer names a cluster, not a URL.
  'app:open-web-ui': async (input, ctx) => {
    const c = runtimeCluster(ctx, input.clusterId)
    const ep = (input.node === undefined ? undefined : c.endpoints.find((e) => e.node === input.node)) ?? c.endpoints[0]
    if (ep === undefined) throw new AppError('not-found', 'This cluster has no endpoint to open.')
    await ctx.platform.openExternal(webUiUrl(ep))
    return null
  },

  'clusters:refresh': async (input, ctx) => {
    const targets = input.clusterId === undefined ? ctx.clusters.all() : [runtimeCluster(ctx, input.clusterId)]
    await Promise.all(targets.map((c) => c.monitor.refreshNow()))
    return null
  }
}
