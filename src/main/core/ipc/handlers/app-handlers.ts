import { consoleUnavailableReason } from '../../../../shared/guest-links'
import { AppError } from '../../errors/app-error'
import { type WebUiTarget, webUiUrl } from '../../security/web-ui-url'
import type { HandlerContext, HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

export const appHandlers: HandlerGroup<'app:get-state' | 'app:open-web-ui' | 'clusters:refresh', Pick<HandlerContext, 'appState' | 'clusters' | 'platform'>> = {
  'app:get-state': async (_input, ctx) => ctx.appState(),

  // Only ever a URL built here from a configured endpoint and the snapshot: the renderer names a cluster
  // (and a guest), never a URL, and the guest's kind and node are the monitor's, not the caller's.
  'app:open-web-ui': async (input, ctx) => {
    const c = runtimeCluster(ctx, input.clusterId)
    let target: WebUiTarget = { kind: 'root' }
    let node = input.node
    if (input.vmid !== undefined) {
      const g = ctx.clusters.snapshot(c.id)?.guests.find((x) => x.vmid === input.vmid)
      if (g === undefined) throw new AppError('not-found', `Guest ${input.vmid} is not in this cluster (any more).`)
      node = g.node
      if (input.console === true) {
        const why = consoleUnavailableReason(g)
        if (why !== null) throw new AppError('refused', `This console cannot be opened: ${why}.`)
        target = { kind: 'console', guestKind: g.kind, vmid: g.vmid, node: g.node }
      } else {
        target = { kind: 'guest', guestKind: g.kind, vmid: g.vmid }
      }
    }
    // The node's own endpoint when configured (its web UI shows it at once), else the cluster's first.
    const ep = (node === undefined ? undefined : c.endpoints.find((e) => e.node === node)) ?? c.endpoints[0]
    if (ep === undefined) throw new AppError('not-found', 'This cluster has no endpoint to open.')
    await ctx.platform.openExternal(webUiUrl(ep, target))
    return null
  },

  'clusters:refresh': async (input, ctx) => {
    const targets = input.clusterId === undefined ? ctx.clusters.all() : [runtimeCluster(ctx, input.clusterId)]
    await Promise.all(targets.map((c) => c.monitor.refreshNow()))
    return null
  }
}
