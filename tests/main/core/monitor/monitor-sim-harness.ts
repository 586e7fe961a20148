// Starts the real simulator and a real PveClient + ClusterMonitor on it, records every published
// snapshot/event and how many HTTP requests the simulator had received at that moment.
import { ClusterMonitor, type ClusterMonitorOptions, type CycleInfo, monitorApiFromClient } from '../../../../src/main/core/monitor'
import { PveClient } from '../../../../src/main/core/proxmox'
import { type SimClusterSpec, type SimToken, type Simulator, type SimulatorOptions, startSimulator } from '../../../../src/main/core/simulator'
import type { ClusterSnapshot, MonitorEvent, MonitorEventKind } from '../../../../src/shared/snapshot'

const GiB = 1024 ** 3

export function smallCluster(): SimClusterSpec {
  const node = (name: string) => ({ name, level: 'c', maxcpu: 8, maxmem: 64 * GiB, maxdisk: 100 * GiB })
  const guest = (vmid: number, type: 'qemu' | 'lxc', node: string, name: string) => ({
    vmid,
    type,
    node,
    name,
    status: 'running' as const,
    maxcpu: 2,
    maxmem: 2 * GiB,
    maxdisk: 10 * GiB
  })
  return {
    name: 'itest',
    nodes: [node('pve-a'), node('pve-b'), node('pve-c')],
    guests: [guest(100, 'qemu', 'pve-a', 'web'), guest(101, 'qemu', 'pve-b', 'db'), guest(102, 'lxc', 'pve-c', 'dns'), guest(103, 'lxc', 'pve-b', 'cache')],
    storages: [{ storage: 'local', plugintype: 'dir', content: 'images,rootdir', shared: false, maxdisk: 100 * GiB, used: 0.3 }],
    pools: [],
    tasks: [{ node: 'pve-b', type: 'vzdump', id: '103', user: 'root@pam', agoSec: 0, durationSec: 1, exitstatus: 'OK' }]
  }
}

export interface Cycle {
  readonly snapshot: ClusterSnapshot
  readonly events: readonly MonitorEvent[]
  readonly info: CycleInfo
  /** Simulator requests received when this cycle was published. */
  readonly requests: number
  readonly at: number
}

export interface Harness {
  readonly sim: Simulator
  readonly client: PveClient
  readonly monitor: ClusterMonitor
  readonly cycles: Cycle[]
  events(kind?: MonitorEventKind): MonitorEvent[]
  /** Resolves when `pred` holds for a published cycle (checked after each cycle), else rejects after `ms`. */
  waitFor(pred: () => boolean, ms?: number, what?: string): Promise<void>
  /** Resolves after `n` more cycles have been published. */
  cyclesMore(n: number): Promise<void>
  close(): Promise<void>
}

export async function startHarness(
  o: { sim?: SimulatorOptions; monitor?: Partial<ClusterMonitorOptions>; token?: (sim: Simulator) => SimToken } = {}
): Promise<Harness> {
  // pvestatd rounds of 100 ms: these tests judge changes, not the list's lag.
  const sim = await startSimulator({ cluster: smallCluster(), offlineAfterMs: 100, authDelayMs: 200, taskDurationMs: 100, statsIntervalMs: 100, ...o.sim })
  const token = o.token ? o.token(sim) : sim.tokens.admin
  const client = new PveClient({
    id: 'itest',
    name: 'Integration',
    tokenId: token.id,
    tokenSecret: token.secret,
    endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
    connectTimeoutMs: 1000,
    responseTimeoutMs: 3000
  })
  const monitor = new ClusterMonitor({
    clusterId: 'itest',
    clusterName: 'Integration',
    api: monitorApiFromClient(client),
    intervalMs: 250,
    confirmDelayMs: 100,
    graceMs: 0,
    authBackoffMaxMs: 500,
    ...o.monitor
  })
  const cycles: Cycle[] = []
  const waiters = new Set<() => void>()
  monitor.subscribe((snapshot, events, info) => {
    cycles.push({ snapshot, events, info, requests: sim.requests().length, at: Date.now() })
    for (const w of [...waiters]) w()
  })
  monitor.start()
  const h: Harness = {
    sim,
    client,
    monitor,
    cycles,
    events: (kind) => cycles.flatMap((c) => c.events).filter((e) => kind === undefined || e.kind === kind),
    waitFor: (pred, ms = 8000, what = 'condition') =>
      new Promise<void>((resolve, reject) => {
        if (pred()) return resolve()
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(
            new Error(
              `timed out waiting for ${what}; events: ${h
                .events()
                .map((e) => e.kind)
                .join(', ')}`
            )
          )
        }, ms)
        const check = (): void => {
          if (!pred()) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
      }),
    cyclesMore: (n) => {
      const target = cycles.length + n
      return h.waitFor(() => cycles.length >= target, 10_000, `${n} more cycles`)
    },
    close: async () => {
      monitor.stop()
      await client.close()
      await sim.close()
    }
  }
  return h
}

export const last = (h: Harness): ClusterSnapshot => {
  const c = h.cycles[h.cycles.length - 1]
  if (!c) throw new Error('no cycle yet')
  return c.snapshot
}
