// The tray's one line of HA and Ceph under a cluster's header (cheap: read from the snapshot, which the
// HA/Ceph watch fills in at the slow cadence). Nothing when the cluster has neither; "not known", never OK,
// when they were not read or are no longer current.
import type { ClusterSnapshot } from '../../../shared/snapshot'
import { plainText } from './label-text'

function haPart(c: ClusterSnapshot): string | null {
  const ha = c.ha
  if (ha === null) return null
  if (!ha.known) return 'HA not known'
  const bad = ha.resources.filter((r) => r.problem)
  if (bad.length === 0) return `HA: ${ha.resources.length} resources, none in error`
  const shown = bad.slice(0, 2).map((r) => `${r.sid} ${r.state}`)
  return `HA: ${shown.join(', ')}${bad.length > 2 ? ` and ${bad.length - 2} more` : ''}`
}

function cephPart(c: ClusterSnapshot): string | null {
  const ceph = c.ceph
  if (ceph === null) return null
  if (!ceph.known || ceph.health === null) return 'Ceph not known'
  const active = ceph.checks.filter((k) => !k.muted)
  return active.length === 0 ? `Ceph ${ceph.health}` : `Ceph ${ceph.health}: ${plainText(active.map((k) => k.summary).join('; '), 60)}`
}

/** "HA: vm:102 error · Ceph HEALTH_WARN: noout flag(s) set", or null when there is nothing to say. */
export function haCephLine(c: ClusterSnapshot): string | null {
  const parts = [haPart(c), cephPart(c)].filter((p): p is string => p !== null)
  return parts.length === 0 ? null : parts.join(' · ')
}
