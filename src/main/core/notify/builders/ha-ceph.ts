// HA resources in error/fence (and back), Ceph health turning WARN/ERR (and back to OK). The event's message
// already names the resource and Proxmox's state; the title says what it is about.
import { cleanText } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, guestLabel, guestTarget, listOf, overview } from './common'

const haLabel = (e: Parameters<KindBuilder['build']>[0][0]): string => (e.guest ? guestLabel(e) : 'An HA resource')

export const haProblem: KindBuilder = {
  kind: 'ha-problem',
  urgency: 'critical',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) {
      return {
        title: `${haLabel(e)}: HA ${cleanText(e.detail ?? 'error', 20)}`,
        body: cleanText(e.message, 200),
        clickTarget: e.guest ? guestTarget(e) : overview(e)
      }
    }
    return {
      title: `${events.length} HA resources need attention in ${cluster(e)}`,
      body: `${listOf(events.map(haLabel))} are in error or being fenced.`,
      clickTarget: overview(e)
    }
  }
}

export const haRecovered: KindBuilder = {
  kind: 'ha-recovered',
  urgency: 'low',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) return { title: `${haLabel(e)} recovered`, body: cleanText(e.message, 200), clickTarget: e.guest ? guestTarget(e) : overview(e) }
    return {
      title: `${events.length} HA resources recovered in ${cluster(e)}`,
      body: `${listOf(events.map(haLabel))} left error/fence.`,
      clickTarget: overview(e)
    }
  }
}

export const cephDegraded: KindBuilder = {
  kind: 'ceph-degraded',
  urgency: 'normal',
  coalesce: false,
  build([e]) {
    return { title: `Ceph in ${cluster(e)}: ${cleanText(e.detail ?? 'HEALTH_WARN', 20)}`, body: cleanText(e.message, 200), clickTarget: overview(e) }
  }
}

export const cephOk: KindBuilder = {
  kind: 'ceph-ok',
  urgency: 'low',
  coalesce: false,
  build([e]) {
    return { title: `Ceph in ${cluster(e)} is healthy again`, body: cleanText(e.message, 200), clickTarget: overview(e) }
  }
}
