// One cached `/access/permissions` per running cluster, for both the snapshot's buttons and the click path
// (so the two never disagree). Read when the cluster starts, again when it is older than the refresh time
// (a grant made in Proxmox later shows without a restart), and at once after Proxmox refused an action (403).
// A changed token or endpoint starts a new runtime cluster, hence a new cache.
import type { Permissions } from './privileges'

/** A grant changed in Proxmox is seen within this time. */
export const PERMISSIONS_REFRESH_MS = 5 * 60_000
/** After a failed read (cluster unreachable), no new one before this: the snapshot asks per guest. */
const RETRY_AFTER_FAILURE_MS = 30_000

export interface PermissionsCache {
  /** What was read last, or null before the first answer (the server then decides). Starts a refresh when old. */
  current(): Permissions | null
  /** The permissions, read again when old or marked stale; null when Proxmox cannot be asked now. */
  get(): Promise<Permissions | null>
  /** Proxmox refused an action (403): read again before the next decision. */
  invalidate(): void
}

export function createPermissionsCache(read: () => Promise<Permissions>, now: () => number, onChange: () => void = () => undefined): PermissionsCache {
  let perms: Permissions | null = null
  let readAt = -Infinity
  let inFlight: Promise<Permissions | null> | null = null
  let failedAt = -Infinity
  /** Bumped by invalidate(): a read started before a refusal may predate the grant change. */
  let generation = 0

  function refresh(): Promise<Permissions | null> {
    const started = generation
    inFlight ??= read().then(
      (p) => {
        perms = p
        // Invalidated while in flight: keep the answer, but read again before the next decision.
        readAt = started === generation ? now() : -Infinity
        inFlight = null
        onChange()
        return p
      },
      () => {
        inFlight = null
        failedAt = now()
        return null
      }
    )
    return inFlight
  }
  const old = (): boolean => now() - readAt >= PERMISSIONS_REFRESH_MS

  return {
    current() {
      if (old() && now() - failedAt >= RETRY_AFTER_FAILURE_MS) void refresh()
      return perms
    },
    async get() {
      if (!old() && perms !== null) return perms
      // Just failed (unreachable): a bulk check or a burst of clicks must not wait out one timeout each.
      if (inFlight === null && now() - failedAt < RETRY_AFTER_FAILURE_MS) return perms
      return (await refresh()) ?? perms
    },
    invalidate() {
      generation++
      readAt = -Infinity
      failedAt = -Infinity
    }
  }
}
