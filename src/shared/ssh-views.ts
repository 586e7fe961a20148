// What the SSH side shows the renderer beyond the node health report: the settings' "Test SSH" and
// known_hosts, and what SSH says of a node its API does not answer for. Re-exported by views.ts.

/** "Test SSH" for one node, from the cluster's saved SSH settings: logged in, and what answered. */
export interface SshTestResult {
  readonly node: string
  /** `user@host:port` the test connected to. */
  readonly target: string
  /** The host key the node presented, now pinned for it. */
  readonly hostKey: { readonly fingerprint: string; readonly keyType: string } | null
  /** How that key came to be trusted: pinned before, or vouched for by known_hosts during this test. */
  readonly trustedBy: 'pin' | 'known-hosts' | 'demo'
  /** First line of `pveversion` on the node; null when the host is not a Proxmox VE node (or says nothing). */
  readonly proxmox: string | null
  readonly elapsedMs: number
}

/** One known_hosts key line matching a node's SSH address (hashed entries included). */
export interface KnownHostKey {
  readonly fingerprint: string
  readonly keyType: string
}

/** What the user's known_hosts says of each node of a cluster, beside the app's own pin. */
export interface KnownHostsNode {
  readonly node: string
  /** `host:port` the app connects to for this node, null when it has no address yet. */
  readonly hostPort: string | null
  readonly pinned: KnownHostKey | null
  /** Keys known_hosts trusts for that address (revoked ones excluded). */
  readonly trusted: readonly KnownHostKey[]
  /** Keys known_hosts marks `@revoked` for that address: always refused. */
  readonly revoked: readonly KnownHostKey[]
}

export interface KnownHostsReport {
  /** The file read, as the user would write it (e.g. `~/.ssh/known_hosts`); null when the app reads none. */
  readonly file: string | null
  readonly nodes: readonly KnownHostsNode[]
}

/** What SSH says of a node its API does not answer for (node reported offline, or the cluster unreachable). */
export interface NodeDiagnosis {
  readonly node: string
  /** down: neither API nor SSH answer; ssh-only: SSH answers; unknown: SSH refused us, so it cannot tell. */
  readonly verdict: 'down' | 'ssh-only' | 'unknown'
  /** One sentence for the node page and the node-down notification. */
  readonly summary: string
  /** The Proxmox services' states when SSH answered (`systemctl is-active`), else empty. */
  readonly services: readonly { readonly unit: string; readonly state: string }[]
  /** The SSH error, or which services are not running. */
  readonly reason: string | null
  readonly checkedAt: number
}

/** Outcome of restarting a Proxmox service over SSH: done, or sent with no answer (then it is not known). */
export interface ServiceRestartResult {
  readonly outcome: 'restarted' | 'unknown'
  readonly message: string
}
