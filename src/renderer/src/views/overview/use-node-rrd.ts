// The last hour of a node's RRD figures for its sparkline, refreshed every minute (RRD resolution).
import type { RrdPoint } from '@shared/views'
import { useEffect, useState } from 'react'

import { call, useApi } from '../../api/api-context'

export function useNodeRrd(clusterId: string, node: string, online: boolean): readonly RrdPoint[] | null {
  const api = useApi()
  const [points, setPoints] = useState<readonly RrdPoint[] | null>(null)
  useEffect(() => {
    if (!online) return
    let live = true
    const load = (): void => {
      void call(api, 'nodes:rrd', { clusterId, node, timeframe: 'hour' }).then((r) => {
        if (live && r.ok) setPoints(r.value)
      })
    }
    load()
    const t = setInterval(load, 60_000)
    return () => {
      live = false
      clearInterval(t)
    }
  }, [api, clusterId, node, online])
  return points
}
