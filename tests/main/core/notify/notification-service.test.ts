// The one notification path: a monitor cycle's events coalesced into one notification, the policy's pause and
// de-duplication, the user's own action outcomes shown even while paused (silently), every text sanitised once.
import { describe, expect, it } from 'vitest'

import { createNotificationService, defaultNotificationPrefs, type NotifyPrefs, type ShownNotification } from '../../../../src/main/core/notify'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import { ev, T0 } from './events'

function setup(prefs: Partial<NotifyPrefs> = {}): {
  emit: (e: MonitorEvent) => void
  shown: ShownNotification[]
  logs: string[]
  service: ReturnType<typeof createNotificationService>
} {
  const listeners = new Set<(e: MonitorEvent) => void>()
  const shown: ShownNotification[] = []
  const logs: string[] = []
  const service = createNotificationService({
    onMonitorEvent: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    prefs: () => ({ ...defaultNotificationPrefs(), ...prefs }),
    now: () => T0,
    display: (s) => shown.push(s),
    log: (l) => logs.push(l)
  })
  return { emit: (e) => listeners.forEach((l) => l(e)), shown, logs, service }
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

describe('notification service', () => {
  it("coalesces one cycle's node-downs into one notification, and de-duplicates the next cycle's repeat", async () => {
    const { emit, shown } = setup()
    emit(ev('node-down', { node: 'pve-a' }))
    emit(ev('node-down', { node: 'pve-b' }))
    await tick()
    expect(shown.map((s) => s.title)).toEqual(['2 nodes down in Homelab'])
    emit(ev('node-down', { node: 'pve-a' }))
    await tick()
    expect(shown).toHaveLength(1)
  })

  it('while paused: no monitor notification, but the outcome of a user action still shows, silently', async () => {
    const { emit, shown, service, logs } = setup({ pausedUntil: T0 + 60_000 })
    emit(ev('node-down', { node: 'pve-a' }))
    await tick()
    expect(shown).toEqual([])
    service.userAction({ id: 'task-failed:1', title: 'Start VM 100 failed', body: 'exit 1', urgency: 'normal', silent: false, clickTarget: null })
    expect(shown).toEqual([{ id: 'task-failed:1', title: 'Start VM 100 failed', body: 'exit 1', urgency: 'normal', silent: true, clickTarget: null }])
    expect(logs).toEqual(['notification shown silently (paused): task-failed:1'])
  })

  it('sanitises what it shows: markup, control and bidi characters, length', () => {
    const { shown, service } = setup()
    service.userAction({
      id: 'x',
      title: 'VM <b>evil</b>\u202E',
      body: `line1\nline2 ${'y'.repeat(1000)}`,
      urgency: 'normal',
      silent: false,
      clickTarget: null
    })
    expect(shown[0]?.title).toBe('VM \u2039b\u203Aevil\u2039/b\u203A')
    expect(shown[0]?.body.startsWith('line1 line2 yyy')).toBe(true)
    expect(Array.from(shown[0]?.body ?? '').length).toBe(400)
  })

  it('after dispose nothing more is shown', async () => {
    const { emit, shown, service } = setup()
    service.dispose()
    emit(ev('node-down', { node: 'pve-a' }))
    service.userAction({ id: 'x', title: 't', body: 'b', urgency: 'normal', silent: false, clickTarget: null })
    await tick()
    expect(shown).toEqual([])
  })
})
