// Pure list edits for mutes and per-guest alerts, shared by the settings document and the demo
// cluster's in-memory copy so both follow the same rules (one entry per target, `hour` expires).
import type { StoredGuestAlert, StoredMute } from './settings-schema'

export interface MuteTargetRef {
  readonly clusterId: string
  readonly node?: string
  readonly vmid?: number
}

export type MuteMode = StoredMute['mode'] | 'off'

export function withMute(mutes: readonly StoredMute[], target: MuteTargetRef, mode: MuteMode, now: number): StoredMute[] {
  const node = target.node ?? null
  const vmid = target.vmid ?? null
  const rest = mutes.filter((m) => !(m.clusterId === target.clusterId && m.node === node && m.vmid === vmid))
  return mode === 'off' ? rest : [...rest, { clusterId: target.clusterId, node, vmid, mode, until: mode === 'hour' ? now + 3_600_000 : null }]
}

export function withGuestAlert(alerts: readonly StoredGuestAlert[], clusterId: string, vmid: number, enabled: boolean): StoredGuestAlert[] {
  return [...alerts.filter((a) => !(a.clusterId === clusterId && a.vmid === vmid)), { clusterId, vmid, enabled }]
}
