import { cleanName, cleanText } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, listOf } from './common'

export const storageHigh: KindBuilder = {
  kind: 'storage-high',
  urgency: 'normal',
  coalesce: true,
  build(events) {
    const [e] = events
    const target = { view: 'storage' as const, clusterId: e.clusterId }
    if (events.length === 1) return { title: `Storage ${cleanName(e.storage ?? '?')} is almost full`, body: cleanText(e.message, 200), clickTarget: target }
    return {
      title: `${events.length} storages almost full in ${cluster(e)}`,
      body: `${listOf(events.map((x) => cleanName(x.storage ?? '?')))} are above the threshold.`,
      clickTarget: target
    }
  }
}
