// Owns one ClusterMonitor per configured cluster (homelabs often have two) and forwards their
// snapshots and events to subscribers as one stream.
import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import { ClusterMonitor, type ClusterMonitorOptions, type CycleInfo } from './cluster-monitor'
import { ALL_FIGURES, type FiguresShown } from './figures-shown'

export type HubListener = (clusterId: string, snapshot: ClusterSnapshot, events: readonly MonitorEvent[], info: CycleInfo) => void

export class MonitorHub {
  private readonly monitors = new Map<string, { monitor: ClusterMonitor; unsubscribe: () => void }>()
  private readonly listeners = new Set<HubListener>()
  private figuresFor: (clusterId: string) => FiguresShown = () => ALL_FIGURES

  /** Adds (or replaces) the monitor of `opts.clusterId` and starts it. */
  add(opts: ClusterMonitorOptions): ClusterMonitor {
    this.remove(opts.clusterId)
    const monitor = new ClusterMonitor(opts)
    const unsubscribe = monitor.subscribe((snap, events, info) => {
      for (const fn of this.listeners) {
        try {
          fn(opts.clusterId, snap, events, info)
        } catch {
          // One failing subscriber must not starve the others.
        }
      }
    })
    this.monitors.set(opts.clusterId, { monitor, unsubscribe })
    monitor.setGuestFigures(this.figuresFor(opts.clusterId))
    monitor.start()
    return monitor
  }

  remove(clusterId: string): void {
    const m = this.monitors.get(clusterId)
    if (!m) return
    m.unsubscribe()
    m.monitor.stop()
    this.monitors.delete(clusterId)
  }

  get(clusterId: string): ClusterMonitor | undefined {
    return this.monitors.get(clusterId)?.monitor
  }

  subscribe(fn: HubListener): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  snapshots(): readonly ClusterSnapshot[] {
    return [...this.monitors.values()].map((m) => m.monitor.snapshot())
  }

  /** Recent events of all clusters, oldest first. */
  events(): readonly MonitorEvent[] {
    return [...this.monitors.values()].flatMap((m) => m.monitor.events()).sort((a, b) => a.at - b.at)
  }

  async refreshNow(clusterId?: string): Promise<void> {
    const targets = clusterId ? [this.get(clusterId)] : [...this.monitors.values()].map((m) => m.monitor)
    await Promise.all(targets.flatMap((m) => (m ? [m.refreshNow()] : [])))
  }

  /** Which guests' moving figures each cluster's snapshot shows (see figures-shown.ts); asked again for clusters added later. */
  setGuestFigures(figuresFor: (clusterId: string) => FiguresShown): void {
    this.figuresFor = figuresFor
    for (const [id, m] of this.monitors) m.monitor.setGuestFigures(figuresFor(id))
  }

  suspendAll(): void {
    for (const m of this.monitors.values()) m.monitor.suspend()
  }

  resumeAll(): void {
    for (const m of this.monitors.values()) m.monitor.resume()
  }

  stopAll(): void {
    for (const id of [...this.monitors.keys()]) this.remove(id)
  }
}
