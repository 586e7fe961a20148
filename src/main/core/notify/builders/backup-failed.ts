// "Backup of CT 203 “nextcloud” failed: job errors": a failed vzdump is its own notification (not also a
// task-failed one), opted out per cluster in its settings (see policy.ts).
import { cleanText } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, guestLabel, guestTarget, listOf, nodeName, overview } from './common'

/** "Backup of VM 102 “db-prod-01”", or for a whole job's task (no single guest) "Backup job on pve-a". */
const what = (e: Parameters<KindBuilder['build']>[0][0]): string => (e.guest ? `Backup of ${guestLabel(e)}` : `Backup job on ${nodeName(e)}`)

export const backupFailed: KindBuilder = {
  kind: 'backup-failed',
  urgency: 'normal',
  coalesce: true,
  build(events) {
    const [e] = events
    if (events.length === 1) {
      const detail = e.detail ? `: ${cleanText(e.detail, 160)}` : ''
      return { title: `Backup failed in ${cluster(e)}`, body: `${what(e)} failed${detail}`, clickTarget: e.guest ? guestTarget(e) : overview(e) }
    }
    return {
      title: `${events.length} backups failed in ${cluster(e)}`,
      body: `Backups of ${listOf(events.map((x) => (x.guest ? guestLabel(x) : `a job on ${nodeName(x)}`)))} failed`,
      clickTarget: overview(e)
    }
  }
}
