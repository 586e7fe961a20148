import type { KindBuilder } from '../types'
import { SECRET_UNREADABLE_DETAIL } from '../../monitor/monitor-events'
import { cluster } from './common'

export const authFailed: KindBuilder = {
  kind: 'auth-failed',
  urgency: 'normal',
  coalesce: false,
  build([e]) {
    if (e.detail === SECRET_UNREADABLE_DETAIL) {
      return {
        title: `${cluster(e)}: token secret cannot be read`,
        body: 'Enter the token secret again in the settings (the keyring changed or is locked, or the secrets file was damaged). The cluster is not monitored until then.',
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
