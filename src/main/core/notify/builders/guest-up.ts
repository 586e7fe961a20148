import type { KindBuilder } from '../types'
import { cluster, guestLabel, guestTarget, listOf } from './common'

export const guestUp: KindBuilder = {
  kind: 'guest-up',
  urgency: 'low',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) return { title: `${guestLabel(e)} is running again`, body: `In ${cluster(e)}.`, clickTarget: guestTarget(e) }
    return {
      title: `${events.length} guests running again in ${cluster(e)}`,
      body: `${listOf(events.map(guestLabel))}.`,
      clickTarget: { view: 'guests', clusterId: e.clusterId }
    }
  }
}
