import { describe, expect, it } from 'vitest'

import { formatDuration } from '../../../../src/main/core/tray/describe-problems'
import { menuLabel, plainText } from '../../../../src/main/core/tray/label-text'
import { trayStatus } from '../../../../src/main/core/tray/tray-status'
import { appState, cluster, guest, node, NOW } from './snapshot-fixtures'

const status = (...args: Parameters<typeof appState>): ReturnType<typeof trayStatus> => trayStatus({ state: appState(...args), now: NOW, busyLabel: null })

describe('tray icon state', () => {
  it('ok when everything is up, with the counts in the tooltip', () => {
    const s = status([cluster()])
    expect(s.icon).toBe('ok')
    expect(s.busy).toBe(false)
    expect(s.summary).toBe('2/2 nodes up · 1 guest running')
    expect(s.headline).toBe('All good: 2/2 nodes up · 1 guest running')
    expect(s.tooltip).toBe('PVE Tray · 2/2 nodes up · 1 guest running')
  })

  it('degraded with a node down says which node and for how long', () => {
    const s = status([cluster({ health: 'degraded', nodes: [node('pve-a'), node('pve-b', { status: 'offline', downSince: NOW - 4 * 60_000 })] })])
    expect(s.icon).toBe('degraded')
    expect(s.headline).toBe('pve-b down for 4 min')
    expect(s.tooltip).toBe('PVE Tray · 1/2 nodes up · 1 guest running\npve-b down for 4 min')
  })

  it('down and unreachable share the cross icon', () => {
    expect(status([cluster({ health: 'down' })]).icon).toBe('down')
    const u = status([cluster({ health: 'unreachable', fetchedAt: NOW - 125 * 60_000 })])
    expect(u.icon).toBe('down')
    expect(u.headline).toBe('homelab unreachable for 2 h 5 min')
  })

  it('auth problems win over everything else and say what the token lacks', () => {
    const s = status([
      cluster({ health: 'down' }),
      cluster({ clusterId: 'work', clusterName: 'work', health: 'auth', lastError: { kind: 'auth', message: 'token refused (401)' } })
    ])
    expect(s.icon).toBe('auth')
    expect(s.problems).toContain('work: token refused (401)')
    const perm = status([cluster({ health: 'degraded', lastError: { kind: 'permission', message: 'token lacks VM.Audit on /vms/105' } })])
    expect(perm.tooltip).toContain('token lacks VM.Audit on /vms/105')
  })

  it('paused shows pause bars only when nothing is wrong', () => {
    const paused = { notificationsPausedUntil: NOW + 45 * 60_000 }
    const s = status([cluster()], paused)
    expect(s.icon).toBe('paused')
    expect(s.paused).toBe(true)
    expect(s.tooltip).toContain('Notifications paused for 45 min more')
    expect(status([cluster({ health: 'degraded' })], paused).icon).toBe('degraded')
    // An expired pause is no pause.
    expect(status([cluster()], { notificationsPausedUntil: NOW - 1 }).icon).toBe('ok')
  })

  it('demo mode always shows the demo icon, so a simulated outage never looks like a real one', () => {
    const s = status([cluster({ demo: true, health: 'down' })], { demo: true })
    expect(s.icon).toBe('demo')
    expect(s.tooltip.startsWith('PVE Tray demo · ')).toBe(true)
  })

  it('unknown while connecting and with no cluster', () => {
    const connecting = status([cluster({ health: 'unknown', fetchedAt: null, nodes: [], guests: [] })])
    expect(connecting.icon).toBe('unknown')
    expect(connecting.headline).toBe('Connecting…')
    const none = status([])
    expect(none.icon).toBe('unknown')
    expect(none.headline).toBe('No cluster configured')
  })

  it('busy while an action the user started runs, with the action in the tooltip', () => {
    const s = trayStatus({ state: appState([cluster()]), now: NOW, busyLabel: 'Starting web (105)…' })
    expect(s.busy).toBe(true)
    expect(s.icon).toBe('ok')
    expect(s.tooltip.split('\n').at(-1)).toBe('Starting web (105)…')
  })

  it('names every kind of problem in words', () => {
    const c = cluster({
      health: 'degraded',
      quorate: false,
      emptyView: false,
      nodes: [node('pve-a', { flapping: true }), node('pve-c', { status: 'unknown' }), node('pve-d', { status: 'offline', downSince: null })],
      guests: [guest(105, { name: 'db', state: 'other', status: 'io-error' })],
      storage: [
        {
          id: 'storage/pve-a/local',
          storage: 'local',
          node: 'pve-a',
          plugintype: 'dir',
          shared: false,
          status: 'available',
          content: [],
          used: 95,
          total: 100,
          usage: 0.95,
          aboveThreshold: true
        }
      ]
    })
    expect(status([c]).problems).toEqual([
      'pve-a keeps going down and up',
      'pve-c not reporting',
      'pve-d down',
      'cluster has lost quorum',
      'db (105) io-error',
      'storage local on pve-a 95% full'
    ])
    expect(status([cluster({ emptyView: true, nodes: [], guests: [] })]).problems).toEqual(['the token sees no nodes or guests (it needs an ACL)'])
  })

  it('keeps the tooltip within the Windows limit and free of control characters', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => node(`node-with-a-rather-long-name-${i}\u202E\n`, { status: 'offline', downSince: NOW - 60 * 60_000 }))
    const s = status([cluster({ health: 'down', nodes })])
    expect(s.tooltip.length).toBeLessThanOrEqual(127)
    // eslint-disable-next-line no-control-regex
    expect(s.tooltip.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/)
    expect(s.tooltip.split('\n')[0]).toBe('PVE Tray · 0/10 nodes up · 1 guest running')
  })
})

describe('text helpers', () => {
  it('formats durations for people', () => {
    expect(formatDuration(10_000)).toBe('less than a minute')
    expect(formatDuration(4 * 60_000)).toBe('4 min')
    expect(formatDuration(60 * 60_000)).toBe('1 h')
    expect(formatDuration(26 * 60 * 60_000)).toBe('1 day')
    expect(formatDuration(Number.NaN)).toBe('less than a minute')
  })

  it('sanitizes labels', () => {
    expect(menuLabel('a & b')).toBe('a && b')
    expect(plainText('a & b')).toBe('a & b')
    expect(plainText('  tab\there\u0000 zero\u200bwidth ')).toBe('tab here zero width')
    expect(plainText('😀'.repeat(100), 10)).toBe('😀'.repeat(9) + '…')
  })
})
