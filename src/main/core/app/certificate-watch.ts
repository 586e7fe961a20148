// Every pinned endpoint's certificate is looked at on a schedule, even while another endpoint answers the
// polls: a node whose certificate changed (renewed, reinstalled, or someone in the middle) would otherwise
// only be noticed at the next failover, when it matters most. A TLS handshake only: nothing is sent.
import type { CertificateMismatch, MonitorEvent } from '../../../shared/snapshot'
import { EventFactory } from '../monitor/monitor-events'

export interface WatchedEndpoint {
  readonly host: string
  readonly port: number
  readonly node: string | null
  readonly fingerprint256: string | null
}

export interface CertificateWatchOptions {
  readonly probe: (host: string, port: number, timeoutMs: number) => Promise<{ readonly fingerprint256: string }>
  readonly now: () => number
  readonly log: (line: string) => void
  /** Between two rounds of checks. Default 5 min. */
  readonly intervalMs?: number
  /** First round after a cluster is watched. Default 3 s. */
  readonly firstDelayMs?: number
  readonly timeoutMs: number
  /** A mismatch appeared (with its one event) or went away (no event). */
  readonly onChange: (clusterId: string, events: readonly MonitorEvent[]) => void
}

interface Watched {
  readonly name: string
  readonly endpoints: readonly WatchedEndpoint[]
  readonly mismatches: Map<string, CertificateMismatch>
  readonly events: MonitorEvent[]
  timer: NodeJS.Timeout | null
  stopped: boolean
}

const keyOf = (e: { host: string; port: number }): string => `${e.host}:${e.port}`

export class CertificateWatch {
  private readonly watched = new Map<string, Watched>()

  constructor(private readonly o: CertificateWatchOptions) {}

  watch(clusterId: string, name: string, endpoints: readonly WatchedEndpoint[]): void {
    // A restart of the cluster (rename, mode) must not raise a known change again: keep what still applies.
    const before = this.watched.get(clusterId)
    this.unwatch(clusterId)
    const mismatches = new Map<string, CertificateMismatch>()
    for (const e of endpoints) {
      const m = before?.mismatches.get(keyOf(e))
      if (m !== undefined && e.fingerprint256 !== null && m.pinned === e.fingerprint256.toUpperCase()) mismatches.set(keyOf(e), m)
    }
    const w: Watched = {
      name,
      endpoints,
      mismatches,
      events: before?.events.filter((ev) => mismatches.size > 0 && ev.kind === 'certificate-changed') ?? [],
      timer: null,
      stopped: false
    }
    this.watched.set(clusterId, w)
    this.schedule(clusterId, w, this.o.firstDelayMs ?? 3000)
  }

  unwatch(clusterId: string): void {
    const w = this.watched.get(clusterId)
    if (w === undefined) return
    w.stopped = true
    if (w.timer !== null) clearTimeout(w.timer)
    this.watched.delete(clusterId)
  }

  mismatches(clusterId: string): readonly CertificateMismatch[] {
    const w = this.watched.get(clusterId)
    return w === undefined || w.mismatches.size === 0 ? [] : [...w.mismatches.values()]
  }

  events(): readonly MonitorEvent[] {
    return [...this.watched.values()].flatMap((w) => w.events)
  }

  stop(): void {
    for (const id of [...this.watched.keys()]) this.unwatch(id)
  }

  /** One round now (tests, "check again"). */
  async checkNow(clusterId: string): Promise<void> {
    const w = this.watched.get(clusterId)
    if (w !== undefined) await this.round(clusterId, w)
  }

  private schedule(clusterId: string, w: Watched, ms: number): void {
    w.timer = setTimeout(() => {
      w.timer = null
      void this.round(clusterId, w).finally(() => {
        if (!w.stopped) this.schedule(clusterId, w, this.o.intervalMs ?? 300_000)
      })
    }, ms)
    // A check must never keep the process alive.
    w.timer.unref()
  }

  private async round(clusterId: string, w: Watched): Promise<void> {
    const fresh: MonitorEvent[] = []
    let changed = false
    await Promise.all(
      w.endpoints.map(async (e) => {
        if (e.fingerprint256 === null) return
        const presented = await this.o.probe(e.host, e.port, this.o.timeoutMs).then(
          (c) => c.fingerprint256.toUpperCase(),
          () => null
        )
        // Not answering is the monitor's business; only a certificate that answers differently is ours.
        if (presented === null || w.stopped) return
        const key = keyOf(e)
        const pinned = e.fingerprint256.toUpperCase()
        if (presented === pinned) {
          changed ||= w.mismatches.delete(key)
          return
        }
        if (w.mismatches.get(key)?.presented === presented) return
        w.mismatches.set(key, { host: e.host, port: e.port, node: e.node, pinned, presented })
        changed = true
        const who = e.node ?? `${e.host}:${e.port}`
        fresh.push(
          new EventFactory(clusterId, w.name).make({
            kind: 'certificate-changed',
            at: this.o.now(),
            node: e.node,
            message:
              `${who} (${e.host}:${e.port}) presents another certificate: pinned ${pinned}, presented ${presented}. Nothing is sent to it. ` +
              'Compare with the node (System → Certificates, or pvenode cert info) and trust the new one in PVE Tray if it is yours.'
          })
        )
      })
    )
    if (w.stopped || (!changed && fresh.length === 0)) return
    if (fresh.length > 0) this.o.log(`certificates: ${fresh.length} endpoint(s) of ${clusterId} present another certificate`)
    w.events.push(...fresh)
    this.o.onChange(clusterId, fresh)
  }
}
