// upkeep:get / upkeep:check — what the upkeep watch (../../upkeep) knows of each node, and a check now on
// request. Only the members of the context they use: the cluster registry (is it watched?) and the watch.
import type { HandlerContext, HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

export const upkeepHandlers: HandlerGroup<'upkeep:get' | 'upkeep:check', Pick<HandlerContext, 'clusters' | 'upkeep'>> = {
  'upkeep:get': async (input, ctx) => ctx.upkeep.view(runtimeCluster(ctx, input.clusterId).id),
  'upkeep:check': async (input, ctx) => {
    const id = runtimeCluster(ctx, input.clusterId).id
    await ctx.upkeep.checkNow(id, input.node)
    return ctx.upkeep.view(id)
  }
}
