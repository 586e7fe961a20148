import { cleanText } from '../sanitize'
import type { KindBuilder } from '../types'
import { cluster, overview } from './common'

export const clusterReachable: KindBuilder = {
  kind: 'cluster-reachable',
  urgency: 'low',
  coalesce: false,
  build([e]) {
    return { title: `${cluster(e)} is reachable again`, body: cleanText(e.message, 200), clickTarget: overview(e) }
  }
}
