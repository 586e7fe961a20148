// The simulator's node-upkeep types: updates, certificate expiry, replication, subscription (upkeep.ts).
/** One package `apt` would upgrade (or newly install), as `/nodes/{node}/apt/update` lists it. */
export interface SimPackageUpdate {
  package: string
  /** absent: a new package the upgrade pulls in */
  oldVersion?: string
  version: string
  /** default 'Proxmox' */
  origin?: string
  title?: string
  section?: string
}

/** A storage replication job of a guest on this node (pvesr), with the state of its last run. */
export interface SimReplicationJobSpec {
  guest: number
  /** default 0: job id `<guest>-<jobnum>` */
  jobnum?: number
  target: string
  /** default '*\/15' */
  schedule?: string
  /** failures in a row (0: the last run was fine) */
  failCount?: number
  /** pvesr's error text of the last failed run */
  error?: string
  /** seconds ago of the last successful sync; absent: never synced */
  lastSyncAgoSec?: number
  disabled?: boolean
}

export interface SimSubscriptionSpec {
  status: 'new' | 'notfound' | 'active' | 'invalid' | 'expired' | 'suspended'
  /** 'c', 'b', 's', 'p' */
  level?: string
  productname?: string
  /** YYYY-MM-DD */
  nextduedate?: string
}

export interface SimNodeUpkeepSpec {
  updates?: SimPackageUpdate[]
  /** days until pve-ssl.pem expires as certificates/info reports it; default: the listener's real certificate's */
  certificateDaysLeft?: number
  replication?: SimReplicationJobSpec[]
  /** default: from the node's level ('' → notfound, else active) */
  subscription?: SimSubscriptionSpec
}

export interface SimUpkeepControl {
  setUpdates(node: string, updates: readonly SimPackageUpdate[]): void
  /** null: the real certificate's expiry again */
  setCertificateDaysLeft(node: string, days: number | null): void
  setReplication(node: string, jobs: readonly SimReplicationJobSpec[]): void
  setSubscription(node: string, subscription: SimSubscriptionSpec): void
}
