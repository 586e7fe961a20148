import { SECRET_UNREADABLE_DETAIL } from '../../monitor/monitor-events'
import type { KindBuilder } from '../types'
import { cluster } from './common'

export const authFailed: KindBuilder = {
  kind: 'auth-failed',
  urgency: 'normal',
  coalesce: false,
  build([e]) {
    if (e.detail === SECRET_UNREADABLE_DETAIL) {
      return {
        title: `${cluster(e)}: enter the token secret again`,
        // The event's own sentence: why the stored secret cannot be used, and what to do.
        body: e.message,
        clickTarget: { view: 'settings', clusterId: e.clusterId }
      }
    }
    return {
      title: `${cluster(e)}: API token rejected`,
      body: 'Check the token ID and secret in settings, and that the token has not expired. Polling continues slowly.',
      clickTarget: { view: 'settings', clusterId: e.clusterId }
    }
  }
}
