import { hashUnit } from './prng'

/** Plausible, deterministic guest/node metrics as a function of time (what pvestatd would have reported). */
export interface GuestMetrics {
  uptime: number
  cpu: number
  mem: number
  memhost: number
  disk: number
  netin: number
  netout: number
  diskread: number
  diskwrite: number
}

export interface GuestMetricInput {
  vmid: number
  type: 'qemu' | 'lxc'
  maxcpu: number
  maxmem: number
  maxdisk: number
  load: number
  /** epoch ms the guest was started; undefined when stopped */
  startedAt?: number
  paused: boolean
}

const ZERO: GuestMetrics = { uptime: 0, cpu: 0, mem: 0, memhost: 0, disk: 0, netin: 0, netout: 0, diskread: 0, diskwrite: 0 }

/** smooth noise in 0..1: slow sine plus a per-interval jitter */
function wave(seed: number, id: number, tSec: number, period: number): number {
  const phase = hashUnit(seed, id, 7) * Math.PI * 2
  const slow = 0.5 + 0.5 * Math.sin(tSec / period + phase)
  const jitter = hashUnit(seed, id, Math.floor(tSec / 10))
  return 0.75 * slow + 0.25 * jitter
}

export function guestMetrics(g: GuestMetricInput, nowMs: number, seed: number): GuestMetrics {
  if (g.startedAt === undefined) return { ...ZERO }
  const tSec = nowMs / 1000
  const uptime = Math.max(0, Math.floor((nowMs - g.startedAt) / 1000))
  const w = wave(seed, g.vmid, tSec, 240)
  const cpu = g.paused ? 0 : Math.min(1, g.load * (0.5 + w))
  const memFrac = Math.min(0.97, 0.25 + 0.5 * g.load + 0.1 * wave(seed, g.vmid + 1e6, tSec, 900))
  const mem = Math.round(g.maxmem * memFrac)
  // byte counters grow with uptime, at a per-guest rate that follows the load
  const rate = (k: number): number => Math.round(uptime * (20_000 + 2_000_000 * g.load) * (0.5 + hashUnit(seed, g.vmid, k)))
  return {
    uptime,
    cpu: Math.round(cpu * 1e6) / 1e6,
    mem,
    memhost: g.type === 'qemu' ? Math.round(mem * 1.02) : mem,
    disk: g.type === 'lxc' ? Math.round(g.maxdisk * (0.2 + 0.5 * hashUnit(seed, g.vmid, 3))) : 0,
    netin: rate(11),
    netout: rate(12),
    diskread: rate(13) * 4,
    diskwrite: rate(14) * 2
  }
}

export interface NodeMetrics {
  uptime: number
  cpu: number
  mem: number
  disk: number
  loadavg: [number, number, number]
  netin: number
  netout: number
}

export function nodeMetrics(
  node: { index: number; maxcpu: number; maxmem: number; maxdisk: number; bootAt: number },
  guests: readonly GuestMetrics[],
  guestCpus: number,
  nowMs: number,
  seed: number
): NodeMetrics {
  const tSec = nowMs / 1000
  const busy = guests.reduce((s, g) => s + g.cpu, 0)
  const cpu = Math.min(
    1,
    0.01 + ((busy * Math.max(1, guestCpus / Math.max(1, guests.length))) / node.maxcpu) * 0.5 + 0.02 * wave(seed, 9000 + node.index, tSec, 120)
  )
  const mem = Math.min(node.maxmem * 0.98, 2.5 * 1024 ** 3 + guests.reduce((s, g) => s + g.memhost, 0))
  const l = cpu * node.maxcpu
  return {
    uptime: Math.floor((nowMs - node.bootAt) / 1000),
    cpu: Math.round(cpu * 1e6) / 1e6,
    mem: Math.round(mem),
    disk: Math.round(node.maxdisk * (0.08 + 0.1 * hashUnit(seed, node.index, 5))),
    loadavg: [l, l * 0.9, l * 0.8],
    netin: guests.reduce((s, g) => s + g.netin, 0),
    netout: guests.reduce((s, g) => s + g.netout, 0)
  }
}
