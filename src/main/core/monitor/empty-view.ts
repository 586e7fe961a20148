// THE rule for "this token authenticates but sees nothing", shared by the monitor (snapshot.emptyView)
// and onboarding (ConnectionTestResult.emptyView) so the two can never disagree.
//
// Proxmox's /cluster/resources lists every node to every token (Cluster.pm pushes node items regardless
// of ACLs) but strips their stats without Sys.Audit: a privilege-separated token without ACLs gets bare
// `{id, node, type, status, level}` items, never an empty array. So "empty" is: no guest, no storage,
// and no node that carries any stats. Only an ONLINE node without stats proves the stats were withheld:
// an offline (or RRD-less "unknown") node has none for anyone, so a list of such nodes means "cluster
// down", which the health rule reports, not "token sees nothing". An empty list counts as empty too.
import type { ParsedNode, ParsedResources } from './parse-resources'

function nodeHasStats(n: ParsedNode): boolean {
  return n.cpu !== null || n.maxcpu !== null || n.mem !== null || n.maxmem !== null || n.disk !== null || n.maxdisk !== null || n.uptime !== null
}

export function isEmptyView(r: ParsedResources): boolean {
  if (r.guests.length > 0 || r.storage.length > 0 || r.nodes.some(nodeHasStats)) return false
  return r.nodes.length === 0 || r.nodes.some((n) => n.status === 'online')
}

/** What the snapshot says when the rule holds. */
export const EMPTY_VIEW_MESSAGE =
  'The token authenticates but sees nothing: with privilege separation a token only has the ACLs given to the token itself. ' +
  'Grant it a role (e.g. PVEAuditor on /) in Datacenter → Permissions.'
