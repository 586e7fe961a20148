// The notification policy's preferences as the shell knows them: the toggles and pause from the
// settings, the mutes from the snapshot (each node/guest carries its live mute).
import type { AppState, SettingsView } from '../../../shared/views'
import type { NotifyMute, NotifyPrefs } from '../notify'

export function notifyPrefsFrom(settings: SettingsView, state: AppState): NotifyPrefs {
  const mutes: NotifyMute[] = []
  for (const c of state.clusters) {
    for (const n of c.nodes) if (n.muted) mutes.push({ clusterId: c.clusterId, node: n.name, mode: n.muted.mode, until: n.muted.until })
    // Indexed (every guest, every poll): unoptimised for-of makes an iterator result per guest.
    for (let i = 0; i < c.guests.length; i++) {
      const g = c.guests[i]
      if (g?.muted) mutes.push({ clusterId: c.clusterId, vmid: g.vmid, mode: g.muted.mode, until: g.muted.until })
    }
  }
  return {
    enabled: settings.notifications.enabled,
    // The app state carries the freshest pause (it changes from the tray without a settings reload).
    pausedUntil: state.notificationsPausedUntil ?? settings.notifications.pausedUntil,
    mutes,
    backupAlertsOff: settings.clusters.filter((c) => !c.backupFailureAlerts).map((c) => c.id)
  }
}
