// Shared wording helpers for the per-kind builders. Every server-provided string goes through cleanName.
import type { MonitorEvent } from '../../../../shared/snapshot'
import type { NavigateTarget } from '../../../../shared/views'
import { cleanName } from '../sanitize'

export const cluster = (e: MonitorEvent): string => cleanName(e.clusterName)

export function guestLabel(e: MonitorEvent): string {
  const g = e.guest
  if (!g) return 'a guest'
  return `${g.kind === 'qemu' ? 'VM' : 'CT'} ${g.vmid} “${cleanName(g.name)}”`
}

export const nodeName = (e: MonitorEvent): string => (e.node ? cleanName(e.node) : 'a node')

/** "a, b and 3 more" */
export function listOf(items: readonly string[], shown = 3): string {
  const uniq = [...new Set(items)]
  if (uniq.length <= shown) return uniq.length <= 1 ? (uniq[0] ?? '') : `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}`
  return `${uniq.slice(0, shown).join(', ')} and ${uniq.length - shown} more`
}

export const overview = (e: MonitorEvent): NavigateTarget => ({ view: 'overview', clusterId: e.clusterId })
export const nodeTarget = (e: MonitorEvent): NavigateTarget => (e.node ? { view: 'node', clusterId: e.clusterId, node: e.node } : overview(e))
export const guestTarget = (e: MonitorEvent): NavigateTarget =>
  e.guest ? { view: 'guests', clusterId: e.clusterId, vmid: e.guest.vmid } : { view: 'guests', clusterId: e.clusterId }
