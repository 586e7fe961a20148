// The measured process of bench/app-poll.bench.ts: the app core as the Electron main process runs it
// (settings and vault on disk, REST client over HTTPS to a simulator in another process, monitor,
// snapshot, state delta, tray status and menu model), and nothing else. Prints one JSON line of figures.
//   node --import bench/ts-hooks.mjs bench/support/app-process.ts '<Scenario JSON>'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { serialize } from 'node:v8'

import { type AppCore, createAppCore } from '../../src/main/core'
import { tuneMainProcessHeap } from '../../src/main/core/app/heap-tuning'
import { createJsonFileSettingsStore } from '../../src/main/core/settings/json-file-settings-store'
import { createTrayPresenter } from '../../src/main/core/tray/tray-presenter'
import { createEncryptedVault } from '../../src/main/core/vault/encrypted-vault'
import { createJsonFileRecordStore, createKeyFileCipherBackend } from '../../src/main/core/vault/key-file-backend'
import { type SimChild, startSimChild } from './sim-child'

export interface Scenario {
  /** 'demo': no cluster configured, the built-in demo runs in this process as in the app. */
  readonly kind: 'cluster' | 'demo'
  readonly nodes?: number
  readonly guests?: number
  /** null: the settings' default interval (10 s). */
  readonly pollIntervalMs: number | null
  readonly warmupMs: number
  readonly measureMs: number
  /** CPU per poll is the median over windows of this length (one GC-heavy window does not decide it). */
  readonly windowMs?: number
  /** Measure the longest event-loop stall (costs a 10 ms timer). */
  readonly measureStall?: boolean
  /**
   * A dashboard is open: state deltas are computed and serialised as Electron's IPC does (V8's value serializer).
   * 'screen': on the guests view in its default order, it shows (guests:show-figures) the figures of the rows on
   * screen and their margins, as the renderer declares them; 'all': sorted by a figure, it shows every guest's.
   */
  readonly dashboard?: 'screen' | 'all'
  /** Flip a few guests' power state this often (state changes of a live cluster). */
  readonly churnEveryMs?: number
}

export interface Figures {
  readonly polls: number
  /** Median over the windows of (CPU time / polls). */
  readonly cpuPerPollMedianMs: number
  readonly cpuMs: number
  readonly wallMs: number
  readonly cpuPerPollMs: number
  readonly cpuPercent: number
  readonly maxStallMs: number
  readonly rssMB: number
  readonly bytesPerPoll: number
  readonly menuRebuilds: number
  readonly guests: number
  readonly deltaBytesPerPoll: number
  /** Live heap after a full collection (what the app keeps), when the process runs with --expose-gc. */
  readonly heapMB: number | null
}

function heapAfterGc(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) return null
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

const SCREEN_ROWS = 130

// As the app's entry does, first.
tuneMainProcessHeap()
const scenario = JSON.parse(process.argv[2] ?? '{}') as Scenario
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function until(fn: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!fn()) {
    if (Date.now() > end) throw new Error('the app did not show the cluster in time')
    await sleep(50)
  }
}

const dir = mkdtempSync(join(tmpdir(), 'pvetray-bench-'))
let sim: SimChild | null = null
let core: AppCore | null = null
try {
  const interval = scenario.pollIntervalMs
  if (scenario.kind === 'cluster') {
    sim = await startSimChild({ nodes: scenario.nodes ?? 3, guests: scenario.guests ?? 30, statsIntervalMs: interval ?? 10_000 })
  }
  core = createAppCore({
    settingsStore: createJsonFileSettingsStore(join(dir, 'settings.json')),
    vault: createEncryptedVault(createKeyFileCipherBackend(join(dir, 'vault.key')), createJsonFileRecordStore(join(dir, 'secrets.json'))),
    platform: { openExternal: async () => undefined, setStartAtLogin: async () => undefined },
    ...(interval === null ? {} : { timings: { taskPollMs: 1000, pollIntervalMs: interval, connectTimeoutMs: 10_000 } })
  })
  // The tray, as the glue runs it on every state change (the native menu is rebuilt when `rebuild` is set).
  const presenter = createTrayPresenter(Date.now)
  let menuRebuilds = 0
  core.on('state:changed', (s) => {
    if (presenter.render(s).rebuild !== null) menuRebuilds++
  })
  core.on('task:progress', (p) => presenter.trackTask(p))
  let deltaBytes = 0
  if (scenario.dashboard !== undefined) core.on('state:delta', (d) => void (deltaBytes += serialize(d).length))
  if (sim !== null) {
    // Configured before start, as when the app starts with a saved cluster: the demo never runs.
    const info = sim.info
    const r = await core.dispatch('settings:save-cluster', {
      name: 'Bench',
      mode: 'control',
      tokenId: info.tokenId,
      tokenSecret: info.tokenSecret,
      endpoints: info.endpoints.slice(0, 3).map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 }))
    })
    if (!r.ok) throw new Error(r.error.message)
  }
  await core.start()
  const c = core
  await until(() => (c.getState().clusters[0]?.guests.length ?? 0) > 0, 60_000)
  if (scenario.dashboard === 'screen') {
    const cluster = c.getState().clusters[0]
    // The guests view sorted by VMID: ~35 rows on a 1080p screen, the virtualizer's overscan and 40 rows either side.
    const onScreen = (cluster?.guests ?? []).slice(0, SCREEN_ROWS).map((g) => ({ clusterId: cluster?.clusterId ?? '', vmid: g.vmid }))
    const r = await c.dispatch('guests:show-figures', { all: false, guests: onScreen })
    if (!r.ok) throw new Error(r.error.message)
  }
  await sleep(scenario.warmupMs)

  const guests = c.getState().clusters[0]?.guests.length ?? 0
  const before = sim === null ? { bytes: 0, resources: 0 } : await sim.stats()
  // The delay monitor is a timer of its own (a wake-up every 10 ms): on only where a stall is measured, or it
  // would be most of an idle app's CPU.
  const delay = monitorEventLoopDelay({ resolution: 10 })
  const rebuildsBefore = menuRebuilds
  // The deltas of the measured polls only (not the first whole-state one, nor the warm-up's).
  const deltaBytesBefore = deltaBytes
  if (scenario.measureStall === true) delay.enable()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const churn = scenario.churnEveryMs === undefined || sim === null ? null : setInterval(() => void sim?.churn(), scenario.churnEveryMs)
  const perWindow: number[] = []
  const windowMs = scenario.windowMs ?? scenario.measureMs
  let mark = { cpu: process.cpuUsage(), stats: before }
  while (performance.now() - t0 < scenario.measureMs - windowMs / 2) {
    await sleep(windowMs)
    const stats = sim === null ? before : await sim.stats()
    const cpu = process.cpuUsage(mark.cpu)
    const polls = stats.resources - mark.stats.resources
    if (polls > 0) perWindow.push((cpu.user + cpu.system) / 1000 / polls)
    mark = { cpu: process.cpuUsage(), stats }
  }
  if (churn !== null) clearInterval(churn)
  const used = process.cpuUsage(cpu0)
  const wallMs = performance.now() - t0
  delay.disable()
  const after = sim === null ? { bytes: 0, resources: 0 } : await sim.stats()
  const polls = after.resources - before.resources
  const cpuMs = (used.user + used.system) / 1000
  const sorted = [...perWindow].sort((a, b) => a - b)
  const figures: Figures = {
    polls,
    cpuPerPollMedianMs: sorted.length === 0 ? NaN : (sorted[Math.floor(sorted.length / 2)] ?? NaN),
    cpuMs,
    wallMs,
    cpuPerPollMs: polls > 0 ? cpuMs / polls : NaN,
    cpuPercent: (cpuMs / wallMs) * 100,
    maxStallMs: scenario.measureStall === true ? delay.max / 1e6 : NaN,
    rssMB: process.memoryUsage().rss / 1024 / 1024,
    bytesPerPoll: polls > 0 ? (after.bytes - before.bytes) / polls : NaN,
    menuRebuilds: menuRebuilds - rebuildsBefore,
    guests,
    deltaBytesPerPoll: polls > 0 ? (deltaBytes - deltaBytesBefore) / polls : 0,
    heapMB: heapAfterGc()
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
} finally {
  await core?.stop()
  await sim?.close()
  rmSync(dir, { recursive: true, force: true })
}
