// Guests' disk and network rates from /cluster/resources' byte counters, read the way the app reads them
// (ResourceReader, one poll after another): rates only between two pvestatd readings of the same run of a
// guest, "unknown" (null) otherwise, never negative or a spike; a poll that finds the same reading keeps the
// rates and the record; without figures (no dashboard) nothing is derived or allocated.
import { describe, expect, it } from 'vitest'

import { MonitorCore } from '../../../../src/main/core/monitor'
import type { ParsedGuest } from '../../../../src/main/core/monitor/parse-resources'
import { ResourceReader } from '../../../../src/main/core/monitor/resource-reader'

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

const rates = (g: ParsedGuest) => [g.diskReadRate, g.diskWriteRate, g.netInRate, g.netOutRate]

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
    expect(same.diskReadRate).toBe(1024)
    // The next reading 12 s of guest time later, however many polls in between.
    const b = poll(reader, { uptime: 122, diskread: 10_240 + 12 * 2048, diskwrite: 0, netin: 0, netout: 0 })
    expect(b.diskReadRate).toBe(2048)
    // An idle guest between two readings: 0 B/s, not the last rate.
    expect(poll(reader, { uptime: 132, diskread: 10_240 + 12 * 2048, diskwrite: 0, netin: 0, netout: 0 }).diskReadRate).toBe(0)
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

  it('without figures keeps the record and derives nothing; switched back on, the first reading has no rate', () => {
    const reader = new ResourceReader()
    poll(reader, { uptime: 100, diskread: 0, diskwrite: 0, netin: 0, netout: 0 })
    const on = poll(reader, { uptime: 110, diskread: 1000, diskwrite: 0, netin: 0, netout: 0 })
    reader.guestMetrics = false
    expect(poll(reader, { uptime: 120, diskread: 5000, diskwrite: 0, netin: 0, netout: 0 })).toBe(on)
    expect(poll(reader, { uptime: 900, diskread: 9e6, diskwrite: 0, netin: 0, netout: 0 })).toBe(on)
    reader.guestMetrics = true
    // Not (9e6 - 1000) / 790 from the reading kept before the dashboard closed.
    expect(rates(poll(reader, { uptime: 910, diskread: 9.1e6, diskwrite: 0, netin: 0, netout: 0 }))).toEqual([null, null, null, null])
    expect(poll(reader, { uptime: 920, diskread: 9.2e6, diskwrite: 0, netin: 0, netout: 0 }).diskReadRate).toBe(1e4)
  })

  it('reaches the guest view only with figures on', () => {
    const reader = new ResourceReader()
    const core = new MonitorCore({ clusterId: 'c', clusterName: 'Lab', graceMs: 0 }, 0)
    const node = { id: 'node/pve-a', type: 'node', node: 'pve-a', status: 'online' }
    const view = (r: Reading, t: number, guestMetrics: boolean) => {
      reader.guestMetrics = guestMetrics
      const resources = reader.finish([node, item(r)].map((i) => reader.read(i)))
      return core.observeSuccess({ resources, status: null, statusError: null, tasks: null, endpoint: null, guestMetrics }, t).snapshot.guests[0]
    }
    view({ uptime: 100, diskread: 0, diskwrite: 0, netin: 0, netout: 0 }, 0, true)
    const g = view({ uptime: 110, diskread: 100, diskwrite: 200, netin: 300, netout: 400 }, 10_000, true)
    expect([g?.diskReadRate, g?.diskWriteRate, g?.netInRate, g?.netOutRate]).toEqual([10, 20, 30, 40])
    const off = view({ uptime: 120, diskread: 200, diskwrite: 400, netin: 600, netout: 800 }, 20_000, false)
    expect([off?.diskReadRate, off?.diskWriteRate, off?.netInRate, off?.netOutRate]).toEqual([null, null, null, null])
  })
})
