// Demo mode: the built-in simulator, with timings close to a real cluster's, so the app can be tried
// without a Proxmox server. Runs on 127.0.0.1 only. The simulator and its certificate generation
// (`selfsigned` and its ~15 packages) are loaded only when demo mode starts: a user with a cluster
// configured never pays for them in start-up time or memory.
import type { Simulator, SimulatorOptions } from '../simulator'
import type { DemoCluster } from './app-core-types'
import { createDemoSshIdentity, type DemoSshIdentity } from './demo-ssh'

export const realisticDemoTimings: SimulatorOptions = {
  authDelayMs: 3000,
  taskDurationMs: 2500,
  statsIntervalMs: 10_000,
  offlineAfterMs: 2000,
  seed: 1
}

/** The simulator options that give a demo its SSH side: the simulated nodes accept the demo's own key. */
export function demoSshOptions(identity: DemoSshIdentity): SimulatorOptions {
  return { ssh: { authorizedKeys: [identity.publicKey], user: 'root' } }
}

/** The app's view of a started simulator (API endpoints, token, and its SSH hosts when it runs them). */
export function demoClusterFrom(sim: Simulator, identity: DemoSshIdentity, close: () => Promise<void>): DemoCluster {
  const sshHosts = sim.sshEndpoints.map((e) => ({ node: e.node, host: e.host, port: e.port, fingerprint: e.hostKeyFingerprint, keyType: e.hostKeyType }))
  return {
    name: 'Demo cluster',
    endpoints: sim.endpoints.map((e) => ({ node: e.node, host: e.host, port: e.port, fingerprint256: e.fingerprint256 })),
    tokenId: sim.tokens.admin.id,
    tokenSecret: sim.tokens.admin.secret,
    caPem: sim.caPem,
    ...(sshHosts.length === 0 ? {} : { ssh: { user: 'root', privateKey: identity.privateKey, hosts: sshHosts } }),
    close
  }
}

export async function startDefaultDemo(overrides: SimulatorOptions = {}): Promise<DemoCluster> {
  const { startSimulator } = await import('../simulator')
  const identity = createDemoSshIdentity()
  const sim = await startSimulator({ ...realisticDemoTimings, ...demoSshOptions(identity), ...overrides })
  return demoClusterFrom(sim, identity, () => sim.close())
}
