// The tray rebuilds its native menu only when what the menu shows changed, and the submenus it reuses are
// exactly what a fresh build would give.
import { describe, expect, it } from 'vitest'

import { buildTrayMenu } from '../../../../src/main/core/tray/build-tray-menu'
import { percent } from '../../../../src/main/core/tray/menu-guests'
import { createTrayPresenter } from '../../../../src/main/core/tray/tray-presenter'
import { trayStatus } from '../../../../src/main/core/tray/tray-status'
import type { AppState } from '../../../../src/shared/views'
import { appState, cluster, guest, node, NOW } from './snapshot-fixtures'

function stateWith(cpu: number, mem: number, webState: 'running' | 'stopped' = 'running'): AppState {
  const guests = Array.from({ length: 40 }, (_, i) =>
    guest(100 + i, { node: i % 2 ? 'pve-a' : 'pve-b', cpu: cpu + i / 1000, mem: mem + i, maxmem: 4096, uptime: 1000 + cpu * 1e6 })
  )
  guests[0] = guest(100, { node: 'pve-b', state: webState, status: webState })
  return appState([cluster({ nodes: [node('pve-a', { cpu: 0.31 }), node('pve-b', { cpu: 0.52 })], guests })])
}

describe('tray presenter', () => {
  it('does not rebuild the native menu for figures that move below the precision the menu shows', () => {
    const p = createTrayPresenter(() => NOW)
    expect(p.render(stateWith(0.1, 1000)).rebuild).not.toBeNull()
    // Every guest's CPU, memory and uptime moved: nothing the menu shows did.
    expect(p.render(stateWith(0.2, 2000)).rebuild).toBeNull()
    expect(p.render(stateWith(0.3, 1500)).rebuild).toBeNull()
    // A guest stopping is shown: rebuilt.
    const next = p.render(stateWith(0.3, 1500, 'stopped')).rebuild
    expect(next).not.toBeNull()
  })

  it('gives, with reused submenus, the menu a fresh build gives', () => {
    const p = createTrayPresenter(() => NOW)
    for (const s of [stateWith(0.1, 1000), stateWith(0.2, 2000, 'stopped'), stateWith(0.2, 2000), stateWith(0.5, 100)]) {
      p.render(s)
      const fresh = buildTrayMenu({ state: s, status: trayStatus({ state: s, now: NOW, busyLabel: null }), tasks: new Map(), now: NOW })
      expect(p.model()).toEqual(fresh)
    }
  })

  it('shows shares in 5 % steps', () => {
    expect(percent(0.31, 1)).toBe('30%')
    expect(percent(0.33, 1)).toBe('35%')
    expect(percent(1, 1)).toBe('100%')
    expect(percent(0, 1)).toBe('0%')
    expect(percent(null, 1)).toBeNull()
  })
})
