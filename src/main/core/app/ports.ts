// The narrow slice of the SSH pool and the TLS probe the handlers use (the clusters' slices are in
// clusters/types.ts). The real parts are adapted to these in app/ssh-port and app/pve-adapters, so a
// handler never depends on transport details and a part that changes shape is fixed in one place.
import type { CertificateInfo, KnownHostsReport, NodeHealthReport, SshHostState, SshTestResult } from '../../../shared/views'
import type { ExecResult } from '../ssh/ssh-pool'

/** A host key the node presented that no pin or known_hosts entry vouches for yet. */
export interface PendingHostKey {
  /** `host:port`, the key the pin is stored under. */
  readonly hostPort: string
  readonly keyType: string
}

/** A pinned host key the node just failed to match (a node reinstall, or an interception). */
export interface ChangedHostKey {
  /** `host:port`, the key the pin is stored under. */
  readonly hostPort: string
  /** The pin it failed to match (from the settings, or from known_hosts). */
  readonly pinnedFingerprint: string
}

export interface SshPort {
  /**
   * Runs the health probes on a node. Rejects with the pool's SshError (duck-typed by `kind` in
   * ipc/map-ssh-error) when the node cannot be reached or logged into at all; an unknown host key is
   * remembered as pending so ssh:trust-host-key can pin exactly that key.
   */
  nodeHealth(clusterId: string, node: string): Promise<NodeHealthReport>
  /**
   * "Test SSH": logs into the node with the saved settings and runs `pveversion`. Fails like nodeHealth
   * (an unknown key is remembered as pending for ssh:trust-host-key, a changed one for ssh:forget-host-key).
   */
  testNode(clusterId: string, node: string): Promise<SshTestResult>
  /** Whether the cluster has SSH set up (or is the demo cluster with its own). */
  configured(clusterId: string): boolean
  /**
   * Runs one command on a node: on a connection of its own (`fresh`: what a new login meets now, nothing
   * left open) or on the pool's. Rejects with the pool's SshError, or ssh-not-configured.
   */
  run(clusterId: string, node: string, argv: readonly string[], o: { readonly fresh: boolean; readonly timeoutMs: number }): Promise<ExecResult>
  /** What known_hosts says of each node's SSH address (read now), beside the pins. */
  knownHosts(clusterId: string, nodes: readonly string[]): Promise<KnownHostsReport>
  /** Pins a key known_hosts trusts (not revoked) for the node's address; refuses to replace another pin. */
  importKnownHost(clusterId: string, node: string, fingerprint: string): Promise<void>
  /** The node's pending unknown key when `fingerprint` is the one it presented; else null. Consumes it. */
  pendingHostKey(clusterId: string, node: string, fingerprint: string): PendingHostKey | null
  /** The pin the node's last check failed to match (ssh-host-key-changed), else null. Consumes it. */
  changedHostKey(clusterId: string, node: string): ChangedHostKey | null
  state(): SshHostState[]
  /** Every change of any pool's host states (coalesced by the pool), as the `ssh:state` event carries. */
  onState(listener: (s: SshHostState[]) => void): () => void
  closeAll(): Promise<void>
}

export type CertificateProbe = (host: string, port: number, timeoutMs: number) => Promise<CertificateInfo>
