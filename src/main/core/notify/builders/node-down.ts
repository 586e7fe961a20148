import { cleanText } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, listOf, nodeName, nodeTarget, overview } from './common'

export const nodeDown: KindBuilder = {
  kind: 'node-down',
  urgency: 'critical',
  coalesce: true,
  build(events) {
    const [e] = events
    // detail: what SSH said of the node when it answered before the confirmation (app/node-diagnoser).
    if (events.length === 1) {
      const ssh = e.detail === null ? '' : ` ${cleanText(e.detail, 200)}`
      return { title: `${nodeName(e)} is down`, body: `Node ${nodeName(e)} in ${cluster(e)} is offline (confirmed).${ssh}`, clickTarget: nodeTarget(e) }
    }
    const names = listOf(events.map(nodeName))
    return { title: `${events.length} nodes down in ${cluster(e)}`, body: `${names} are offline (confirmed).`, clickTarget: overview(e) }
  }
}
