// Demo mode: the built-in simulator, with timings close to a real cluster's, so the app can be tried
// without a Proxmox server. Runs on 127.0.0.1 only. The simulator and its certificate generation
// (`selfsigned` and its ~15 packages) are loaded only when demo mode starts: a user with a cluster
// configured never pays for them in start-up time or memory.
import type { SimulatorOptions } from '../simulator'
import type { DemoCluster } from './app-core-types'

export const realisticDemoTimings: SimulatorOptions = {
  authDelayMs: 3000,
  taskDurationMs: 2500,
  statsIntervalMs: 10_000,
  offlineAfterMs: 2000,
  seed: 1
}

export async function startDefaultDemo(overrides: SimulatorOptions = {}): Promise<DemoCluster> {
  const { startSimulator } = await import('../simulator')
  const sim = await startSimulator({ ...realisticDemoTimings, ...overrides })
  return {
    name: 'Demo cluster',
    endpoints: sim.endpoints.map((e) => ({ node: e.node, host: e.host, port: e.port, fingerprint256: e.fingerprint256 })),
    tokenId: sim.tokens.admin.id,
    tokenSecret: sim.tokens.admin.secret,
    caPem: sim.caPem,
    close: () => sim.close()
  }
}
