import { cleanText } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, guestTarget, overview } from './common'

export const taskFailed: KindBuilder = {
  kind: 'task-failed',
  urgency: 'normal',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) {
      const detail = e.detail ? `: ${cleanText(e.detail, 160)}` : ''
      return { title: `Task failed in ${cluster(e)}`, body: `${cleanText(e.message, 120)}${detail}`, clickTarget: e.guest ? guestTarget(e) : overview(e) }
    }
    return {
      title: `${events.length} tasks failed in ${cluster(e)}`,
      body: events
        .map((x) => cleanText(x.message, 80))
        .slice(0, 3)
        .join(' · '),
      clickTarget: overview(e)
    }
  }
}
