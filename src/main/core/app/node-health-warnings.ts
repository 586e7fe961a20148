// The findings of a health report that need a person's attention, in words. Only what was measured can
// warn: a probe that failed is reported as "could not be checked" by the view, never as fine.
import { ROOT_FULL_PERCENT } from '../../../shared/node-health-limits'
import type { NodeHealthReport } from '../../../shared/views'

const SERVICE_ROLE: Readonly<Record<string, string>> = {
  pveproxy: 'the web interface and the API of this node do not answer',
  pvedaemon: 'the API cannot carry out privileged actions on this node',
  'pve-cluster': 'the cluster file system (/etc/pve) is not available on this node',
  corosync: 'this node is not taking part in the cluster membership'
}

export function healthWarnings(r: Omit<NodeHealthReport, 'warnings'>): string[] {
  const out: string[] = []
  for (const t of r.temperatures.value ?? []) {
    const c = t.celsius.toFixed(0)
    if (t.critical !== null && t.celsius >= t.critical) out.push(`${t.sensor} is at ${c} °C, at or above its critical limit of ${t.critical.toFixed(0)} °C.`)
    else if (t.high !== null && t.celsius >= t.high) out.push(`${t.sensor} is at ${c} °C, above its high limit of ${t.high.toFixed(0)} °C.`)
  }
  const problems = r.zfsProblems.value ?? []
  for (const p of r.zpools.value ?? []) {
    if (p.health === 'ONLINE') continue
    const why = problems.find((x) => x.pool === p.name)?.status
    out.push(`ZFS pool ${p.name} is ${p.health}${why ? `: ${why}` : '.'}`)
  }
  for (const p of problems) {
    if ((r.zpools.value ?? []).some((x) => x.name === p.pool && x.health !== 'ONLINE')) continue
    out.push(`ZFS pool ${p.pool} reports a problem${p.state ? ` (${p.state})` : ''}${p.status ? `: ${p.status}` : '.'}`)
  }
  const fs = r.rootfs.value
  if (fs !== null && fs.usedPercent >= ROOT_FULL_PERCENT) out.push(`The root file system is ${fs.usedPercent}% full.`)
  for (const s of r.services.value ?? []) {
    if (s.state === 'active') continue
    out.push(`${s.unit} is ${s.state}: ${SERVICE_ROLE[s.unit] ?? 'it should be running on a Proxmox VE node'}.`)
  }
  return out
}
