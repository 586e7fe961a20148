// "Allocate per poll only what changed": a guest whose item did not change keeps its record and its view
// object from one poll to the next (the delta, the tray and the renderer skip it by reference); a changed
// guest gets new ones, and what the snapshot says is always what the last poll said.
import { describe, expect, it } from 'vitest'

import { MonitorCore } from '../../../../src/main/core/monitor'
import { NO_FIGURES } from '../../../../src/main/core/monitor/figures-shown'
import { parseResources } from '../../../../src/main/core/monitor/parse-resources'
import { ResourceReader } from '../../../../src/main/core/monitor/resource-reader'
import { republished, resources, withFigureValues } from './fixtures'

const T0 = 1_700_000_000_000
const NODES = [{ name: 'pve-a' }, { name: 'pve-b' }]
const GUESTS = [
  { vmid: 100, node: 'pve-a', name: 'web' },
  { vmid: 101, node: 'pve-a', name: 'db', status: 'stopped' },
  { vmid: 102, node: 'pve-b', name: 'cache' }
]

function read(reader: ResourceReader, items: unknown[]): ReturnType<ResourceReader['finish']> {
  return reader.finish(items.map((i) => reader.read(i)))
}

describe('ResourceReader', () => {
  it('keeps an unchanged guest record (figures moving in place), renews a changed one, and shares its unchanged strings', () => {
    const reader = new ResourceReader()
    const first = read(reader, resources(NODES, GUESTS))
    const moved = resources(NODES, GUESTS).map((i) => {
      const vmid = (i as { vmid?: number }).vmid
      return vmid === 100 ? { ...(i as object), lock: 'backup' } : vmid === 102 ? { ...(i as object), cpu: 0.9 } : i
    })
    const second = read(reader, moved)
    const byId = (r: typeof first, vmid: number) => r.guests.find((g) => g.vmid === vmid)
    expect(byId(second, 101)).toBe(byId(first, 101))
    expect(byId(second, 102)).toBe(byId(first, 102))
    expect(byId(second, 102)?.figures.cpu).toBe(0.9)
    expect(byId(second, 100)).not.toBe(byId(first, 100))
    expect(byId(second, 100)?.lock).toBe('backup')
    expect(byId(second, 100)?.name).toBe(byId(first, 100)?.name)
    // Whatever was reused, the result is what a fresh read of the same items gives.
    expect(withFigureValues(second)).toEqual(withFigureValues(parseResources(moved)))
  })

  it('forgets guests that left: one coming back is read afresh', () => {
    const reader = new ResourceReader()
    const first = read(reader, resources(NODES, GUESTS))
    read(reader, resources(NODES, GUESTS.slice(1)))
    const back = read(reader, resources(NODES, GUESTS))
    expect(back.guests.find((g) => g.vmid === 100)).not.toBe(first.guests.find((g) => g.vmid === 100))
    expect(withFigureValues(back)).toEqual(withFigureValues(parseResources(resources(NODES, GUESTS))))
  })

  it('drops items whose node name Proxmox could not have (they would end up in API paths and commands)', () => {
    const hostile = [
      ...resources(NODES, GUESTS),
      { id: 'qemu/200', type: 'qemu', vmid: 200, node: '../../etc', status: 'running' },
      { id: 'node/x y', type: 'node', node: 'x y', status: 'online' }
    ]
    const parsed = parseResources(hostile)
    expect(parsed.guests.map((g) => g.vmid)).toEqual([100, 101, 102])
    expect(parsed.nodes.map((n) => n.name)).toEqual(['pve-a', 'pve-b'])
  })
})

describe('MonitorCore views', () => {
  it('keeps the view object of a guest whose record and judgement did not change', () => {
    const core = new MonitorCore({ clusterId: 'c', clusterName: 'Lab', graceMs: 0 }, T0)
    const reader = new ResourceReader()
    const poll = (items: unknown[], t: number) =>
      core.observeSuccess({ resources: read(reader, items), status: null, statusError: null, tasks: null, endpoint: null }, t).snapshot
    const a = poll(resources(NODES, GUESTS), T0)
    const b = poll(
      resources(NODES, GUESTS).map((i) => ((i as { vmid?: number }).vmid === 102 ? { ...(i as object), mem: 1500 } : i)),
      T0 + 10_000
    )
    expect(b.guests[0]).toBe(a.guests[0])
    expect(b.guests[1]).toBe(a.guests[1])
    expect(b.guests[2]).not.toBe(a.guests[2])
    expect(b.guests[2]?.mem).toBe(1500)
    // A judgement input changing (a mute) renews the view although the record is the same.
    core.state.mutes.set([{ target: { vmid: 100 }, mode: 'always', until: null }])
    const c = poll(
      resources(NODES, GUESTS).map((i) => ((i as { vmid?: number }).vmid === 102 ? { ...(i as object), mem: 1500 } : i)),
      T0 + 20_000
    )
    expect(c.guests[0]).not.toBe(b.guests[0])
    expect(c.guests[0]?.muted?.mode).toBe('always')
    expect(c.guests[1]).toBe(b.guests[1])
  })
})

describe("guests' moving figures on demand", () => {
  it('without a dashboard: no figures shown, and a guest whose figures moved keeps its record and view', () => {
    const core = new MonitorCore({ clusterId: 'c', clusterName: 'Lab', graceMs: 0 }, T0)
    const reader = new ResourceReader()
    const poll = (items: unknown[], t: number) => {
      // As ClusterMonitor does: the core says how the poll reads figures (not at all while none is shown).
      reader.figures = core.figureReads.reading(t, 30_000)
      const guestFigures = reader.figures !== 'skip'
      return core.observeSuccess({ resources: read(reader, items), guestFigures, status: null, statusError: null, tasks: null, endpoint: null }, t).snapshot
    }
    const moved = (cpu: number) =>
      resources(NODES, GUESTS).map((i) => ((i as { vmid?: number }).vmid === 100 ? { ...(i as object), cpu, uptime: cpu * 1000 } : i))
    expect(core.setGuestFigures(NO_FIGURES, T0)).toBeNull()
    const a = poll(moved(0.2), T0)
    const b = poll(moved(0.7), T0 + 10_000)
    expect(a.guests[0]?.cpu).toBeNull()
    expect(a.guests[0]?.uptime).toBeNull()
    expect(a.guests[0]?.maxmem).toBe(2048)
    expect(b.guests[0]).toBe(a.guests[0])
    expect(b.guests).toBe(a.guests)
    // A change the monitor judges is never hidden: a guest stopping is seen with figures off.
    const stopped = resources(NODES, GUESTS).map((i) => ((i as { vmid?: number }).vmid === 100 ? { ...(i as object), status: 'stopped' } : i))
    expect(poll(stopped, T0 + 20_000).guests[0]?.state).toBe('stopped')
    // Shown again: no poll read them, so one is asked for (nothing old shown meanwhile); once it has, other guests
    // shown are at once, from that poll.
    expect(core.setGuestFigures({ all: false, vmids: new Set([100]) }, T0 + 26_000)).toBe('poll')
    const first = poll(moved(0.8), T0 + 27_000)
    expect(first.guests[0]?.cpu).toBe(0.8)
    expect(first.guests[2]?.cpu).toBeNull()
    const shown = republished(core.setGuestFigures({ all: false, vmids: new Set([100, 102]) }, T0 + 28_000))
    expect(shown.guests[2]?.cpu).not.toBeNull()
    expect(shown.guests[0]).toBe(first.guests[0])
    const c = poll(moved(0.9), T0 + 30_000)
    expect(c.guests[0]?.cpu).toBe(0.9)
    expect(c.guests[0]?.uptime).toBe(900)
  })
})
