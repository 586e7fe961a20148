import type { KindBuilder } from '../types'
import { cluster, listOf, nodeName, nodeTarget, overview } from './common'

export const nodeFlapping: KindBuilder = {
  kind: 'node-flapping',
  urgency: 'normal',
  coalesce: true,
  build(events) {
    const [e] = events
    const names = listOf(events.map(nodeName))
    return {
      title: events.length === 1 ? `${nodeName(e)} is flapping` : `${events.length} nodes flapping in ${cluster(e)}`,
      body: `${names} in ${cluster(e)} keeps going down and up. Further changes are not notified until it settles.`,
      clickTarget: events.length === 1 ? nodeTarget(e) : overview(e)
    }
  }
}
