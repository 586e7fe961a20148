import { describe, expect, it } from 'vitest'

import { decideNotifications, defaultNotificationPrefs, emptyDedupState } from '../../../../src/main/core/notify'
import { notifyPrefsFrom } from '../../../../src/main/core/tray/notification-inputs'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import type { SettingsView } from '../../../../src/shared/views'
import { appState, cluster, guest, node, NOW } from './snapshot-fixtures'

const settings = (pausedUntil: number | null = null): SettingsView => ({
  clusters: [],
  pollIntervalSec: 10,
  storageThresholdPct: 90,
  notifications: { ...defaultNotificationPrefs(), pausedUntil },
  startAtLogin: false,
  keyring: { backend: 'gnome_libsecret', secure: true, message: null },
  secretsRecovered: null,
  recovered: null
})

const nodeDown = (nodeName: string): MonitorEvent => ({
  id: `e-${nodeName}`,
  at: NOW,
  kind: 'node-down',
  severity: 'critical',
  clusterId: 'home',
  clusterName: 'homelab',
  node: nodeName,
  guest: null,
  storage: null,
  message: `${nodeName} is down`,
  detail: null
})

describe('notification policy inputs from the shell', () => {
  it('carries node and guest mutes from the snapshot, so a muted node raises nothing', () => {
    const state = appState([
      cluster({
        nodes: [node('pve-a', { muted: { mode: 'always', until: null } }), node('pve-b')],
        guests: [guest(100, { muted: { mode: 'hour', until: NOW + 1000 } })]
      })
    ])
    const prefs = notifyPrefsFrom(settings(), state)
    expect(prefs.mutes).toEqual([
      { clusterId: 'home', node: 'pve-a', mode: 'always', until: null },
      { clusterId: 'home', vmid: 100, mode: 'hour', until: NOW + 1000 }
    ])
    const out = decideNotifications([nodeDown('pve-a'), nodeDown('pve-b')], prefs, emptyDedupState, NOW)
    expect(out.notifications).toHaveLength(1)
    expect(out.notifications[0]?.urgency).toBe('critical')
  })

  it('takes the pause from the live app state', () => {
    const prefs = notifyPrefsFrom(settings(null), appState([cluster()], { notificationsPausedUntil: NOW + 60_000 }))
    expect(prefs.pausedUntil).toBe(NOW + 60_000)
    expect(decideNotifications([nodeDown('pve-b')], prefs, emptyDedupState, NOW).notifications).toEqual([])
  })
})
