// The node upkeep in words, for the node page and the overview card alike (pure: tested under Node).
// Unknown is said as unknown with its reason, never as "up to date" or "valid".
import {
  type CertificateFact,
  certificateStage,
  daysLeft,
  type NotKnown,
  type ReplicationFact,
  replicationFailing,
  type SubscriptionFact,
  subscriptionProblem,
  type UpdatesFact
} from '@shared/upkeep'

export type Tone = 'ok' | 'warning' | 'error' | 'muted'

export interface Line {
  readonly text: string
  readonly tone: Tone
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** "Hidden: the API token lacks …" / "Not known: the node did not answer" */
export function reasonLine(f: NotKnown): Line {
  return { text: f.reason.charAt(0).toUpperCase() + f.reason.slice(1) + '.', tone: 'muted' }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function updatesLine(f: UpdatesFact): Line {
  if (!f.known) return reasonLine(f)
  if (f.packages.length === 0) return { text: 'No updates waiting (as of the last check).', tone: 'ok' }
  return { text: `${plural(f.packages.length, 'update')} available.`, tone: 'warning' }
}

/** The overview card's count: a number, or null when not known (never "0"). */
export function updatesCount(f: UpdatesFact): number | null {
  return f.known ? f.packages.length : null
}

export function certificateLine(f: CertificateFact, now: number): Line {
  if (!f.known) return reasonLine(f)
  const stage = certificateStage(f.notAfter, now)
  const left = daysLeft(f.notAfter, now)
  if (stage === 'expired') return { text: `${f.filename} expired on ${isoDay(f.notAfter)}.`, tone: 'error' }
  const when = left < 1 ? 'within a day' : `in ${plural(left, 'day')}`
  return { text: `${f.filename} expires on ${isoDay(f.notAfter)} (${when}).`, tone: stage === 'ok' ? 'ok' : 'warning' }
}

/** Short words for the overview card, or null when there is nothing to flag. */
export function certificateFlag(f: CertificateFact, now: number): string | null {
  if (!f.known) return null
  const stage = certificateStage(f.notAfter, now)
  if (stage === 'ok') return null
  return stage === 'expired' ? 'certificate expired' : `certificate expires in ${plural(Math.max(0, daysLeft(f.notAfter, now)), 'day')}`
}

export function replicationLine(f: ReplicationFact): Line {
  if (!f.known) return reasonLine(f)
  if (f.jobs.length === 0) return { text: 'No replication jobs run from this node.', tone: 'muted' }
  const failing = f.jobs.filter(replicationFailing).length
  if (failing > 0) return { text: `${plural(failing, 'replication job')} failing of ${f.jobs.length}.`, tone: 'error' }
  return { text: `${plural(f.jobs.length, 'replication job')}, none failing.`, tone: 'ok' }
}

export function failingJobs(f: ReplicationFact): number {
  return f.known ? f.jobs.filter(replicationFailing).length : 0
}

const LEVELS: Readonly<Record<string, string>> = { c: 'Community', b: 'Basic', s: 'Standard', p: 'Premium' }

/** `notfound` (no subscription: community use) is said neutrally; expired/invalid/suspended is a quiet line, not an alarm. */
export function subscriptionLine(f: SubscriptionFact): Line {
  if (!f.known) return reasonLine(f)
  const level = f.level !== null ? (LEVELS[f.level] ?? f.level) : null
  const due = f.nextDueDate !== null ? `, next due ${f.nextDueDate}` : ''
  if (f.status === 'notfound') return { text: 'No subscription key (community use).', tone: 'muted' }
  if (f.status === 'active') return { text: `${level ?? 'A'} subscription, active${due}.`, tone: 'muted' }
  if (f.status === 'new') return { text: 'Subscription key entered, not yet checked by Proxmox.', tone: 'muted' }
  const what = level !== null ? `${level} subscription` : 'Subscription'
  return { text: `${what} ${f.status}${due}.`, tone: subscriptionProblem(f.status) ? 'warning' : 'muted' }
}
