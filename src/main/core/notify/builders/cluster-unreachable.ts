import type { KindBuilder } from '../types'
import { cluster, overview } from './common'

export const clusterUnreachable: KindBuilder = {
  kind: 'cluster-unreachable',
  urgency: 'normal',
  coalesce: false,
  build([e]) {
    return {
      title: `${cluster(e)} is unreachable`,
      body: 'No endpoint answers (network, VPN, or all nodes down). You will be told when it is back.',
      clickTarget: overview(e)
    }
  }
}
