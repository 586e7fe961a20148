import type { KindBuilder } from '../types'
import { cluster, overview } from './common'

export const quorumRegained: KindBuilder = {
  kind: 'quorum-regained',
  urgency: 'low',
  coalesce: false,
  build([e]) {
    return { title: `${cluster(e)} is quorate again`, body: 'The cluster has enough votes to make changes.', clickTarget: overview(e) }
  }
}
