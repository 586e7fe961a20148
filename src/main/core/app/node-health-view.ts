// The SSH module's node health (typed probes) as the renderer's NodeHealthReport. Pure: the probing and
// the parsing live in core/ssh (collectNodeHealth and its parsers); this only reshapes their results.
import type { NodeHealthItem, NodeHealthReport } from '../../../shared/views'
import type { NodeHealthReport as SshNodeHealth, ProbeResult } from '../ssh/node-health'

/** What the view shows for a probe whose command is missing on the node (or a tool not in use). */
export const NOT_AVAILABLE = 'not available'

export function healthItem<T, V>(probe: ProbeResult<T>, map: (value: T) => V): NodeHealthItem<V> {
  if (probe.status === 'ok') return { ok: true, value: map(probe.value), error: null }
  if (probe.status === 'not-available') return { ok: false, value: null, error: NOT_AVAILABLE }
  return { ok: false, value: null, error: probe.reason.slice(0, 300) }
}

export function toNodeHealthView(health: SshNodeHealth, host: string, durationMs: number): NodeHealthReport {
  return {
    node: health.node,
    host,
    pveversion: healthItem(health.versions, (v) => Object.entries(v.packages).map(([name, version]) => ({ name, version }))),
    loadavg: healthItem(health.load, (l) => [l.load1, l.load5, l.load15] as const),
    temperatures: healthItem(health.temperatures, (list) =>
      list.map((t) => ({ sensor: t.label === t.chip ? t.chip : `${t.chip} ${t.label}`, celsius: t.celsius }))
    ),
    zpools: healthItem(health.zfsPools, (pools) => pools.map((p) => ({ name: p.name, health: p.health, size: p.size, alloc: p.alloc }))),
    rootfs: healthItem(health.rootDisk, (d) => ({ total: d.totalBytes, used: d.usedBytes })),
    durationMs: Math.round(durationMs)
  }
}
