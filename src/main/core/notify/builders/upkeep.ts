// A node's upkeep (core/upkeep): its certificate nearing expiry (30 and 7 days before, once each, and expired),
// and a replication job that fails. Both lead to the node's page, where the details are.
import { cleanText } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, listOf, nodeName, nodeTarget, overview } from './common'

export const certificateExpiring: KindBuilder = {
  kind: 'certificate-expiring',
  urgency: 'normal',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) return { title: `${cluster(e)}: certificate of ${nodeName(e)}`, body: cleanText(e.message, 240), clickTarget: nodeTarget(e) }
    return {
      title: `${cluster(e)}: ${events.length} node certificates expire soon`,
      body: `${listOf(events.map(nodeName))}: see each node's page.`,
      clickTarget: overview(e)
    }
  }
}

export const replicationFailed: KindBuilder = {
  kind: 'replication-failed',
  urgency: 'normal',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) {
      const detail = e.detail !== null ? `: ${cleanText(e.detail, 140)}` : ''
      return { title: `Replication failed in ${cluster(e)}`, body: `${cleanText(e.message, 160)}${detail}`, clickTarget: nodeTarget(e) }
    }
    return {
      title: `${events.length} replication jobs failed in ${cluster(e)}`,
      body: events
        .map((x) => cleanText(x.message, 80))
        .slice(0, 3)
        .join(' · '),
      clickTarget: overview(e)
    }
  }
}
