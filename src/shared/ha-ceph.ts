// HA manager and Ceph health as the snapshot carries them (read at the monitor's slow cadence, see
// src/main/core/app/ha-ceph-watch.ts). Plain data. `null` on the snapshot = the cluster has no HA / no Ceph
// (nothing to show); a view whose `known` is false says why in `reason` and is never shown as OK.

/** One HA resource (`vm:100`, `ct:201`) as /cluster/ha/status/current reports it. */
export interface HaResourceView {
  readonly sid: string
  /** The guest it manages (null for a sid of another type). */
  readonly vmid: number | null
  /** The node the CRM places it on ('' when not said). */
  readonly node: string
  /** Proxmox's verbose service state: started, stopped, error, fence, recovery, freeze, migrate, queued, … */
  readonly state: string
  /** The state the admin asked for (resources.cfg): started, stopped, disabled, ignored; null when not said. */
  readonly requestState: string | null
  /** `error` or `fence`: the HA manager needs the admin. */
  readonly problem: boolean
}

export interface HaView {
  /** The last read answered (else everything below is from `checkedAt`, or empty, and not true now). */
  readonly known: boolean
  /** Why it is not known, in words (missing Sys.Audit on /, the cluster does not answer, …). */
  readonly reason: string | null
  /** The node the HA manager (CRM master) runs on, and its mode (active, idle, or Proxmox's words); null if none reported. */
  readonly manager: { readonly node: string; readonly mode: string } | null
  /** The HA stack's own quorum view; null when not reported. */
  readonly quorate: boolean | null
  readonly resources: readonly HaResourceView[]
  /** Epoch ms of the answer shown. */
  readonly checkedAt: number | null
}

export type CephHealth = 'HEALTH_OK' | 'HEALTH_WARN' | 'HEALTH_ERR'

export interface CephCheckView {
  /** Ceph's check code, e.g. OSD_DOWN. */
  readonly code: string
  readonly severity: CephHealth
  /** Ceph's summary, e.g. "1 osds down" (untrusted text: render as text). */
  readonly summary: string
  readonly muted: boolean
}

export interface CephView {
  readonly known: boolean
  readonly reason: string | null
  /** Null when not known. */
  readonly health: CephHealth | null
  readonly checks: readonly CephCheckView[]
  readonly checkedAt: number | null
}

/** "HEALTH_WARN" → "warning", in the user's words. */
export function cephHealthWords(h: CephHealth | null): string {
  return h === 'HEALTH_OK' ? 'healthy' : h === 'HEALTH_WARN' ? 'warning' : h === 'HEALTH_ERR' ? 'error' : 'not known'
}

/** The HA resource managing this guest, if any, as last read: only while that read is current (an old state is not shown as now). */
export function haResourceOf(ha: HaView | null, vmid: number): HaResourceView | null {
  if (ha?.known !== true) return null
  return ha.resources.find((r) => r.vmid === vmid) ?? null
}

/**
 * What is wrong with HA and Ceph, in words ("HA resource vm:102 in error", "Ceph HEALTH_WARN: noout flag(s) set"):
 * the tray's problem lines and the cluster's summary use the same words. Only what was read and is current counts.
 */
export function haCephProblems(ha: HaView | null, ceph: CephView | null): string[] {
  const out: string[] = []
  if (ha?.known === true)
    for (const r of ha.resources) if (r.problem) out.push(`HA resource ${r.sid} ${r.state === 'fence' ? 'being fenced' : `in ${r.state}`}`)
  if (ceph?.known === true && ceph.health !== null && ceph.health !== 'HEALTH_OK') {
    const active = ceph.checks.filter((c) => !c.muted).map((c) => c.summary)
    out.push(active.length === 0 ? `Ceph ${ceph.health}` : `Ceph ${ceph.health}: ${active.join('; ')}`)
  }
  return out
}
