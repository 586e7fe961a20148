import { describe, expect, it } from 'vitest'

import { MonitorCore } from '../../../../src/main/core/monitor'
import { decideNotifications, defaultNotificationPrefs, emptyDedupState, type NotifyPrefs } from '../../../../src/main/core/notify'
import type { MonitorEvent } from '../../../../src/shared/snapshot'
import { type FxTask, NODES3, resources, tasks } from '../monitor/fixtures'
import { ev, T0 } from './events'

const prefs = (patch: Partial<NotifyPrefs> = {}): NotifyPrefs => ({ ...defaultNotificationPrefs(), ...patch })
const decide = (events: MonitorEvent[], p: NotifyPrefs = prefs(), now = T0) => decideNotifications(events, p, emptyDedupState, now)

describe('notification policy', () => {
  it('builds one spec per event, naming node and cluster, with urgency and click target', () => {
    const { notifications } = decide([ev('node-down', { node: 'pve-b' })])
    expect(notifications).toEqual([
      {
        id: expect.stringContaining('node-down:c1:'),
        title: 'pve-b is down',
        body: 'Node pve-b in Homelab is offline (confirmed).',
        urgency: 'critical',
        silent: false,
        clickTarget: { view: 'node', clusterId: 'c1', node: 'pve-b' }
      }
    ])
  })

  it('a node-down carries what SSH said of the node, as inert text', () => {
    const { notifications } = decide([ev('node-down', { node: 'pve-b', detail: 'pve-b answers over SSH but its Proxmox API does not (pveproxy stopped).<b>' })])
    expect(notifications[0]?.body).toBe(
      'Node pve-b in Homelab is offline (confirmed). pve-b answers over SSH but its Proxmox API does not (pveproxy stopped).\u2039b\u203A'
    )
  })

  it('names the guest and links to it; low-urgency kinds are silent', () => {
    const down = decide([ev('guest-down', { node: 'pve-a', guest: { vmid: 100, kind: 'qemu', name: 'web' } })]).notifications[0]
    expect(down?.title).toBe('VM 100 “web” went down')
    expect(down?.body).toContain('pve-a')
    expect(down?.clickTarget).toEqual({ view: 'guests', clusterId: 'c1', vmid: 100 })
    const up = decide([ev('guest-up', { guest: { vmid: 100, kind: 'qemu', name: 'web' } })]).notifications[0]
    expect(up).toMatchObject({ urgency: 'low', silent: true })
  })

  it('respects per-kind toggles (guest-state is off by default)', () => {
    expect(decide([ev('guest-state', { guest: { vmid: 1, kind: 'lxc', name: 'x' } })]).notifications).toEqual([])
    const p = prefs()
    const off = prefs({ enabled: { ...p.enabled, 'node-down': false } })
    expect(decide([ev('node-down', { node: 'a' }), ev('quorum-lost')], off).notifications.map((n) => n.title)).toEqual(['Homelab lost quorum'])
  })

  it('sends nothing while paused, and resumes after pausedUntil', () => {
    const p = prefs({ pausedUntil: T0 + 60_000 })
    expect(decide([ev('node-down', { node: 'a' })], p, T0).notifications).toEqual([])
    expect(decide([ev('node-down', { node: 'a' })], p, T0 + 60_001).notifications).toHaveLength(1)
  })

  it('honours node and guest mutes of the right cluster; hour mutes lapse', () => {
    const mutes = [
      { clusterId: 'c1', node: 'pve-b', mode: 'always' as const, until: null },
      { clusterId: 'c1', vmid: 100, mode: 'hour' as const, until: T0 + 1000 },
      { clusterId: 'other', node: 'pve-c', mode: 'always' as const, until: null }
    ]
    const events = [
      ev('node-down', { node: 'pve-b' }),
      ev('guest-down', { node: 'pve-a', guest: { vmid: 100, kind: 'qemu', name: 'web' } }),
      ev('node-flapping', { node: 'pve-c' })
    ]
    expect(decide(events, prefs({ mutes })).notifications.map((n) => n.title)).toEqual(['pve-c is flapping'])
    expect(decide(events, prefs({ mutes }), T0 + 2000).notifications.map((n) => n.title)).toEqual(['VM 100 “web” went down', 'pve-c is flapping'])
  })

  it('de-duplicates the same event key within the window, not after it', () => {
    const first = decideNotifications([ev('node-down', { node: 'a' })], prefs(), emptyDedupState, T0, { dedupWindowMs: 60_000 })
    expect(first.notifications).toHaveLength(1)
    const again = decideNotifications([ev('node-down', { node: 'a' }), ev('node-down', { node: 'a' })], prefs(), first.state, T0 + 30_000, {
      dedupWindowMs: 60_000
    })
    expect(again.notifications).toEqual([])
    const other = decideNotifications([ev('node-down', { node: 'b' })], prefs(), again.state, T0 + 31_000, { dedupWindowMs: 60_000 })
    expect(other.notifications).toHaveLength(1)
    const later = decideNotifications([ev('node-down', { node: 'a' })], prefs(), other.state, T0 + 61_000, { dedupWindowMs: 60_000 })
    expect(later.notifications).toHaveLength(1)
  })

  it('coalesces several events of one kind and cluster in a batch into one notification', () => {
    const { notifications } = decide([
      ev('node-down', { node: 'pve-b' }),
      ev('node-down', { node: 'pve-c' }),
      ev('node-down', { node: 'x', clusterId: 'c2', clusterName: 'Office' }),
      ev('quorum-lost')
    ])
    expect(notifications.map((n) => n.title)).toEqual(['2 nodes down in Homelab', 'x is down', 'Homelab lost quorum'])
    expect(notifications[0]).toMatchObject({ body: 'pve-b and pve-c are offline (confirmed).', clickTarget: { view: 'overview', clusterId: 'c1' } })
    const many = decide(['a', 'b', 'c', 'd', 'e'].map((n) => ev('guest-down', { guest: { vmid: n.charCodeAt(0), kind: 'lxc', name: n } })))
    expect(many.notifications).toHaveLength(1)
    expect(many.notifications[0]?.title).toBe('5 guests went down in Homelab')
    expect(many.notifications[0]?.body).toContain('and 2 more')
  })
})

describe('hostile guest names', () => {
  const guestDown = (name: string): string => {
    const n = decide([ev('guest-down', { node: 'pve-a', guest: { vmid: 100, kind: 'qemu', name } })]).notifications[0]
    if (!n) throw new Error('no notification')
    return `${n.title}\n${n.body}`
  }

  it('never passes markup through', () => {
    const text = guestDown('<img src=x onerror=alert(1)>')
    expect(text).not.toMatch(/[<>]/)
    expect(text).toContain('‹img src=x onerror=alert(1)›')
    expect(guestDown('a & <b>bold</b>')).not.toMatch(/[<>&]/)
  })

  it('strips bidi overrides, zero-width and control characters', () => {
    const text = guestDown('evil\u202Egnp.exe\u2066x\u200B\u0000\u001B[31m\r\nline2')
    expect(text.split('\n')[0]).toBe('VM 100 “evilgnp.exex [31m line2” went down')
    // eslint-disable-next-line no-control-regex
    expect(text.replace('\n', '')).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/)
  })

  it('caps a 10 kB name and keeps surrogate pairs whole', () => {
    const title = guestDown('A'.repeat(10_000)).split('\n')[0] ?? ''
    expect(title.length).toBeLessThanOrEqual(80)
    expect(title).toContain('…')
    const emoji = guestDown('🦄'.repeat(5000)).split('\n')[0] ?? ''
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    expect(emoji).toContain('🦄…')
  })

  it('an empty-after-cleaning name still reads sensibly', () => {
    expect(guestDown('\u202E\u200B')).toContain('“(unnamed)”')
  })
})

describe('a failed action the user started', () => {
  it('the policy skips a task-failed marked byUser (task:progress already notified it), not an unmarked one', () => {
    const failed = { node: 'pve-a', guest: { vmid: 101, kind: 'qemu' as const, name: 'db' }, detail: 'boom' }
    expect(decide([ev('task-failed', { ...failed, byUser: true })]).notifications).toEqual([])
    expect(decide([ev('task-failed', failed)]).notifications).toHaveLength(1)
  })

  it('monitor + policy: ONE notification source per UPID — the timeline keeps the event, the policy sends nothing for it', () => {
    const core = new MonitorCore({ clusterId: 'c1', clusterName: 'Homelab' }, T0)
    const guests = resources(NODES3, [
      { vmid: 101, node: 'pve-a', name: 'db', status: 'stopped' },
      { vmid: 102, node: 'pve-b', name: 'mail', status: 'stopped' }
    ])
    const poll = (at: number, list: FxTask[]) =>
      core.observeSuccess({ resources: guests, status: null, statusError: null, tasks: tasks(list), endpoint: 'h:1' }, at)
    poll(T0, [])
    const mine = 'UPID:pve-a:00001234:00000001:6553F100:qmstart:101:pvetray@pve!tray:'
    // What guests:action does once Proxmox returned the UPID.
    core.state.noteUserAction(101, mine, T0 + 1000)
    const out = poll(T0 + 10_000, [
      { type: 'qmstart', id: '101', node: 'pve-a', startSec: 1, endSec: 2, status: 'start failed: boom', upid: mine },
      { type: 'qmstart', id: '102', node: 'pve-b', startSec: 1, endSec: 2, status: 'start failed: bang' }
    ])
    expect(out.events.map((e) => [e.kind, e.guest?.vmid, e.byUser === true])).toEqual([
      ['task-failed', 101, true],
      ['task-failed', 102, false]
    ])
    const sent = decide([...out.events], prefs(), T0 + 10_000).notifications
    expect(sent).toHaveLength(1)
    expect(sent[0]?.body).toContain('102')
    expect(sent.some((n) => `${n.title} ${n.body}`.includes('101'))).toBe(false)
  })
})
