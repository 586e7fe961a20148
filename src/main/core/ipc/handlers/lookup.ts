import type { RuntimeCluster } from '../../clusters/types'
import { AppError } from '../../errors/app-error'
import type { HandlerContext } from '../handler-types'

export function runtimeCluster(ctx: Pick<HandlerContext, 'clusters'>, clusterId: string): RuntimeCluster {
  const c = ctx.clusters.get(clusterId)
  if (c === undefined) throw new AppError('not-found', 'This cluster is not configured (it may have been removed).')
  return c
}
