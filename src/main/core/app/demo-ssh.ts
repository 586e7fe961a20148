// SSH for the demo cluster: a key pair made at start (its public half is what the simulated nodes accept)
// and the simulated nodes' host keys pinned up front. Trust on first use is for real clusters; the demo
// started these hosts itself, so it knows their keys. Nothing here ever trusts a key it did not make.
import { hostIdOf } from '../ssh/host-key'
import { generateEd25519 } from '../ssh/keygen'
import type { SshPoolOptions } from '../ssh/ssh-pool-types'
import type { DemoSsh } from './app-core-types'

export interface DemoSshIdentity {
  readonly privateKey: string
  /** `ssh-ed25519 AAAA… pve-tray-demo`, for the simulator's authorized keys. */
  readonly publicKey: string
}

export function createDemoSshIdentity(): DemoSshIdentity {
  const pair = generateEd25519('pve-tray-demo')
  return { privateKey: pair.private, publicKey: pair.public }
}

/** The pool options for the demo cluster: its in-memory key, its pinned hosts, one address and port per node. */
export function demoPoolOptions(d: DemoSsh): SshPoolOptions {
  const byHostId = new Map(d.hosts.map((h) => [hostIdOf(h.host, h.port), { fingerprint: h.fingerprint, keyType: h.keyType }]))
  return {
    auth: { kind: 'key-data', privateKey: d.privateKey, describe: 'the demo key' },
    hostKeys: {
      get: (hostId) => byHostId.get(hostId),
      // Reached only through trust on first use or known_hosts, neither of which the demo pool has.
      set: () => undefined
    },
    defaultUser: d.user,
    connectTimeoutMs: 5_000,
    nodeOverride: (node) => demoHostOf(d, node)
  }
}

/** Where the demo pool connects for a node. */
export function demoHostOf(d: DemoSsh, node: string): { host: string; port: number } | undefined {
  const h = d.hosts.find((x) => x.node === node)
  return h === undefined ? undefined : { host: h.host, port: h.port }
}

export function demoPinnedFingerprint(d: DemoSsh, hostId: string): string | null {
  return d.hosts.find((h) => hostIdOf(h.host, h.port) === hostId)?.fingerprint ?? null
}
