import { cleanName } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, guestLabel, guestTarget, listOf, nodeName } from './common'

export const guestState: KindBuilder = {
  kind: 'guest-state',
  urgency: 'low',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) {
      // The monitor's message ends in "<from> → <to>."; take the states from it, not the name.
      const m = /: (\S+) → (\S+)\.$/.exec(e.message)
      const change = m ? `${cleanName(m[1] ?? '')} → ${cleanName(m[2] ?? '')}` : 'state changed'
      return { title: `${guestLabel(e)}: ${change}`, body: `On ${nodeName(e)} in ${cluster(e)}.`, clickTarget: guestTarget(e) }
    }
    return {
      title: `${events.length} guests changed state in ${cluster(e)}`,
      body: `${listOf(events.map(guestLabel))}.`,
      clickTarget: { view: 'guests', clusterId: e.clusterId }
    }
  }
}
