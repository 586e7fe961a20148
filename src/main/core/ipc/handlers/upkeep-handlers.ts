// upkeep:get / upkeep:check — what the upkeep watch (../../upkeep) knows of each node, and a check now on
// request. Only the members of the context they use: the cluster registry (is it watched?) and the watch.
import { AppError } from '../../errors/app-error'
import type { HandlerContext, HandlerGroup } from '../handler-types'

type UpkeepContext = Pick<HandlerContext, 'clusters' | 'upkeep'>

function watchedId(ctx: UpkeepContext, clusterId: string): string {
  const c = ctx.clusters.get(clusterId)
  if (c === undefined) throw new AppError('not-found', 'This cluster is not configured (it may have been removed).')
  return c.id
}

export const upkeepHandlers: HandlerGroup<'upkeep:get' | 'upkeep:check'> = {
  'upkeep:get': async (input, ctx: UpkeepContext) => ctx.upkeep.view(watchedId(ctx, input.clusterId)),
  'upkeep:check': async (input, ctx: UpkeepContext) => {
    const id = watchedId(ctx, input.clusterId)
    await ctx.upkeep.checkNow(id, input.node)
    return ctx.upkeep.view(id)
  }
}
