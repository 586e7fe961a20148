import type { KindBuilder } from '../types'
import { cluster, guestLabel, guestTarget, listOf, nodeName } from './common'

export const guestDown: KindBuilder = {
  kind: 'guest-down',
  urgency: 'critical',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) {
      return {
        title: `${guestLabel(e)} went down`,
        body: `It was running on ${nodeName(e)} in ${cluster(e)} and stopped without a task explaining it.`,
        clickTarget: guestTarget(e)
      }
    }
    return {
      title: `${events.length} guests went down in ${cluster(e)}`,
      body: `${listOf(events.map(guestLabel))} stopped without a task explaining it.`,
      clickTarget: { view: 'guests', clusterId: e.clusterId }
    }
  }
}
