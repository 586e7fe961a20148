import { describe, expect, it } from 'vitest'

import { guestActions } from '../../../../src/main/core/monitor/guest-actions'
import { buildTrayMenu, type TrayMenuInput } from '../../../../src/main/core/tray/build-tray-menu'
import { countMenuItems, findMenuItem, type MenuItemModel, sameMenu } from '../../../../src/main/core/tray/menu-model'
import { applyTaskProgress, type TaskTable } from '../../../../src/main/core/tray/task-tracker'
import { trayStatus } from '../../../../src/main/core/tray/tray-status'
import type { GuestState, GuestView, PowerAction } from '../../../../src/shared/snapshot'
import type { AppState } from '../../../../src/shared/views'
import { appState, cluster, guest, node, NOW, progress } from './snapshot-fixtures'

function menu(state: AppState, tasks: TaskTable = new Map(), over: Partial<TrayMenuInput> = {}): MenuItemModel[] {
  const status = trayStatus({ state, now: NOW, busyLabel: null })
  return buildTrayMenu({ state, status, tasks, now: NOW, ...over })
}

const ALL_ACTIONS: PowerAction[] = ['start', 'stop', 'shutdown', 'reboot', 'suspend', 'resume']
const guestId = (node: string, vmid: number): string => `c:home:n:${node}:g:${vmid}`

function offered(items: MenuItemModel[], node: string, vmid: number): PowerAction[] {
  const sub = findMenuItem(items, guestId(node, vmid))
  expect(sub, `guest ${vmid} in menu`).not.toBeNull()
  return ALL_ACTIONS.filter((a) => sub?.submenu?.some((i) => i.id === `${guestId(node, vmid)}:${a}`))
}

/** A guest exactly as the monitor publishes it: its `actions` come from the same rule. */
function monitoredGuest(vmid: number, kind: 'qemu' | 'lxc', state: GuestState, lock: string | null = null, template = false): GuestView {
  const r = guestActions({ vmid, pool: null, kind, state, template, lock, nodeOnline: true }, { mode: 'control', canPowerMgmt: () => true })
  return guest(vmid, { kind, state, status: state, lock, template, actions: r.actions, actionsDisabledReason: r.reason })
}

describe('tray menu: guest actions follow the shared rule', () => {
  const states: GuestState[] = ['running', 'stopped', 'paused', 'suspended', 'unknown', 'other']
  const cases = states.flatMap((state) => [
    { kind: 'qemu' as const, state, lock: null },
    { kind: 'lxc' as const, state, lock: null }
  ])
  cases.push({ kind: 'qemu', state: 'suspended', lock: 'suspended' as never })
  cases.push({ kind: 'qemu', state: 'running', lock: 'backup' as never })

  it.each(cases)('$kind $state (lock $lock)', ({ kind, state, lock }) => {
    const g = monitoredGuest(200, kind, state, lock)
    const items = menu(appState([cluster({ nodes: [node('pve-a')], guests: [g] })]))
    const expected = guestActions(
      { vmid: 200, pool: null, kind, state, template: false, lock, nodeOnline: true },
      { mode: 'control', canPowerMgmt: () => true }
    )
    expect(offered(items, 'pve-a', 200).sort()).toEqual([...expected.actions].sort())
    if (expected.actions.length === 0 && expected.reason) {
      expect(findMenuItem(items, `${guestId('pve-a', 200)}:no-actions`)?.label).toContain(expected.reason)
    }
  })

  it('offers start for a stopped guest, the four running actions for a running VM, resume for a hibernated VM', () => {
    const items = menu(
      appState([
        cluster({
          nodes: [node('pve-a')],
          guests: [
            monitoredGuest(100, 'qemu', 'running'),
            monitoredGuest(101, 'qemu', 'stopped'),
            monitoredGuest(102, 'qemu', 'suspended', 'suspended'),
            monitoredGuest(103, 'lxc', 'running')
          ]
        })
      ])
    )
    expect(offered(items, 'pve-a', 100).sort()).toEqual(['reboot', 'shutdown', 'stop', 'suspend'])
    expect(offered(items, 'pve-a', 101)).toEqual(['start'])
    expect(offered(items, 'pve-a', 102)).toEqual(['resume'])
    expect(offered(items, 'pve-a', 103).sort()).toEqual(['reboot', 'shutdown', 'stop'])
  })

  it('asks for confirmation before stop, shutdown and reboot, not before start or suspend', () => {
    const items = menu(
      appState([cluster({ nodes: [node('pve-a')], guests: [monitoredGuest(100, 'qemu', 'running'), monitoredGuest(101, 'qemu', 'stopped')] })])
    )
    for (const a of ['stop', 'shutdown', 'reboot']) {
      const it = findMenuItem(items, `${guestId('pve-a', 100)}:${a}`)
      expect(it?.confirm?.title).toMatch(/guest-100 \(100\)\?$/)
      expect(it?.confirm?.message.length).toBeGreaterThan(10)
      expect(it?.label.endsWith('…')).toBe(true)
    }
    expect(findMenuItem(items, `${guestId('pve-a', 100)}:suspend`)?.confirm).toBeUndefined()
    const start = findMenuItem(items, `${guestId('pve-a', 101)}:start`)
    expect(start?.confirm).toBeUndefined()
    expect(start?.action).toEqual({
      kind: 'invoke',
      channel: 'guests:action',
      input: { clusterId: 'home', node: 'pve-a', kind: 'qemu', vmid: 101, action: 'start' }
    })
  })

  it('offers no actions on a monitor-only cluster and says why', () => {
    const g = guest(100, { actions: [], actionsDisabledReason: 'monitor-only cluster' })
    const items = menu(appState([cluster({ mode: 'monitor', nodes: [node('pve-a')], guests: [g] })]))
    expect(offered(items, 'pve-a', 100)).toEqual([])
    expect(findMenuItem(items, `${guestId('pve-a', 100)}:no-actions`)).toMatchObject({ enabled: false, label: 'No actions: monitor-only cluster' })
    expect(findMenuItem(items, 'c:home:header')?.label).toContain('monitor-only')
  })

  it('shows the missing privilege instead of actions', () => {
    const g = guest(105, { actions: [], actionsDisabledReason: 'token lacks VM.PowerMgmt on /vms/105' })
    const items = menu(appState([cluster({ nodes: [node('pve-a')], guests: [g] })]))
    expect(offered(items, 'pve-a', 105)).toEqual([])
    expect(findMenuItem(items, `${guestId('pve-a', 105)}:no-actions`)?.label).toBe('No actions: token lacks VM.PowerMgmt on /vms/105')
  })

  it('never offers an action the snapshot withholds, nor one the rule forbids', () => {
    // Snapshot says "stop" only (e.g. a narrower rule upstream): the menu does not widen it.
    const narrowed = guest(100, { actions: ['stop'] })
    // Snapshot (stale) still lists start for a running guest: the rule drops it.
    const stale = guest(101, { actions: ['start', 'stop'] })
    const items = menu(appState([cluster({ nodes: [node('pve-a')], guests: [narrowed, stale] })]))
    expect(offered(items, 'pve-a', 100)).toEqual(['stop'])
    expect(offered(items, 'pve-a', 101)).toEqual(['stop'])
  })

  it('offers nothing for guests of an offline node', () => {
    const g = guest(100, {
      state: 'unknown',
      status: 'unknown',
      stale: true,
      staleReason: 'node pve-a is offline',
      actions: [],
      actionsDisabledReason: 'node offline'
    })
    const items = menu(appState([cluster({ health: 'degraded', nodes: [node('pve-a', { status: 'offline', downSince: NOW - 4 * 60_000 })], guests: [g] })]))
    expect(offered(items, 'pve-a', 100)).toEqual([])
    expect(findMenuItem(items, `${guestId('pve-a', 100)}:status`)?.label).toContain('(node pve-a is offline)')
  })

  it('a cluster that did not answer: nodes and guests unknown with the reason and when last seen, never "online"', () => {
    const why = 'the certificate does not match the trusted one'
    const c = cluster({
      health: 'unknown',
      summary: `no answer: ${why}`,
      stale: true,
      quorate: null,
      fetchedAt: NOW - 2 * 60_000,
      nodes: [node('pve-a', { status: 'unknown', staleReason: why, lastSeen: NOW - 2 * 60_000 })],
      guests: [guest(100, { state: 'unknown', stale: true, staleReason: why, actions: [] })]
    })
    const items = menu(appState([c]))
    const labels = items.flatMap(function all(i): string[] {
      return [i.label ?? '', ...(i.submenu ?? []).flatMap(all)]
    })
    expect(labels.some((l) => /online|all nodes up|connecting/.test(l))).toBe(false)
    expect(findMenuItem(items, 'c:home:header')?.label).toBe(`homelab: no answer: ${why}`)
    expect(findMenuItem(items, 'c:home:n:pve-a')?.label).toBe('pve-a — unknown · last seen 2 min ago')
    expect(findMenuItem(items, `${guestId('pve-a', 100)}:status`)?.label).toContain(`(${why})`)
    expect(offered(items, 'pve-a', 100)).toEqual([])
  })
})

describe('tray menu: structure', () => {
  it('starts with what is wrong, then the cluster header, node submenus, and the app commands', () => {
    const c = cluster({ health: 'degraded', nodes: [node('pve-a'), node('pve-b', { status: 'offline', downSince: NOW - 4 * 60_000, cpu: null, mem: null })] })
    const items = menu(appState([c]))
    expect(items[0]).toMatchObject({ id: 'headline', label: 'pve-b down for 4 min', enabled: false })
    expect(findMenuItem(items, 'c:home:header')?.label).toBe('homelab: degraded')
    const nodeItems = items.filter((i) => /^c:home:n:[^:]+$/.test(i.id))
    expect(nodeItems.map((i) => i.label)).toEqual(['pve-b — down for 4 min', 'pve-a — online · CPU 25% · mem 40%'])
    expect(items.slice(-6).map((i) => i.id)).toEqual(['open-dashboard', 'refresh', 'notifications:pause', 'settings', 'sep:quit', 'quit'])
    expect(findMenuItem(items, 'refresh')?.action).toEqual({ kind: 'invoke', channel: 'clusters:refresh', input: {} })
    expect(findMenuItem(items, 'notifications:pause')?.action).toEqual({ kind: 'invoke', channel: 'notifications:pause', input: { minutes: 60 } })
  })

  it('offers "Resume notifications" while paused', () => {
    const items = menu(appState([cluster()], { notificationsPausedUntil: NOW + 30 * 60_000 }))
    expect(findMenuItem(items, 'notifications:pause')).toBeNull()
    expect(findMenuItem(items, 'notifications:resume')?.action).toEqual({ kind: 'invoke', channel: 'notifications:pause', input: { minutes: 0 } })
  })

  it('has a "Notify when down" checkbox and mute choices per guest and per node', () => {
    const g = guest(100, { alerts: true, muted: { mode: 'until-up', until: null } })
    const items = menu(appState([cluster({ nodes: [node('pve-a')], guests: [g] })]))
    const alerts = findMenuItem(items, `${guestId('pve-a', 100)}:alerts`)
    expect(alerts).toMatchObject({
      type: 'checkbox',
      checked: true,
      action: { kind: 'invoke', channel: 'guests:set-alerts', input: { clusterId: 'home', vmid: 100, enabled: false } }
    })
    const mute = findMenuItem(items, `${guestId('pve-a', 100)}:mute`)
    expect(mute?.label).toBe('Muted (until back up)')
    expect(mute?.submenu?.map((i) => [i.id.split(':').pop(), i.checked ?? null])).toEqual([
      ['hour', false],
      ['until-up', true],
      ['always', false],
      ['sep', null],
      ['off', null]
    ])
    expect(findMenuItem(items, `${guestId('pve-a', 100)}:mute:off`)?.action).toEqual({
      kind: 'invoke',
      channel: 'mute:set',
      input: { target: { clusterId: 'home', vmid: 100 }, mode: 'off' }
    })
    expect(findMenuItem(items, 'c:home:n:pve-a:mute:hour')?.action).toEqual({
      kind: 'invoke',
      channel: 'mute:set',
      input: { target: { clusterId: 'home', node: 'pve-a' }, mode: 'hour' }
    })
    expect(findMenuItem(items, 'c:home:n:pve-a:mute')?.label).toBe('Mute…')
  })

  it('shows a running task instead of actions, then its result', () => {
    const state = appState([cluster()])
    let tasks = applyTaskProgress(new Map(), progress({ phase: 'running' }))
    let items = menu(state, tasks)
    expect(offered(items, 'pve-b', 101)).toEqual([])
    expect(findMenuItem(items, guestId('pve-b', 101))?.label).toBe('guest-101 (101) — busy…')
    expect(findMenuItem(items, `${guestId('pve-b', 101)}:task`)?.label).toBe('Starting guest-101 (101)…')
    expect(findMenuItem(items, 'task:a1')?.label).toBe('Starting guest-101 (101)…')
    tasks = applyTaskProgress(
      tasks,
      progress({ phase: 'failed', exitStatus: "can't lock file '/var/lock/qemu-server/lock-101.conf' - got timeout", at: NOW + 10 })
    )
    items = menu(state, tasks)
    expect(findMenuItem(items, 'task:a1')?.label).toMatch(/^Start guest-101 \(101\) failed: can't lock file/)
    expect(offered(items, 'pve-b', 101)).toEqual(['start'])
  })

  it('demo mode: a first item leads to onboarding', () => {
    const items = menu(appState([cluster({ demo: true })], { demo: true }))
    expect(items[0]).toMatchObject({ id: 'demo', enabled: true, action: { kind: 'open-dashboard', target: { view: 'onboarding' } } })
  })

  it('unreachable and auth problems are said in words at the top', () => {
    const unreachable = menu(
      appState([
        cluster({ health: 'unreachable', stale: true, fetchedAt: NOW - 3 * 60_000, lastError: { kind: 'unreachable', message: 'connect ECONNREFUSED' } })
      ])
    )
    expect(unreachable[0]?.label).toBe('homelab unreachable for 3 min')
    expect(findMenuItem(unreachable, 'c:home:header')?.label).toBe('homelab: unreachable')
    const auth = menu(
      appState([cluster({ health: 'auth', lastError: { kind: 'auth', message: 'The API token was refused (401): check the token id and secret' } })])
    )
    expect(auth[0]?.label).toBe('The API token was refused (401): check the token id and secret')
    const perm = menu(appState([cluster({ health: 'degraded', lastError: { kind: 'permission', message: 'token lacks VM.Audit on /vms/105' } })]))
    expect(perm[0]?.label).toBe('token lacks VM.Audit on /vms/105')
  })

  it('compares models so an unchanged state does not rebuild the native menu', () => {
    const a = menu(appState([cluster()]))
    const b = menu(appState([cluster()]))
    expect(sameMenu(a, b)).toBe(true)
    expect(sameMenu(null, b)).toBe(false)
    const c = menu(appState([cluster({ guests: [guest(100, { state: 'stopped', status: 'stopped', actions: ['start'] })] })]))
    expect(sameMenu(a, c)).toBe(false)
  })
})

describe('tray menu: large clusters stay bounded', () => {
  const nodes = Array.from({ length: 20 }, (_, i) => node(`pve-${String(i).padStart(2, '0')}`))
  const guests: GuestView[] = []
  for (let i = 0; i < 5000; i++) {
    const running = i % 3 !== 0
    guests.push(
      guest(1000 + i, {
        node: `pve-${String(i % 20).padStart(2, '0')}`,
        state: running ? 'running' : 'stopped',
        status: running ? 'running' : 'stopped',
        actions: running ? ['shutdown', 'stop', 'reboot', 'suspend'] : ['start']
      })
    )
  }
  const items = menu(appState([cluster({ nodes, guests })]))

  it('lists at most 25 guests per node, running first, then "More in dashboard…"', () => {
    const sub = findMenuItem(items, 'c:home:n:pve-00')?.submenu ?? []
    const guestItems = sub.filter((i) => /:g:\d+$/.test(i.id))
    expect(guestItems).toHaveLength(25)
    expect(guestItems.every((i) => i.label.endsWith('running'))).toBe(true)
    const more = sub.at(-1)
    expect(more?.label).toBe('More in dashboard… (225 more)')
    expect(more?.action).toEqual({ kind: 'open-dashboard', target: { view: 'guests', clusterId: 'home', node: 'pve-00' } })
    expect(findMenuItem(items, 'c:home:n:pve-00:guests')?.label).toBe('250 guests · 166 running')
  })

  it('keeps the whole menu small enough for a native menu', () => {
    // 18 items per running guest: status, four actions, alerts, mute (5), console, web UI, IP addresses, dashboard.
    expect(countMenuItems(items)).toBeLessThan(20 * 25 * 18 + 200)
  })

  it('bounds the node list too', () => {
    const many = menu(appState([cluster({ nodes: Array.from({ length: 40 }, (_, i) => node(`n${i}`)), guests: [] })]), new Map(), { maxNodesPerCluster: 32 })
    expect(many.filter((i) => /^c:home:n:[^:]+$/.test(i.id))).toHaveLength(32)
    expect(findMenuItem(many, 'c:home:more-nodes')?.label).toBe('More in dashboard… (8 more nodes)')
  })
})

describe('tray menu: hostile names', () => {
  const hostile = ['Tom & Jerry', '<img src=x onerror=alert(1)>', 'line1\nline2\r\nline3', 'evil\u202Efdp.exe', 'x'.repeat(10_000)]
  const guests = hostile.map((name, i) => guest(100 + i, { name }))
  const items = menu(appState([cluster({ clusterName: 'A&B\n<b>', nodes: [node('pve-a')], guests })]))
  const labels: string[] = []
  const dialogTexts: string[] = []
  const walk = (xs: readonly MenuItemModel[]): void => {
    for (const x of xs) {
      labels.push(x.label)
      if (x.confirm) dialogTexts.push(x.confirm.title, x.confirm.message)
      if (x.submenu) walk(x.submenu)
    }
  }
  walk(items)

  it('has no control characters, bidi overrides or huge labels anywhere', () => {
    for (const l of [...labels, ...dialogTexts]) {
      // eslint-disable-next-line no-control-regex
      expect(l).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/)
      expect(l.length).toBeLessThanOrEqual(320)
    }
  })

  it('escapes & so Windows shows it instead of making an accelerator', () => {
    expect(findMenuItem(items, guestId('pve-a', 100))?.label).toBe('Tom && Jerry (100) — running')
    expect(findMenuItem(items, 'c:home:header')?.label).toBe('A&&B <b>: all nodes up')
    // Every & in a label is part of a && pair.
    for (const l of labels.filter((x) => x.includes('&'))) expect(l.replace(/&&/g, '')).not.toContain('&')
    // Dialog text is literal: no doubling there.
    expect(findMenuItem(items, `${guestId('pve-a', 100)}:stop`)?.confirm?.title).toBe('Stop Tom & Jerry (100)?')
  })

  it('keeps markup as inert text and truncates 10 kB names', () => {
    expect(findMenuItem(items, guestId('pve-a', 101))?.label).toBe('<img src=x onerror=alert(1)> (101) — running')
    expect(findMenuItem(items, guestId('pve-a', 102))?.label).toBe('line1 line2 line3 (102) — running')
    expect(findMenuItem(items, guestId('pve-a', 103))?.label).toBe('evil fdp.exe (103) — running')
    const long = findMenuItem(items, guestId('pve-a', 104))?.label ?? ''
    expect(long).toMatch(/^x+… \(104\) — running$/)
    expect(long.length).toBeLessThanOrEqual(80)
  })
})
