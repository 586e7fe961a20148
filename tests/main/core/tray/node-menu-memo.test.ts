// The tray reuses a node's whole submenu while nothing it shows changed (the monitor keeps an unchanged guest's
// view as the same object), and never shows a stale one: every change the menu shows rebuilds it, and the menu
// is always what a fresh build gives.
import { describe, expect, it } from 'vitest'

import { buildTrayMenu } from '../../../../src/main/core/tray/build-tray-menu'
import { GuestMenuMemo } from '../../../../src/main/core/tray/menu-guests'
import { findMenuItem, type MenuItemModel } from '../../../../src/main/core/tray/menu-model'
import { NodeMenuMemo } from '../../../../src/main/core/tray/node-menu-memo'
import { busyLabel, type TaskTable } from '../../../../src/main/core/tray/task-tracker'
import { createTrayPresenter, type TrayPresenter } from '../../../../src/main/core/tray/tray-presenter'
import { trayStatus } from '../../../../src/main/core/tray/tray-status'
import type { GuestView, NodeView } from '../../../../src/shared/snapshot'
import type { AppState } from '../../../../src/shared/views'
import { appState, cluster, guest, node, NOW, progress } from './snapshot-fixtures'

/** A cluster as the monitor publishes it: new arrays per snapshot, a guest's view replaced only when it changed. */
class Live {
  nodes: NodeView[] = [node('pve-a'), node('pve-b')].map((n) => Object.freeze(n))
  // pve-a lists 25 of its 30 guests; pve-b all of its 20.
  guests: GuestView[] = Array.from({ length: 50 }, (_, i) => Object.freeze(guest(100 + i, { node: i < 30 ? 'pve-a' : 'pve-b' })))

  setGuest(vmid: number, over: Partial<GuestView>): void {
    this.guests = this.guests.map((g) => (g.vmid === vmid ? Object.freeze({ ...g, ...over }) : g))
  }

  setNode(name: string, over: Partial<NodeView>): void {
    this.nodes = this.nodes.map((n) => (n.name === name ? Object.freeze({ ...n, ...over }) : n))
  }

  state(): AppState {
    return appState([cluster({ nodes: [...this.nodes], guests: [...this.guests] })])
  }
}

function fresh(state: AppState, tasks: TaskTable, now: number): MenuItemModel[] {
  return buildTrayMenu({ state, status: trayStatus({ state, now, busyLabel: busyLabel(state, tasks) }), tasks, now })
}

const label = (p: TrayPresenter, id: string): string | undefined => findMenuItem(p.model() ?? [], id)?.label

describe('node submenus kept whole', () => {
  it('reuses a node submenu as the same object while its guests are the same views and its line reads the same', () => {
    const live = new Live()
    const memo = new GuestMenuMemo()
    const nodeMemo = new NodeMenuMemo()
    const build = (state: AppState): MenuItemModel[] => {
      const out = buildTrayMenu({ state, status: trayStatus({ state, now: NOW, busyLabel: null }), tasks: new Map(), now: NOW, memo, nodeMemo })
      memo.sweep()
      nodeMemo.sweep()
      return out
    }
    const first = build(live.state())
    // The same views in new arrays (a poll that changed nothing): every node's submenu is reused.
    const same = build(live.state())
    expect(findMenuItem(same, 'c:home:n:pve-a')).toBe(findMenuItem(first, 'c:home:n:pve-a'))
    expect(findMenuItem(same, 'c:home:n:pve-b')).toBe(findMenuItem(first, 'c:home:n:pve-b'))
    // pve-a's CPU moved below the 5 % steps the menu shows; pve-b's guest 140 changed a figure the menu does not show.
    live.setNode('pve-a', { cpu: 0.24 })
    live.setGuest(140, { cpu: 0.9 })
    const state = live.state()
    const second = build(state)
    expect(findMenuItem(second, 'c:home:n:pve-a')).toBe(findMenuItem(first, 'c:home:n:pve-a'))
    // A new view object that shows the same in the tray (a dashboard is open: figures change every poll): reused.
    expect(findMenuItem(second, 'c:home:n:pve-b')).toBe(findMenuItem(first, 'c:home:n:pve-b'))
    expect(second).toEqual(fresh(state, new Map(), NOW))
    // A node reused whole keeps its guests' entries: the next change there rebuilds only the changed guest.
    live.setGuest(101, { name: 'renamed' })
    const third = build(live.state())
    expect(findMenuItem(third, 'c:home:n:pve-a:g:102')).toBe(findMenuItem(first, 'c:home:n:pve-a:g:102'))
    expect(findMenuItem(third, 'c:home:n:pve-a:g:101')?.label).toBe('renamed (101) — running')
  })

  it('rebuilds the native menu for every change it shows, and only for those', () => {
    let now = NOW
    const p = createTrayPresenter(() => now)
    const live = new Live()
    const step = (change: () => void): boolean => {
      change()
      const state = live.state()
      const rebuilt = p.render(state).rebuild !== null
      expect(p.model()).toEqual(fresh(state, p.tasks(), now))
      return rebuilt
    }
    expect(step(() => undefined)).toBe(true)
    // Not shown: the same views again, a figure of a guest, a node's CPU within its 5 % step.
    expect(step(() => undefined)).toBe(false)
    expect(step(() => live.setGuest(100, { cpu: 0.77, uptime: 5000 }))).toBe(false)
    expect(step(() => live.setNode('pve-b', { cpu: 0.24 }))).toBe(false)
    // A guest's state.
    expect(step(() => live.setGuest(133, { state: 'stopped', status: 'stopped', actions: ['start'] }))).toBe(true)
    expect(label(p, 'c:home:n:pve-b:g:133')).toBe('guest-133 (133) — stopped')
    // A guest's name.
    expect(step(() => live.setGuest(100, { name: 'web-renamed' }))).toBe(true)
    expect(label(p, 'c:home:n:pve-a:g:100')).toBe('web-renamed (100) — running')
    // A guest past the 25 listed stops: the node's count line shows it.
    expect(step(() => live.setGuest(129, { state: 'stopped', status: 'stopped', actions: ['start'] }))).toBe(true)
    expect(label(p, 'c:home:n:pve-a:guests')).toBe('30 guests · 29 running')
    // A node going offline, then time passing at the precision shown (minutes).
    expect(step(() => live.setNode('pve-b', { status: 'offline', cpu: null, mem: null, downSince: NOW }))).toBe(true)
    expect(label(p, 'c:home:n:pve-b')).toBe('pve-b — down for less than a minute')
    now = NOW + 30_000
    expect(step(() => undefined)).toBe(false)
    now = NOW + 60_000
    expect(step(() => undefined)).toBe(true)
    expect(label(p, 'c:home:n:pve-b')).toBe('pve-b — down for 1 min')
    // A user's action on a guest whose view did not change: its task line shows, then its result.
    p.trackTask(progress({ node: 'pve-a', vmid: 104, action: 'shutdown', phase: 'running', at: now }))
    expect(step(() => undefined)).toBe(true)
    expect(label(p, 'c:home:n:pve-a:g:104:task')).toBe('Shutting down guest-104 (104)…')
    p.trackTask(progress({ node: 'pve-a', vmid: 104, action: 'shutdown', phase: 'ok', exitStatus: 'OK', at: now + 1 }))
    expect(step(() => undefined)).toBe(true)
    expect(label(p, 'c:home:n:pve-a:g:104:task')).toBe('Shut down guest-104 (104): OK')
    expect(step(() => undefined)).toBe(false)
  })
})
