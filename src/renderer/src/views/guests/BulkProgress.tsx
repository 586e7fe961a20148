// A bulk run, guest by guest: queued → sending → running → OK, failed with Proxmox's reason, or "not known"
// (the request got no answer: it may have been carried out), and a summary line. The rest that was not
// sent yet can be cancelled; what was sent runs on.
import { ACTION_WORDS } from '@shared/action-words'
import type { BulkQueued } from '@shared/bulk-actions'
import type { TaskProgress } from '@shared/views'

import { plainReason } from '../../lib/plain-reason'
import { type BulkItemPhase, type BulkRunHandle, itemPhase, runEnded } from './use-bulk-run'

function itemText(phase: BulkItemPhase, p: TaskProgress | undefined, ing: string): string {
  const reason = p?.message == null ? null : plainReason(p.message).text
  switch (phase) {
    case 'queued':
      return 'Queued'
    case 'cancelled':
      return 'Cancelled: not sent'
    case 'pending':
      return 'Sending…'
    case 'running':
      return `${ing}…`
    case 'checking':
      return 'Not known yet: the request got no answer, checking what happened…'
    case 'ok':
      return p?.exitStatus == null || p.exitStatus === 'OK' ? 'OK' : `OK: ${p.exitStatus}`
    case 'failed':
      return `Failed: ${p?.exitStatus ?? reason ?? 'no reason given'}`
    case 'unknown':
      return `Not known: ${reason?.replace(/^Outcome unknown: /, '') ?? 'check the guest before sending it again'}`
  }
}

const kindWord = (k: BulkQueued['kind']): string => (k === 'qemu' ? 'VM' : 'CT')

const SUMMARY_ORDER: readonly [BulkItemPhase, string][] = [
  ['ok', 'OK'],
  ['failed', 'failed'],
  ['unknown', 'not known'],
  ['checking', 'being checked'],
  ['running', 'running'],
  ['pending', 'sending'],
  ['queued', 'queued'],
  ['cancelled', 'cancelled']
]

export interface BulkProgressProps {
  readonly bulk: BulkRunHandle
  readonly nameOf: (clusterId: string, vmid: number) => string
}

export function BulkProgress({ bulk, nameOf }: BulkProgressProps): React.JSX.Element | null {
  const { run, progress } = bulk
  if (run === null) return null
  const words = ACTION_WORDS[run.action]
  const queued: readonly BulkQueued[] = run.result?.queued ?? []
  const phases = queued.map((q) => itemPhase(run, progress, q.actionId))
  const counts = new Map<BulkItemPhase, number>()
  for (const ph of phases) counts.set(ph, (counts.get(ph) ?? 0) + 1)
  const skipped = run.result?.skipped ?? []
  const parts = SUMMARY_ORDER.filter(([ph]) => (counts.get(ph) ?? 0) > 0).map(([ph, w]) => `${counts.get(ph)} ${w}`)
  if (skipped.length > 0) parts.push(`${skipped.length} not sent`)
  const ended = runEnded(run, progress)
  const summary = run.error !== null ? `Nothing was sent: ${plainReason(run.error).text}` : run.result === null ? 'Sending the request…' : parts.join(', ')
  return (
    <section className="bulk-progress" aria-labelledby="bulk-progress-title" data-testid="bulk-progress" data-ended={ended}>
      <div className="bulk-progress-head">
        <h2 id="bulk-progress-title">{`${words.label}: ${queued.length} guest${queued.length === 1 ? '' : 's'}${ended ? ', done' : ''}`}</h2>
        <span className="bulk-summary" data-testid="bulk-summary" role="status">
          {summary}
        </span>
        {!ended && (counts.get('queued') ?? 0) > 0 ? (
          <button type="button" className="btn btn-small" onClick={() => void bulk.cancelRest()}>
            Cancel the rest
          </button>
        ) : null}
        {ended ? (
          <button type="button" className="btn btn-small" onClick={bulk.close}>
            Close
          </button>
        ) : null}
      </div>
      <ul className="bulk-items" tabIndex={0} aria-label={`Progress of each guest`}>
        {queued.map((q, i) => {
          const phase = phases[i] ?? 'queued'
          const p = progress.get(q.actionId)
          const details = p?.message == null ? undefined : (plainReason(p.message).details ?? undefined)
          return (
            <li key={q.actionId} data-testid="bulk-item" data-vmid={q.vmid} data-phase={phase} className={`bulk-item bulk-${phase}`} title={details}>
              <span className="bulk-name">{nameOf(q.clusterId, q.vmid)}</span> <span className="bulk-meta">{`${kindWord(q.kind)} ${q.vmid} on ${q.node}`}</span>{' '}
              <span className="bulk-phase">{itemText(phase, p, words.ing)}</span>
            </li>
          )
        })}
        {skipped.map((s) => (
          <li key={`skip-${s.clusterId}/${s.vmid}`} data-testid="bulk-item" data-vmid={s.vmid} data-phase="skipped" className="bulk-item bulk-skipped">
            <span className="bulk-name">{nameOf(s.clusterId, s.vmid)}</span> <span className="bulk-meta">{`${kindWord(s.kind)} ${s.vmid} on ${s.node}`}</span>{' '}
            <span className="bulk-phase">{`Not sent: ${plainReason(s.reason).text}`}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
