// Guests' moving figures and their disk and network rates from /cluster/resources' byte counters, read the way
// the app reads them (ResourceReader, one poll after another): rates only between two pvestatd readings of the
// same run of a guest, "unknown" (null) otherwise, never negative or a spike; a poll that finds the same reading
// keeps the rates; figures moving never renew the guest's record; a view shows them only for the guests a
// dashboard shows, and showing more needs no new poll.
import { describe, expect, it } from 'vitest'

import { MonitorCore } from '../../../../src/main/core/monitor'
import { ALL_FIGURES, NO_FIGURES } from '../../../../src/main/core/monitor/figures-shown'
import type { ParsedGuest } from '../../../../src/main/core/monitor/parse-resources'
import { ResourceReader } from '../../../../src/main/core/monitor/resource-reader'
import type { GuestView } from '../../../../src/shared/snapshot'
import { republished } from './fixtures'

interface Reading {
  uptime: number
  diskread: number
  diskwrite: number
  netin: number
  netout: number
  status?: string
}

function item(r: Reading): Record<string, unknown> {
  return { id: 'qemu/100', type: 'qemu', vmid: 100, node: 'pve-a', name: 'web', status: 'running', maxmem: 2e9, mem: 1e9, cpu: 0.1, ...r }
}

function poll(reader: ResourceReader, r: Reading): ParsedGuest {
  const out = reader.finish([reader.read(item(r))])
  const g = out.guests[0]
  if (g === undefined) throw new Error('guest not read')
  return g
}

const rates = (g: ParsedGuest) => [g.figures.diskReadRate, g.figures.diskWriteRate, g.figures.netInRate, g.figures.netOutRate]

describe('guest I/O rates', () => {
  it('gives none for a first reading, then the counters’ difference over the uptime between readings', () => {
    const reader = new ResourceReader()
    expect(rates(poll(reader, { uptime: 100, diskread: 1000, diskwrite: 2000, netin: 3000, netout: 4000 }))).toEqual([null, null, null, null])
    const g = poll(reader, { uptime: 110, diskread: 11_000, diskwrite: 2000, netin: 8000, netout: 4500 })
    expect(rates(g)).toEqual([1000, 0, 500, 50])
  })

  it('keeps the rates and the very record while pvestatd has not updated (our poll time does not count)', () => {
    const reader = new ResourceReader()
    poll(reader, { uptime: 100, diskread: 0, diskwrite: 0, netin: 0, netout: 0 })
    const a = poll(reader, { uptime: 110, diskread: 10_240, diskwrite: 0, netin: 0, netout: 0 })
    const same = poll(reader, { uptime: 110, diskread: 10_240, diskwrite: 0, netin: 0, netout: 0 })
    expect(same).toBe(a)
    expect(same.figures.diskReadRate).toBe(1024)
    // The next reading 12 s of guest time later, however many polls in between.
    const b = poll(reader, { uptime: 122, diskread: 10_240 + 12 * 2048, diskwrite: 0, netin: 0, netout: 0 })
    expect(b.figures.diskReadRate).toBe(2048)
    // An idle guest between two readings: 0 B/s, not the last rate.
    expect(poll(reader, { uptime: 132, diskread: 10_240 + 12 * 2048, diskwrite: 0, netin: 0, netout: 0 }).figures.diskReadRate).toBe(0)
  })

  it('gives none, never a negative rate or a spike, when the guest restarted (counters or uptime went back)', () => {
    const reader = new ResourceReader()
    poll(reader, { uptime: 5000, diskread: 9e9, diskwrite: 9e9, netin: 9e9, netout: 9e9 })
    poll(reader, { uptime: 5010, diskread: 9.1e9, diskwrite: 9.1e9, netin: 9.1e9, netout: 9.1e9 })
    // Restarted between two polls: smaller counters, small uptime.
    expect(rates(poll(reader, { uptime: 8, diskread: 1e6, diskwrite: 1e6, netin: 1e6, netout: 1e6 }))).toEqual([null, null, null, null])
    expect(rates(poll(reader, { uptime: 18, diskread: 2e6, diskwrite: 1e6, netin: 1e6, netout: 1e6 }))).toEqual([1e5, 0, 0, 0])
    // Restarted and already past the old counters: uptime going back still says "not the same run".
    expect(rates(poll(reader, { uptime: 9, diskread: 5e6, diskwrite: 5e6, netin: 5e6, netout: 5e6 }))).toEqual([null, null, null, null])
    // A counter going back on its own (a reset): that counter has no rate, the others do.
    expect(rates(poll(reader, { uptime: 19, diskread: 0, diskwrite: 6e6, netin: 6e6, netout: 6e6 }))).toEqual([null, 1e5, 1e5, 1e5])
  })

  it('gives none for a stopped guest (its counters read 0)', () => {
    const reader = new ResourceReader()
    poll(reader, { uptime: 100, diskread: 100, diskwrite: 100, netin: 100, netout: 100 })
    poll(reader, { uptime: 110, diskread: 200, diskwrite: 200, netin: 200, netout: 200 })
    const stopped = { uptime: 0, diskread: 0, diskwrite: 0, netin: 0, netout: 0, status: 'stopped' }
    expect(rates(poll(reader, stopped))).toEqual([null, null, null, null])
    expect(rates(poll(reader, stopped))).toEqual([null, null, null, null])
    // Started again: a first reading, then rates.
    expect(rates(poll(reader, { uptime: 3, diskread: 30, diskwrite: 30, netin: 30, netout: 30 }))).toEqual([null, null, null, null])
    expect(rates(poll(reader, { uptime: 13, diskread: 130, diskwrite: 30, netin: 30, netout: 30 }))).toEqual([10, 0, 0, 0])
  })

  it('keeps the record while only figures move, and reads them in place every poll', () => {
    const reader = new ResourceReader()
    const a = poll(reader, { uptime: 100, diskread: 0, diskwrite: 0, netin: 0, netout: 0 })
    const reading = a.figures.reading
    const b = poll(reader, { uptime: 110, diskread: 1000, diskwrite: 0, netin: 0, netout: 0 })
    expect(b).toBe(a)
    expect(b.figures.reading).toBeGreaterThan(reading)
    expect([b.figures.uptime, b.figures.cpu, b.figures.mem, b.figures.diskReadRate]).toEqual([110, 0.1, 1e9, 100])
    // The same reading again changes nothing (the view built from it stays).
    const same = b.figures.reading
    poll(reader, { uptime: 110, diskread: 1000, diskwrite: 0, netin: 0, netout: 0 })
    expect(b.figures.reading).toBe(same)
    // What identifies the guest changing renews the record; its figures go with it.
    const renamed = reader.finish([reader.read({ ...item({ uptime: 120, diskread: 2000, diskwrite: 0, netin: 0, netout: 0 }), name: 'web2' })]).guests[0]
    expect(renamed).not.toBe(a)
    expect(renamed?.name).toBe('web2')
    expect(renamed?.figures.diskReadRate).toBe(100)
  })

  it('shows figures only for the guests a dashboard shows, and at once when it shows more', () => {
    const reader = new ResourceReader()
    const core = new MonitorCore({ clusterId: 'c', clusterName: 'Lab', graceMs: 0 }, 0)
    const node = { id: 'node/pve-a', type: 'node', node: 'pve-a', status: 'online' }
    const other = { id: 'lxc/200', type: 'lxc', vmid: 200, node: 'pve-a', name: 'ct', status: 'running', cpu: 0.3, uptime: 50, mem: 5, maxmem: 10 }
    const poll2 = (r: Reading, t: number) => {
      const resources = reader.finish([node, item(r), other].map((i) => reader.read(i)))
      return core.observeSuccess({ resources, status: null, statusError: null, tasks: null, endpoint: null }, t).snapshot
    }
    const figures = (g: GuestView | undefined) => [g?.cpu, g?.uptime, g?.diskReadRate, g?.diskWriteRate, g?.netInRate, g?.netOutRate]
    expect(core.setGuestFigures(NO_FIGURES, 0)).toBeNull() // no poll seen yet: nothing to show anew
    poll2({ uptime: 100, diskread: 0, diskwrite: 0, netin: 0, netout: 0 }, 0)
    const hidden = poll2({ uptime: 110, diskread: 100, diskwrite: 200, netin: 300, netout: 400 }, 10_000)
    expect(figures(hidden.guests[0])).toEqual([null, null, null, null, null, null])
    expect(hidden.guests[0]?.maxmem).toBe(2e9)
    // Only guest 100 shown: its figures, from the last poll, without a new one; guest 200's stay null.
    const shown = republished(core.setGuestFigures({ all: false, vmids: new Set([100]) }, 11_000))
    expect(figures(shown.guests[0])).toEqual([0.1, 110, 10, 20, 30, 40])
    expect(shown.guests[1]?.cpu).toBeNull()
    expect(shown.guests[1]).toBe(hidden.guests[1])
    // The same choice again is no change.
    expect(core.setGuestFigures({ all: false, vmids: new Set([100]) }, 11_500)).toBeNull()
    // The next poll: only the shown guest's view is built again.
    const next = poll2({ uptime: 120, diskread: 300, diskwrite: 200, netin: 300, netout: 400 }, 20_000)
    expect(next.guests[0]?.diskReadRate).toBe(20)
    expect(next.guests[1]).toBe(hidden.guests[1])
    expect(republished(core.setGuestFigures(ALL_FIGURES, 21_000)).guests[1]?.cpu).toBe(0.3)
  })

  it('reads no figures while none is shown; showing some then asks for a poll, and its first reading has no rate', () => {
    const reader = new ResourceReader()
    const core = new MonitorCore({ clusterId: 'c', clusterName: 'Lab', graceMs: 0 }, 0)
    const node = { id: 'node/pve-a', type: 'node', node: 'pve-a', status: 'online' }
    const poll2 = (r: Reading, t: number) => {
      // As ClusterMonitor does: the core says how this poll reads figures.
      reader.figures = core.figureReads.reading(t, 30_000)
      const resources = reader.finish([node, item(r)].map((i) => reader.read(i)))
      return core.observeSuccess({ resources, guestFigures: reader.figures !== 'skip', status: null, statusError: null, tasks: null, endpoint: null }, t)
        .snapshot
    }
    poll2({ uptime: 100, diskread: 0, diskwrite: 0, netin: 0, netout: 0 }, 0)
    const a = poll2({ uptime: 110, diskread: 1000, diskwrite: 0, netin: 0, netout: 0 }, 10_000)
    expect(a.guests[0]?.diskReadRate).toBe(100)
    expect(core.setGuestFigures(NO_FIGURES, 11_000)).not.toBeNull()
    expect(core.figureReads.reads).toBe(false)
    const hidden = poll2({ uptime: 900, diskread: 9e6, diskwrite: 0, netin: 0, netout: 0 }, 20_000)
    expect(hidden.guests[0]?.cpu).toBeNull()
    // Shown again: the last poll read none, so a poll is asked for and nothing old is shown meanwhile.
    expect(core.setGuestFigures(ALL_FIGURES, 21_000)).toBe('poll')
    expect(core.noteGuestStatus(100, 'running', 21_500).guests[0]?.cpu).toBeNull()
    // Not (9.1e6 - 1000) / 800 from the reading kept before nobody looked.
    const first = poll2({ uptime: 910, diskread: 9.1e6, diskwrite: 0, netin: 0, netout: 0 }, 30_000)
    expect([first.guests[0]?.cpu, first.guests[0]?.uptime, first.guests[0]?.diskReadRate]).toEqual([0.1, 910, null])
    expect(poll2({ uptime: 920, diskread: 9.2e6, diskwrite: 0, netin: 0, netout: 0 }, 40_000).guests[0]?.diskReadRate).toBe(1e4)
  })

  describe('figures a poll read but the monitor never took, and gaps', () => {
    const setup = () => {
      const reader = new ResourceReader()
      const core = new MonitorCore({ clusterId: 'c', clusterName: 'Lab', graceMs: 0 }, 0)
      const node = { id: 'node/pve-a', type: 'node', node: 'pve-a', status: 'online' }
      /** Reads one poll's items as ClusterMonitor does; `take`: the core observes it (else it was dropped). */
      const poll = (r: Reading, t: number, take = true) => {
        reader.figures = core.figureReads.reading(t, 30_000)
        const resources = reader.finish([node, item(r)].map((i) => reader.read(i)))
        if (!take) return null
        return core.observeSuccess({ resources, guestFigures: reader.figures !== 'skip', status: null, statusError: null, tasks: null, endpoint: null }, t)
          .snapshot
      }
      return { reader, core, poll }
    }
    const io = (uptime: number, diskread: number, status = 'running'): Reading => ({ uptime, diskread, diskwrite: 0, netin: 0, netout: 0, status })

    it('a poll dropped after reading (sleep, stop) shows none of its figures, and gives no rate after it', () => {
      const { core, poll } = setup()
      poll(io(100, 0), 0)
      poll(io(110, 1000), 10_000)
      // Read, then dropped during /cluster/status: ClusterMonitor tells the core, which shows no figure until a poll is taken.
      poll(io(0, 0, 'stopped'), 20_000, false)
      core.figureReads.lost()
      // A scroll changes nothing then; an action ending republishes the last poll taken, without the dropped figures.
      expect(core.setGuestFigures({ all: false, vmids: new Set([100]) }, 21_000)).toBeNull()
      const again = core.noteGuestStatus(100, 'running', 21_500)
      expect([again.guests[0]?.state, again.guests[0]?.cpu, again.guests[0]?.uptime]).toEqual(['running', null, null])
      const next = poll(io(130, 3000), 30_000)
      expect([next?.guests[0]?.cpu, next?.guests[0]?.uptime, next?.guests[0]?.diskReadRate]).toEqual([0.1, 130, null])
      expect(poll(io(140, 4000), 40_000)?.guests[0]?.diskReadRate).toBe(100)
    })

    it('a failed poll hides figures too, and the reading after an outage or a long gap gives no rate', () => {
      const { core, poll } = setup()
      poll(io(100, 0), 0)
      poll(io(110, 1000), 10_000)
      core.observeFailure({ kind: 'unreachable', message: 'down', privilege: null, status: null }, 20_000)
      expect(poll(io(200, 1e6), 30_000)?.guests[0]?.diskReadRate).toBeNull()
      expect(poll(io(210, 2e6), 40_000)?.guests[0]?.diskReadRate).toBe(1e5)
      // No poll for longer than twice the interval and the deadline (the process stalled, the clock jumped).
      expect(core.figureReads.reading(40_000 + 30_001, 30_000)).toBe('restart')
      expect(poll(io(8 * 3600, 5e9), 40_000 + 8 * 3_600_000)?.guests[0]?.diskReadRate).toBeNull()
    })

    it('asks for one poll when figures start being shown, not one per scroll, and none while the cluster fails', () => {
      const { core, poll } = setup()
      poll(io(100, 0), 0)
      core.setGuestFigures(NO_FIGURES, 1000)
      poll(io(110, 0), 10_000)
      const scroll = (t: number) => [100, 101, 102].map((v, i) => core.setGuestFigures({ all: false, vmids: new Set([v]) }, t + 80 * i))
      expect(scroll(11_000)).toEqual(['poll', null, null])
      core.setGuestFigures(NO_FIGURES, 12_000)
      core.observeFailure({ kind: 'auth', message: '401', privilege: null, status: null }, 20_000)
      // The token is refused (backed off): the next scheduled poll reads the figures, the scroll asks for none.
      expect(scroll(21_000)).toEqual([null, null, null])
    })

    it('figures shown again while a poll reading none is in flight: that poll lands without them and asks for the next at once', () => {
      const { core, reader, poll } = setup()
      poll(io(100, 0), 0)
      core.setGuestFigures(NO_FIGURES, 1000)
      reader.figures = core.figureReads.reading(2000, 30_000)
      expect(reader.figures).toBe('skip')
      // The user is back on the guests view before it lands: the last poll's figures at once…
      expect(republished(core.setGuestFigures(ALL_FIGURES, 1500)).guests[0]?.cpu).toBe(0.1)
      const resources = reader.finish([{ id: 'node/pve-a', type: 'node', node: 'pve-a', status: 'online' }, item(io(110, 0))].map((i) => reader.read(i)))
      const landed = core.observeSuccess({ resources, guestFigures: false, status: null, statusError: null, tasks: null, endpoint: null }, 2000).snapshot
      // …then it lands without them ("—", never the old ones), and ClusterMonitor polls again at once (`reads` with none read).
      expect(landed.guests[0]?.cpu).toBeNull()
      expect(core.figureReads.reads).toBe(true)
      expect(poll(io(120, 0), 2100)?.guests[0]?.cpu).toBe(0.1)
    })
  })
})

const nodeItem = (name: string, status = 'online') => ({ id: `node/${name}`, type: 'node', node: name, status })
const guestItem = (vmid: number, o: Record<string, unknown> = {}) => ({
  id: `qemu/${vmid}`,
  type: 'qemu',
  vmid,
  node: 'pve-a',
  name: `g${vmid}`,
  status: 'running',
  cpu: 0.1,
  mem: 1,
  maxmem: 2,
  ...o
})

describe('figures through the views when the list changes', () => {
  it('kind change under the same vmid: no rate from the other guest’s counters; list change then fast path: right rows', () => {
    const reader = new ResourceReader()
    const core = new MonitorCore({ clusterId: 'c', clusterName: 'Lab', graceMs: 0 }, 0)
    const poll = (items: unknown[], t: number) =>
      core.observeSuccess({ resources: reader.finish(items.map((i) => reader.read(i))), status: null, statusError: null, tasks: null, endpoint: null }, t)
        .snapshot
    poll([nodeItem('pve-a'), guestItem(100, { uptime: 100, netin: 0 }), guestItem(101, { uptime: 100 })], 0)
    poll([nodeItem('pve-a'), guestItem(100, { uptime: 110, netin: 1000 }), guestItem(101, { uptime: 110 })], 10_000)
    const s = poll([nodeItem('pve-a'), guestItem(100, { type: 'lxc', id: 'lxc/100', uptime: 120, netin: 5000 }), guestItem(101, { uptime: 120 })], 20_000)
    expect(s.guests[0]?.id).toBe('lxc/100')
    expect(s.guests[0]?.netInRate).toBeNull()
    // Guests 99 (new), lxc/100 and 101 on pve-a, with these uptimes and CPU figures.
    const trio = (t: number, up: number, cpu: [number, number, number], nodeStatus = 'online') =>
      poll(
        [
          nodeItem('pve-a', nodeStatus),
          guestItem(99, { uptime: up - 125, cpu: cpu[0] }),
          guestItem(100, { type: 'lxc', id: 'lxc/100', uptime: up, cpu: cpu[1] }),
          guestItem(101, { uptime: up, cpu: cpu[2] })
        ],
        t
      )
    // A guest added (list changes), then only figures move (fast path): each row gets its own figures.
    trio(30_000, 130, [0.9, 0.2, 0.3])
    const f = trio(40_000, 140, [0.91, 0.21, 0.31])
    expect(f.guests.map((x) => [x.vmid, x.cpu])).toEqual([
      [99, 0.91],
      [100, 0.21],
      [101, 0.31]
    ])
    // Node offline: figures null; back: current ones.
    expect(trio(50_000, 140, [0.91, 0.21, 0.31], 'offline').guests.map((x) => x.cpu)).toEqual([null, null, null])
    expect(trio(60_000, 150, [0.5, 0.5, 0.5]).guests.map((x) => x.cpu)).toEqual([0.5, 0.5, 0.5])
    // Fresh status then figures move.
    core.noteGuestStatus(101, 'stopped', 61_000)
    expect(trio(62_000, 160, [0.6, 0.6, 0.6]).guests.map((x) => [x.state, x.cpu])).toEqual([
      ['running', 0.6],
      ['running', 0.6],
      ['stopped', 0.6]
    ])
  })
})
