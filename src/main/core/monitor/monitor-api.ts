// The narrow slice of the Proxmox client the monitor needs. The real PveClient satisfies it
// structurally (see `monitorApiFromClient`), so the judging logic never depends on HTTP details.

import type { FigureReading, ParsedResources } from './parse-resources'

export interface MonitorApi {
  /** GET /cluster/resources (unfiltered): nodes, guests, storage, pools in one request; raw, or read item by item as it was decoded. */
  clusterResources(signal: AbortSignal, opts?: { readonly figures: FigureReading }): Promise<readonly unknown[] | ParsedResources>
  /** GET /cluster/status: quorum and node addresses. */
  clusterStatus(signal: AbortSignal): Promise<readonly unknown[]>
  /** GET /cluster/tasks: recent tasks of all nodes. */
  clusterTasks(signal: AbortSignal): Promise<readonly unknown[]>
  /** `host:port` of the endpoint that answered the last request, if any. */
  readonly lastEndpoint: string | null
}

/** Timers and time, injected so the logic can run on a fake clock. */
export interface MonitorClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: MonitorClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms)
    // A pending poll must never keep a CLI/test process alive on its own.
    t.unref?.()
    return t
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
}
