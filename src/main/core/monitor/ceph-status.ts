// /cluster/ceph/status → Ceph's health with its checks' summaries, read leniently; and the tracker that says
// when health turns WARN/ERR (or changes between them) and when it is OK again. Like storage-high, a
// condition: said when it starts (also at the first reading) and once when over.
import type { CephCheckView, CephHealth } from '../../../shared/ha-ceph'
import type { MonitorEvent } from '../../../shared/snapshot'
import { isRecord, str } from './lenient'
import type { EventFactory } from './monitor-events'

export interface ParsedCephStatus {
  readonly health: CephHealth
  readonly checks: readonly CephCheckView[]
}

const HEALTHS: readonly CephHealth[] = ['HEALTH_OK', 'HEALTH_WARN', 'HEALTH_ERR']
const asHealth = (v: unknown): CephHealth | null => HEALTHS.find((h) => h === v) ?? null
const RANK: Readonly<Record<CephHealth, number>> = { HEALTH_ERR: 0, HEALTH_WARN: 1, HEALTH_OK: 2 }

/** Throws when there is no health status Ceph would send (malformed: never read as OK). */
export function parseCephStatus(data: unknown): ParsedCephStatus {
  const health = isRecord(data) && isRecord(data.health) ? data.health : null
  const status = asHealth(health?.status)
  if (health === null || status === null) throw new Error('The Ceph status Proxmox sent has no health status.')
  const checks: CephCheckView[] = []
  if (isRecord(health.checks)) {
    for (const [code, c] of Object.entries(health.checks)) {
      if (!isRecord(c)) continue
      const summary = isRecord(c.summary) ? str(c.summary.message) : str(c.summary)
      checks.push({ code, severity: asHealth(c.severity) ?? 'HEALTH_WARN', summary: summary ?? code, muted: c.muted === true || c.muted === 1 })
    }
  }
  checks.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.code.localeCompare(b.code))
  return { health: status, checks }
}

/**
 * Ceph is not there: the node that answered has no Ceph packages or no pveceph configuration (an external
 * Ceph cluster used only as RBD storage). Not an error: the cluster simply shows no Ceph.
 */
export function meansNoCeph(message: string): boolean {
  return /binary not installed|not initialized|ceph is not installed|no such file or directory.*ceph\.conf/i.test(message)
}

export function cephSummary(p: ParsedCephStatus): string {
  const active = p.checks.filter((c) => !c.muted)
  return active.length === 0 ? p.health : `${p.health}: ${active.map((c) => c.summary).join('; ')}`
}

export interface CephTrackContext {
  readonly now: number
  readonly events: MonitorEvent[]
  readonly factory: EventFactory
}

export class CephTracker {
  private announced: CephHealth | null = null

  observe(p: ParsedCephStatus, ctx: CephTrackContext): void {
    if (p.health !== 'HEALTH_OK' && this.announced !== p.health) {
      this.announced = p.health
      const words = p.health === 'HEALTH_ERR' ? 'Ceph reports an error' : 'Ceph reports a warning'
      ctx.events.push(
        ctx.factory.make({
          kind: 'ceph-degraded',
          at: ctx.now,
          severity: p.health === 'HEALTH_ERR' ? 'critical' : 'warning',
          message: `${words}: ${cephSummary(p)}.`,
          detail: p.health
        })
      )
    } else if (p.health === 'HEALTH_OK' && this.announced !== null) {
      const was = this.announced
      this.announced = null
      ctx.events.push(ctx.factory.make({ kind: 'ceph-ok', at: ctx.now, message: `Ceph is healthy again (HEALTH_OK, was ${was}).`, detail: p.health }))
    }
  }
}
