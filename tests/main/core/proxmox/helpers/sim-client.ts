import type { PveClusterConfig, PveEndpoint } from '../../../../../src/main/core/proxmox'
import { PveClient } from '../../../../../src/main/core/proxmox'
import type { SimToken, Simulator } from '../../../../../src/main/core/simulator'

export interface ClientHarness {
  client: PveClient
  logs: string[]
}

/** A client for the simulator with pinned fingerprints (default) and a logger that records every line. */
export function simClient(sim: Simulator, token: SimToken, overrides: Partial<PveClusterConfig> = {}): ClientHarness {
  const logs: string[] = []
  const endpoints: PveEndpoint[] = sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 }))
  const client = new PveClient(
    { id: 'sim', name: 'Simulated cluster', endpoints, tokenId: token.id, tokenSecret: token.secret, ...overrides },
    { logger: (line) => logs.push(line) }
  )
  return { client, logs }
}
