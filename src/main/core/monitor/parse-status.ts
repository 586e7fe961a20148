// /cluster/status → quorum and node addresses. Standalone nodes have no 'cluster' item: they are
// always quorate.
import { isRecord, optBool, str } from './lenient'

export interface ParsedClusterStatus {
  readonly quorate: boolean | null
  readonly clusterName: string | null
  readonly nodeIps: ReadonlyMap<string, string>
}

export function parseClusterStatus(items: readonly unknown[]): ParsedClusterStatus {
  let quorate: boolean | null = null
  let clusterName: string | null = null
  let nodeCount = 0
  const nodeIps = new Map<string, string>()
  for (const item of items) {
    if (!isRecord(item)) continue
    if (item.type === 'cluster') {
      quorate = optBool(item.quorate)
      clusterName = str(item.name)
    } else if (item.type === 'node') {
      nodeCount++
      const name = str(item.name)
      const ip = str(item.ip)
      if (name && ip) nodeIps.set(name, ip)
    }
  }
  if (quorate === null && clusterName === null && nodeCount === 1) quorate = true
  return { quorate, clusterName, nodeIps }
}
