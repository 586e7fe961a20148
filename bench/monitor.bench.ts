// Cluster monitor on a 50-node / 5,000-guest simulated cluster (the simulator's generator):
//  1. HTTP requests per regular poll cycle, real PveClient + ClusterMonitor + simulator (target: 1)
//  2. CPU time of parse + diff per cycle, median of 200 cycles on recorded payloads (target: < 10 ms)
//  3. heap growth after 10,000 parse + diff cycles on recorded payloads (target: < 5 MB)
// Run: npm run bench monitor   (or node --expose-gc --import ./bench/ts-hooks.mjs bench/monitor.bench.ts)   (a missed target fails the run; BENCH_LENIENT=1 only reports it)
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import { ClusterMonitor, monitorApiFromClient, MonitorCore } from '../src/main/core/monitor'
import { PveClient } from '../src/main/core/proxmox'
import { generateCluster, startSimulator } from '../src/main/core/simulator'

// run.mjs may start us without --expose-gc: enable it at run time then.
function getGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc
  if (g) return g
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}
const gc = getGc()

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}
const fmt = (n: number, d = 2): string => n.toFixed(d)
const results: { name: string; value: number; unit: string; target: number; ok: boolean }[] = []
function report(name: string, value: number, unit: string, target: number, lowerIsBetter = true): void {
  const ok = lowerIsBetter ? value <= target : value >= target
  results.push({ name, value, unit, target, ok })
  console.log(`${name}: ${fmt(value)} ${unit} (target ${lowerIsBetter ? '<=' : '>='} ${target} ${unit}) ${ok ? 'OK' : 'MISSED'}`)
}

const spec = generateCluster({ nodes: 50, guests: 5000, seed: 7 })
const sim = await startSimulator({ cluster: spec, statsIntervalMs: 50, offlineAfterMs: 100 })
const client = new PveClient({
  id: 'bench',
  name: 'Bench',
  tokenId: sim.tokens.auditor.id,
  tokenSecret: sim.tokens.auditor.secret,
  endpoints: sim.endpoints.slice(0, 3).map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 }))
})

try {
  // 1. Requests per regular cycle, end to end.
  const monitor = new ClusterMonitor({
    clusterId: 'bench',
    clusterName: 'Bench',
    api: monitorApiFromClient(client),
    intervalMs: 150,
    statusEvery: 6,
    graceMs: 0
  })
  const perCycle: number[] = []
  let prev = -1
  let cycles = 0
  await new Promise<void>((resolve) => {
    monitor.subscribe((snap, _events, info) => {
      const now = sim.requests().length
      if (prev >= 0 && info.kind === 'regular' && !info.fetchedStatus && !info.fetchedTasks) perCycle.push(now - prev)
      prev = now
      if (++cycles === 1) console.log(`first snapshot: ${snap.summary} (${snap.guests.length} guests, ${snap.storage.length} storage items)`)
      if (cycles >= 14) resolve()
    })
    monitor.start()
  })
  monitor.stop()
  console.log(`regular cycles measured: ${perCycle.length}; requests per cycle: ${perCycle.join(', ')}`)
  report('HTTP requests per regular poll cycle (max)', Math.max(...perCycle), 'requests', 1)

  // Record payloads that differ: metrics move (statsIntervalMs 50) and some guests change state.
  const bodies: string[] = []
  for (let i = 0; i < 6; i++) {
    for (let k = 0; k < 20; k++) {
      const g = sim.cluster.guest(100 + (((i * 20 + k) * 37) % 5000))
      if (g && !g.template && !g.lock) sim.cluster.updateGuest(g.vmid, { status: g.status === 'running' ? 'stopped' : 'running' })
    }
    bodies.push(JSON.stringify(await client.clusterResources()))
    await new Promise((r) => setTimeout(r, 60))
  }
  console.log(`recorded ${bodies.length} /cluster/resources payloads, ${fmt(bodies[0]!.length / 1024 / 1024)} MB of JSON each`)

  // 2. CPU per cycle. The target covers the monitor's share: decoded payload → parse, judge, frozen
  // snapshot. JSON decoding of the body happens in the HTTP client and is reported beside it.
  const decoded = bodies.map((b) => JSON.parse(b) as unknown[])
  const alertAll = Array.from({ length: 5000 }, (_, i) => 100 + i)
  const core = new MonitorCore({ clusterId: 'bench', clusterName: 'Bench', graceMs: 0 }, 0)
  core.state.setAlerts(alertAll)
  let t = 1_700_000_000_000
  let confirming = false
  const cycle = (i: number, withJson: boolean): number => {
    const before = process.cpuUsage()
    const resources = withJson ? (JSON.parse(bodies[i % bodies.length]!) as unknown[]) : decoded[i % decoded.length]!
    // Confirming polls carry the task list (as the real scheduler does after a guest-down candidate).
    const out = core.observeSuccess({ resources, status: null, statusError: null, tasks: confirming ? [] : null, endpoint: 'bench:8006' }, (t += 10_000))
    const used = process.cpuUsage(before)
    confirming = out.confirm
    if (out.snapshot.guests.length !== 5000) throw new Error('unexpected snapshot')
    return (used.user + used.system) / 1000
  }
  for (let i = 0; i < 50; i++) cycle(i, false)
  const cpu = Array.from({ length: 200 }, (_, i) => cycle(i, false))
  const cpuJson = Array.from({ length: 200 }, (_, i) => cycle(i, true))
  console.log(`event ring holds ${core.state.ring.list().length} events (bounded)`)
  console.log(`with JSON.parse of the 1.7 MB body: median ${fmt(median(cpuJson))} ms per cycle (info)`)
  report('CPU per cycle, parse + diff + snapshot (median of 200)', median(cpu), 'ms', 10)

  // 3. Heap growth over 10,000 cycles (recorded, decoded payloads: what the monitor itself retains).
  gc()
  gc()
  const heapBefore = process.memoryUsage().heapUsed
  for (let i = 0; i < 10_000; i++) cycle(i, false)
  gc()
  gc()
  const growth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
  report('heap growth after 10,000 cycles', growth, 'MB', 5)
} finally {
  await client.close()
  await sim.close()
}

const missed = results.filter((r) => !r.ok)
// A missed target fails the run (BENCH_LENIENT=1 only reports it, e.g. on a machine known to be loaded).
if (missed.length > 0 && process.env.BENCH_LENIENT !== '1') process.exit(1)
