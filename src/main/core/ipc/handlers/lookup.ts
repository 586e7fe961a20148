import { AppError } from '../../errors/app-error'
import type { RuntimeCluster } from '../../clusters/types'
import type { HandlerContext } from '../handler-types'

export function runtimeCluster(ctx: HandlerContext, clusterId: string): RuntimeCluster {
  const c = ctx.clusters.get(clusterId)
  if (c === undefined) throw new AppError('not-found', 'This cluster is not configured (it may have been removed).')
  return c
}

/** `https://host:port/` for a host the app stored itself (IPv6 literals get brackets). */
export function webUiUrl(host: string, port: number): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return new URL(`https://${h}:${port}/`).toString()
}
