import type { KindBuilder } from '../types'
import { cluster, nodeName, overview } from './common'

// The event's message names both fingerprints; nothing is sent to that endpoint until the user trusts it.
export const certificateChanged: KindBuilder = {
  kind: 'certificate-changed',
  urgency: 'critical',
  coalesce: false,
  build([e]) {
    return {
      title: `${cluster(e)}: ${nodeName(e)} presents another certificate`,
      body: e.message,
      clickTarget: overview(e)
    }
  }
}
