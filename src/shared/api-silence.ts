// "The cluster's API does not answer" as the monitor reports it: its last poll failed to reach any endpoint
// (not a refused token or a server error, which are answers). Main's SSH diagnosis and the node page agree on it.
import type { ClusterSnapshot } from './snapshot'

const NO_ANSWER_KINDS: ReadonlySet<string> = new Set(['unreachable', 'timeout'])

export function clusterApiSilent(c: Pick<ClusterSnapshot, 'stale' | 'lastError'>): boolean {
  return c.stale && c.lastError !== null && NO_ANSWER_KINDS.has(c.lastError.kind)
}
