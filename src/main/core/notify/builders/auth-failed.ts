import type { KindBuilder } from '../types'
import { cluster } from './common'

export const authFailed: KindBuilder = {
  kind: 'auth-failed',
  urgency: 'normal',
  coalesce: false,
  build([e]) {
    return {
      title: `${cluster(e)}: API token rejected`,
      body: 'Check the token ID and secret in settings, and that the token has not expired. Polling continues slowly.',
      clickTarget: { view: 'settings', clusterId: e.clusterId }
    }
  }
}
