// The SSH module's node health (typed probes) as the renderer's NodeHealthReport. Pure: the probing and
// the parsing live in core/ssh (collectNodeHealth and its parsers); this only reshapes their results.
import type { NodeHealthItem, NodeHealthReport } from '../../../shared/views'
import type { NodeHealthReport as SshNodeHealth, ProbeResult } from '../ssh/node-health'
import { healthWarnings } from './node-health-warnings'

/** What the view shows for a probe whose command is missing on the node (or a tool not in use). */
const NOT_AVAILABLE = 'not available'

function healthItem<T, V>(probe: ProbeResult<T>, map: (value: T) => V): NodeHealthItem<V> {
  if (probe.status === 'ok') return { ok: true, value: map(probe.value), error: null }
  if (probe.status === 'not-available') return { ok: false, value: null, error: NOT_AVAILABLE }
  return { ok: false, value: null, error: probe.reason.slice(0, 300) }
}

const text = (v: string | undefined, max = 400): string | null => (v === undefined || v === '' ? null : v.slice(0, max))

export function toNodeHealthView(health: SshNodeHealth, host: string, durationMs: number): NodeHealthReport {
  const report: Omit<NodeHealthReport, 'warnings'> = {
    node: health.node,
    host,
    checkedAt: health.collectedAt,
    pveversion: healthItem(health.versions, (v) => ({
      proxmoxVe: v.proxmoxVe ?? null,
      manager: v.runningVersion ?? v.manager ?? null,
      runningKernel: v.runningKernel ?? null,
      packages: Object.entries(v.packages).map(([name, version]) => ({ name, version }))
    })),
    loadavg: healthItem(health.load, (l) => [l.load1, l.load5, l.load15] as const),
    temperatures: healthItem(health.temperatures, (list) =>
      list.map((t) => ({
        sensor: t.label === t.chip ? t.chip : `${t.chip} ${t.label}`,
        celsius: t.celsius,
        high: t.high ?? null,
        critical: t.critical ?? null
      }))
    ),
    zpools: healthItem(health.zfsPools, (pools) => pools.map((p) => ({ name: p.name, health: p.health, size: p.size, alloc: p.alloc }))),
    zfsProblems: healthItem(health.zfsStatus, (s) =>
      s.problems.map((p) => ({ pool: p.pool.slice(0, 200), state: text(p.state, 40), status: text(p.status), action: text(p.action) }))
    ),
    rootfs: healthItem(health.rootDisk, (d) => ({
      filesystem: d.filesystem.slice(0, 200),
      total: d.totalBytes,
      used: d.usedBytes,
      usedPercent: d.usedPercent
    })),
    services: healthItem(health.services, (list) => list.map((s) => ({ unit: s.unit, state: s.state }))),
    durationMs: Math.round(durationMs)
  }
  return { ...report, warnings: healthWarnings(report) }
}
