import type { KindBuilder } from '../types'
import { cluster, overview } from './common'

export const quorumLost: KindBuilder = {
  kind: 'quorum-lost',
  urgency: 'critical',
  coalesce: false,
  build([e]) {
    return { title: `${cluster(e)} lost quorum`, body: 'Guests cannot be started or changed until enough nodes are back.', clickTarget: overview(e) }
  }
}
