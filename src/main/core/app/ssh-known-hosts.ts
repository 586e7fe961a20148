// The user's OpenSSH known_hosts beside the app's own pins, for the SSH settings: which key each node's
// address is known by (hashed entries included), which are `@revoked`, and importing one as the node's pin.
// The pool also trusts known_hosts by itself on first connect; this makes that trust visible and explicit.
import type { KnownHostsNode, KnownHostsReport } from '../../../shared/views'
import { AppError } from '../errors/app-error'
import type { SettingsService } from '../settings/settings-service'
import { storedPin } from '../settings/stored-pin'
import { hostIdOf } from '../ssh/host-key'
import { knownHostsLookup } from '../ssh/known-hosts'

export interface KnownHostsPinsOptions {
  readonly settings: SettingsService
  readonly knownHostsPath?: string
  /** How the settings name the file (`~/.ssh/known_hosts`); the path itself when not given. */
  readonly knownHostsFileLabel?: string
  readonly nodeAddress: (clusterId: string, node: string) => string | undefined
}

export interface KnownHostsPins {
  report(clusterId: string, nodes: readonly string[]): Promise<KnownHostsReport>
  importKey(clusterId: string, node: string, fingerprint: string): Promise<void>
}

export function createKnownHostsPins(opts: KnownHostsPinsOptions): KnownHostsPins {
  async function report(clusterId: string, nodes: readonly string[]): Promise<KnownHostsReport> {
    if (opts.knownHostsPath === undefined) return { file: null, nodes: [] }
    const ssh = opts.settings.cluster(clusterId)?.ssh ?? null
    // Read on each call: the user may have just run ssh to the node in a terminal.
    const lookup = knownHostsLookup(opts.knownHostsPath)
    const out = await Promise.all(
      [...new Set(nodes)].sort().map(async (node): Promise<KnownHostsNode> => {
        const host = ssh?.hostOverrides[node] ?? opts.nodeAddress(clusterId, node)
        if (ssh === null || host === undefined) return { node, hostPort: null, pinned: null, trusted: [], revoked: [] }
        const hostPort = hostIdOf(host, ssh.port)
        const { trusted, revoked } = await lookup(host, ssh.port)
        return { node, hostPort, pinned: storedPin(opts.settings, clusterId, hostPort), trusted, revoked }
      })
    )
    return { file: opts.knownHostsFileLabel ?? opts.knownHostsPath, nodes: out }
  }

  return {
    report,
    async importKey(clusterId, node, fingerprint): Promise<void> {
      const entry = (await report(clusterId, [node])).nodes[0]
      if (entry === undefined || entry.hostPort === null) {
        throw new AppError('not-found', `${node} has no SSH address yet: set SSH for this cluster (and an address for ${node} if the cluster reports none).`)
      }
      if (entry.revoked.some((k) => k.fingerprint === fingerprint)) {
        throw new AppError('refused', `Your known_hosts marks ${fingerprint} @revoked for ${entry.hostPort}: it cannot be trusted.`)
      }
      const key = entry.trusted.find((k) => k.fingerprint === fingerprint)
      if (key === undefined) throw new AppError('refused', `Your known_hosts has no entry with ${fingerprint} for ${entry.hostPort} (any more). Read it again.`)
      if (entry.pinned !== null && entry.pinned.fingerprint !== fingerprint) {
        // Replacing a pin is the changed-key flow (both fingerprints and a confirmation), never an import.
        throw new AppError(
          'refused',
          `Another key (${entry.pinned.fingerprint}) is pinned for ${entry.hostPort}. Test SSH on ${node}: if its key changed, forget the old key there first.`
        )
      }
      opts.settings.pinSshHostKey(clusterId, entry.hostPort, { fingerprint: key.fingerprint, keyType: key.keyType })
    }
  }
}
