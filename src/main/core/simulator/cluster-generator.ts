import type { SimClusterSpec } from './types'

export interface ClusterGeneratorOptions {
  nodes: number
  guests: number
  seed?: number
}

export function generateCluster(_o: ClusterGeneratorOptions): SimClusterSpec {
  return { name: 'bench', nodes: [], guests: [], storages: [], pools: [] }
}
