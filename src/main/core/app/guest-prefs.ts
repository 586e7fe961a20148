// Where mutes and "notify when down" choices go. A configured cluster keeps them in the settings
// document (persisted; the settings change reconfigures its monitor). The demo cluster is kept in
// MEMORY instead: it is not in the settings (the settings service rightly refuses an unknown cluster),
// it is a fresh simulator on every start, and it disappears as soon as a real cluster is added —
// storing its choices in the user's settings file would leave entries for a cluster that never existed.
import { type MuteMode, type MuteTargetRef, withGuestAlert, withMute } from '../settings/mute-list'
import type { StoredGuestAlert, StoredMute } from '../settings/settings-schema'
import type { SettingsService } from '../settings/settings-service'

export interface GuestPrefs {
  setMute(target: MuteTargetRef, mode: MuteMode, now: number): void
  setGuestAlert(clusterId: string, vmid: number, enabled: boolean): void
}

/** The demo cluster's mutes and guest alerts, shaped like the settings document's lists. */
export class DemoPrefs {
  mutes: readonly StoredMute[] = []
  guestAlerts: readonly StoredGuestAlert[] = []

  setMute(target: MuteTargetRef, mode: MuteMode, now: number): void {
    this.mutes = withMute(this.mutes, target, mode, now)
  }

  setGuestAlert(clusterId: string, vmid: number, enabled: boolean): void {
    this.guestAlerts = withGuestAlert(this.guestAlerts, clusterId, vmid, enabled)
  }

  clear(): void {
    this.mutes = []
    this.guestAlerts = []
  }
}

export function createGuestPrefs(o: {
  readonly settings: SettingsService
  readonly demo: DemoPrefs
  readonly isDemo: (clusterId: string) => boolean
  /** Applies the demo's lists to its monitor and pushes the state (what a settings change does for the others). */
  readonly demoChanged: () => void
}): GuestPrefs {
  return {
    setMute(target, mode, now) {
      if (!o.isDemo(target.clusterId)) return o.settings.setMute(target, mode, now)
      o.demo.setMute(target, mode, now)
      o.demoChanged()
    },
    setGuestAlert(clusterId, vmid, enabled) {
      if (!o.isDemo(clusterId)) return o.settings.setGuestAlert(clusterId, vmid, enabled)
      o.demo.setGuestAlert(clusterId, vmid, enabled)
      o.demoChanged()
    }
  }
}
