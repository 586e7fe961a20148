import type { KindBuilder } from '../types'
import { cluster, listOf, nodeName, nodeTarget, overview } from './common'

export const nodeUp: KindBuilder = {
  kind: 'node-up',
  urgency: 'low',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1)
      return { title: `${nodeName(e)} is back up`, body: `Node ${nodeName(e)} in ${cluster(e)} is online again.`, clickTarget: nodeTarget(e) }
    return { title: `${events.length} nodes back up in ${cluster(e)}`, body: `${listOf(events.map(nodeName))} are online again.`, clickTarget: overview(e) }
  }
}
