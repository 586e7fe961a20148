import type { SimClusterSpec } from './types'

export function demoCluster(_seed = 1): SimClusterSpec {
  return { name: 'demo', nodes: [], guests: [], storages: [], pools: [] }
}
