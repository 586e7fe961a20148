// What the dashboard gets about backups and the cluster's task log (backups:info, tasks:cluster, tasks:log).
// Plain data; texts from Proxmox (task log lines, guest names) are untrusted: render as text only.
import type { GuestKind } from './snapshot'
import type { TaskView } from './views'

export interface NewestBackup {
  readonly vmid: number
  /** The newest archive's creation time, epoch seconds. */
  readonly at: number
  readonly storage: string
}

export interface UnreadStorage {
  readonly storage: string
  /** The node it was to be read on; null for a shared storage. */
  readonly node: string | null
  readonly reason: string
}

export interface BackupInfoView {
  readonly clusterId: string
  /** When the storages were read (epoch ms); null when they were not (see `hidden`). */
  readonly readAt: number | null
  /** Why no backup ages can be shown at all (a missing privilege, no answer yet), else null. */
  readonly hidden: string | null
  /** Guests with an archive on a storage that was read. */
  readonly newest: readonly NewestBackup[]
  /** Storages that could not be read: a guest with no archive found is then "not known", never "never". */
  readonly unread: readonly UnreadStorage[]
  /** Guests no backup job covers; null when it could not be asked (see `uncoveredHidden`). */
  readonly uncovered: readonly { readonly vmid: number; readonly kind: GuestKind; readonly name: string | null }[] | null
  readonly uncoveredHidden: string | null
}

/** One guest's last backup in words the UI keeps apart: an age, "never" (every storage read, none found), or "not known". */
export type GuestBackupState =
  | { readonly state: 'found'; readonly at: number; readonly storage: string; readonly partial: boolean }
  | { readonly state: 'never' }
  | { readonly state: 'unknown'; readonly reason: string }

export function guestBackupState(info: BackupInfoView | null, vmid: number): GuestBackupState {
  if (info === null) return { state: 'unknown', reason: 'not read yet' }
  if (info.hidden !== null) return { state: 'unknown', reason: info.hidden }
  const found = info.newest.find((b) => b.vmid === vmid)
  if (found !== undefined) return { state: 'found', at: found.at, storage: found.storage, partial: info.unread.length > 0 }
  if (info.unread.length > 0) return { state: 'unknown', reason: `not every backup storage could be read (${info.unread.map((u) => u.storage).join(', ')})` }
  return { state: 'never' }
}

/** The guests of `vmids` whose last backup is "never" (guestBackupState's rule, for a whole table at once). */
export function neverBackedUp(info: BackupInfoView, vmids: readonly number[]): number[] {
  if (info.hidden !== null || info.unread.length > 0) return []
  const found = new Set(info.newest.map((b) => b.vmid))
  return vmids.filter((v) => !found.has(v))
}

export interface ClusterTasksView {
  readonly tasks: readonly TaskView[]
  /** Without Sys.Audit on /nodes Proxmox lists only the token's own tasks: said, not hidden. */
  readonly onlyOwn: string | null
}

export interface TaskLogView {
  readonly upid: string
  /** Line number (1-based) and text, as Proxmox numbers them. */
  readonly lines: readonly { readonly n: number; readonly t: string }[]
  readonly total: number
}
