// What a fresh upkeep read is worth telling: a certificate entering its 30-day, 7-day or expired stage (once per
// stage per certificate while the app runs; a renewed certificate has another fingerprint and starts over), and
// a replication job that started failing (once per failure streak; a success ends the streak). Updates and the
// subscription are never events: they are shown where the user looks, quietly.
import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import { type CertificateFact, certificateStage, daysLeft, type ReplicationFact, replicationFailing } from '../../../shared/upkeep'
import { type EventInput, formatDuration, guestLabel } from '../monitor/monitor-events'

/** Makes one event (the watch's factory, ids marked as the upkeep's own). */
export interface EventMaker {
  make(e: EventInput): MonitorEvent
}

/** Remembered across rounds and cluster restarts for the whole run (in memory: see the README of this folder). */
export interface UpkeepMemory {
  /** `${clusterId}/${node}/${certificate}/${stage}` already told. */
  readonly certificateStages: Set<string>
  /** `${clusterId}/${node}/${jobId}` failing at the last read. */
  readonly failingJobs: Set<string>
}

const STAGES = ['within-30-days', 'within-7-days', 'expired'] as const

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

export function certificateEvents(
  mem: UpkeepMemory,
  f: EventMaker,
  c: { clusterId: string; node: string; fact: CertificateFact; now: number }
): MonitorEvent[] {
  if (!c.fact.known) return []
  const stage = certificateStage(c.fact.notAfter, c.now)
  if (stage === 'ok') return []
  const cert = c.fact.fingerprint ?? String(c.fact.notAfter)
  const key = (s: string): string => `${c.clusterId}/${c.node}/${cert}/${s}`
  if (mem.certificateStages.has(key(stage))) return []
  // Seen first at a later stage: the earlier ones are past, not to be told after it.
  for (const s of STAGES.slice(0, STAGES.indexOf(stage) + 1)) mem.certificateStages.add(key(s))
  const which = `The certificate of ${c.node} (${c.fact.filename})`
  const renew = 'Renew it on the node (System → Certificates, or ACME); PVE Tray will then show the new certificate for you to trust.'
  const left = daysLeft(c.fact.notAfter, c.now)
  const message =
    stage === 'expired'
      ? `${which} expired on ${isoDay(c.fact.notAfter)}: browsers and clients that check it refuse the node. ${renew}`
      : `${which} expires ${left < 1 ? 'within a day' : `in ${left} day${left === 1 ? '' : 's'}`}, on ${isoDay(c.fact.notAfter)}. ${renew}`
  return [f.make({ kind: 'certificate-expiring', at: c.now, node: c.node, message, severity: stage === 'expired' ? 'critical' : 'warning' })]
}

export function replicationEvents(
  mem: UpkeepMemory,
  f: EventMaker,
  c: { clusterId: string; node: string; fact: ReplicationFact; now: number; snapshot: ClusterSnapshot | null }
): MonitorEvent[] {
  if (!c.fact.known) return []
  const out: MonitorEvent[] = []
  const prefix = `${c.clusterId}/${c.node}/`
  const failingNow = new Set<string>()
  for (const j of c.fact.jobs) {
    if (!replicationFailing(j)) continue
    const key = `${prefix}${j.id}`
    failingNow.add(key)
    if (mem.failingJobs.has(key)) continue
    const g = j.guest === null ? undefined : c.snapshot?.guests.find((x) => x.vmid === j.guest)
    const guest = g === undefined ? null : { vmid: g.vmid, kind: g.kind, name: g.name }
    const what = guest !== null ? guestLabel(guest) : `guest ${j.guest ?? j.id}`
    const since = j.lastSync === null ? 'it has never synced' : `last successful sync ${formatDuration(c.now - j.lastSync)} ago`
    const times = j.failCount > 1 ? ` ${j.failCount} times in a row` : ''
    out.push(
      f.make({
        kind: 'replication-failed',
        at: c.now,
        node: c.node,
        guest,
        message: `Replication job ${j.id} of ${what} from ${c.node} to ${j.target ?? 'its target'} failed${times}; ${since}.`,
        detail: j.error
      })
    )
  }
  // A job that is fine again (or gone) ends its streak: a later failure is told again.
  for (const k of [...mem.failingJobs]) if (k.startsWith(prefix) && !failingNow.has(k)) mem.failingJobs.delete(k)
  for (const k of failingNow) mem.failingJobs.add(k)
  return out
}
