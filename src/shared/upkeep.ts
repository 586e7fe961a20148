// What main knows of each node's upkeep: updates available, the certificate's expiry, replication jobs and the
// subscription. Read rarely and on demand (never by the poll), so each fact says when it was read, and a fact
// that could not be read says why ("not known"), never "up to date" or "valid".

/** A fact that was not read: the privilege the token lacks (`hidden`), the node offline, an error, not yet asked. */
export interface NotKnown {
  readonly known: false
  /** In words, starting lower case: "hidden: the API token lacks Sys.Modify on /nodes/pve-a". */
  readonly reason: string
  /** A missing privilege: the feature is hidden with this reason (not an error). */
  readonly hidden: boolean
  readonly checkedAt: number | null
}

export type Fact<T> = ({ readonly known: true; readonly checkedAt: number } & T) | NotKnown

export interface PackageUpdate {
  readonly name: string
  /** Installed version; null for a package the update would newly install. */
  readonly oldVersion: string | null
  readonly newVersion: string
  readonly origin: string | null
}

export type UpdatesFact = Fact<{ readonly packages: readonly PackageUpdate[] }>

/** The certificate the node's pveproxy presents (pveproxy-ssl.pem when there is one, else pve-ssl.pem). */
export type CertificateFact = Fact<{
  readonly filename: string
  /** Epoch ms. */
  readonly notAfter: number
  readonly subject: string | null
  readonly issuer: string | null
  readonly fingerprint: string | null
}>

export interface ReplicationJob {
  readonly id: string
  readonly guest: number | null
  readonly target: string | null
  /** Epoch ms of the last successful sync; null: never synced. */
  readonly lastSync: number | null
  readonly failCount: number
  /** Proxmox's error text of the last failed run. */
  readonly error: string | null
  readonly disabled: boolean
}

export type ReplicationFact = Fact<{ readonly jobs: readonly ReplicationJob[] }>

/** Proxmox's words (schema enum); anything else is kept as said. */
export type SubscriptionStatus = 'new' | 'notfound' | 'active' | 'invalid' | 'expired' | 'suspended' | (string & {})

export type SubscriptionFact = Fact<{
  readonly status: SubscriptionStatus
  /** Null when not shown to this token (Sys.Audit on /nodes/<node>) or no subscription. */
  readonly level: string | null
  readonly productName: string | null
  readonly nextDueDate: string | null
  readonly message: string | null
}>

export interface NodeUpkeep {
  readonly node: string
  readonly updates: UpdatesFact
  readonly certificate: CertificateFact
  readonly replication: ReplicationFact
  readonly subscription: SubscriptionFact
}

export interface ClusterUpkeep {
  readonly clusterId: string
  readonly nodes: readonly NodeUpkeep[]
  /** A check asked for with upkeep:check still running. */
  readonly checking: boolean
}

const DAY_MS = 86_400_000

/** 30 and 7 days before expiry: one notification each; after it, the expired state. */
export const CERTIFICATE_WARN_DAYS = [30, 7] as const

export type CertificateStage = 'ok' | 'within-30-days' | 'within-7-days' | 'expired'

export function certificateStage(notAfter: number, now: number): CertificateStage {
  const left = notAfter - now
  if (left <= 0) return 'expired'
  if (left <= CERTIFICATE_WARN_DAYS[1] * DAY_MS) return 'within-7-days'
  if (left <= CERTIFICATE_WARN_DAYS[0] * DAY_MS) return 'within-30-days'
  return 'ok'
}

/** Whole days left, rounded down ("expires in 6 days" for 6.9). */
export function daysLeft(notAfter: number, now: number): number {
  return Math.floor((notAfter - now) / DAY_MS)
}

/** A job whose last run failed (Proxmox counts the failures in a row; a success resets it). */
export const replicationFailing = (j: ReplicationJob): boolean => j.failCount > 0 || j.error !== null

/** Only these are worth a (quiet) line: `notfound` is a community node, said neutrally; `active` is fine. */
export function subscriptionProblem(status: SubscriptionStatus): boolean {
  return status === 'expired' || status === 'invalid' || status === 'suspended'
}
