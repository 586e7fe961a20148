import type { GuestRec, NodeRec } from './cluster-state'
import type { CallContext } from './context'
import { guestMetrics, nodeMetrics } from './metrics'

// PVE 9 pve-*-9.0 RRD layout: [step seconds, rows]
const FRAMES: Record<string, [number, number]> = {
  hour: [60, 60],
  day: [60, 1440],
  week: [1800, 336],
  month: [1800, 1440],
  year: [21600, 1440],
  decade: [604800, 570]
}

type Point = Record<string, number>

function timeline(c: CallContext): number[] {
  const [step, rows] = FRAMES[String(c.params.timeframe)] ?? [60, 60]
  const nowSec = Math.floor(c.sim.now() / 1000)
  const last = nowSec - (nowSec % step)
  return Array.from({ length: rows }, (_, i) => last - (rows - 1 - i) * step)
}

/** drop the trailing point when it carries nothing but `time` (RRD.pm create_rrd_data) */
function trim(points: Point[]): Point[] {
  const last = points[points.length - 1]
  if (last && Object.keys(last).length === 1) points.pop()
  return points
}

/** until when the node reported data (down nodes stop feeding rrdcached) */
function reportedUntil(c: CallContext, n: NodeRec): number {
  return n.up ? Number.MAX_SAFE_INTEGER : Math.floor((n.downSince ?? 0) / 1000)
}

export function nodeRrd(c: CallContext, n: NodeRec): Point[] {
  const seed = c.sim.opts.seed
  const st = c.sim.state
  const guests = [...st.guests.values()].filter((g) => g.node === n.spec.name && g.startedAt !== undefined)
  const cpus = guests.reduce((s, g) => s + g.maxcpu, 0)
  const until = reportedUntil(c, n)
  const max = c.params.cf === 'MAX' ? 1.15 : 1
  return trim(
    timeline(c).map((time): Point => {
      if (time > until || time * 1000 < n.bootAt) return { time }
      const gm = guests.map((g) => guestMetrics({ ...g, paused: g.status === 'paused', startedAt: g.startedAt ?? 0 }, time * 1000, seed))
      const m = nodeMetrics(
        { index: n.index, maxcpu: n.spec.maxcpu, maxmem: n.spec.maxmem, maxdisk: n.spec.maxdisk, bootAt: n.bootAt },
        gm,
        cpus,
        time * 1000,
        seed
      )
      const rates = guests.length * 40_000
      return {
        time,
        loadavg: m.loadavg[0] * max,
        maxcpu: n.spec.maxcpu,
        cpu: Math.min(1, m.cpu * max),
        iowait: m.cpu * 0.05,
        memtotal: n.spec.maxmem,
        memused: m.mem,
        memavailable: n.spec.maxmem - m.mem,
        swaptotal: 8 * 1024 ** 3,
        swapused: 12_582_912,
        roottotal: n.spec.maxdisk,
        rootused: m.disk,
        netin: rates * max,
        netout: rates * 0.7 * max,
        arcsize: 0,
        pressurecpusome: m.cpu * 0.1,
        pressureiosome: 0.01,
        pressureiofull: 0.005,
        pressurememorysome: 0,
        pressurememoryfull: 0
      }
    })
  )
}

export function guestRrd(c: CallContext, g: GuestRec): Point[] {
  const seed = c.sim.opts.seed
  const n = c.sim.state.nodes.get(g.node)
  const until = n ? reportedUntil(c, n) : 0
  return trim(
    timeline(c).map((time): Point => {
      if (time > until) return { time }
      const base: Point = { time, maxcpu: g.maxcpu, maxmem: g.maxmem, maxdisk: g.maxdisk }
      if (g.startedAt === undefined || time * 1000 < g.startedAt) return base
      const m = guestMetrics({ ...g, paused: g.status === 'paused', startedAt: g.startedAt }, time * 1000, seed)
      const rate = m.uptime > 0 ? 1 / m.uptime : 0
      return {
        ...base,
        cpu: m.cpu,
        mem: m.mem,
        memhost: m.memhost,
        disk: m.disk,
        netin: m.netin * rate,
        netout: m.netout * rate,
        diskread: m.diskread * rate,
        diskwrite: m.diskwrite * rate,
        pressurecpusome: m.cpu * 0.05,
        pressurememorysome: 0
      }
    })
  )
}
