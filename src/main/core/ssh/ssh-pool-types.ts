// Public types of the SSH pool (kept apart so consumers can import them without the implementation).
import type { HostKeyStore, TrustOnFirstUse } from './host-key'
import type { SshAuth } from './ssh-auth'

export interface SshTarget {
  host: string
  port?: number
  /** Defaults to the pool's defaultUser (root: Proxmox VE's own tooling runs as root). */
  user?: string
}

export interface SshPoolOptions {
  auth: SshAuth
  hostKeys: HostKeyStore
  /** Asks the user about a host seen for the first time; without it unknown hosts are refused. */
  trustOnFirstUse?: TrustOnFirstUse
  /** An OpenSSH known_hosts file consulted for hosts that have no pin yet (e.g. ~/.ssh/known_hosts). */
  knownHostsPath?: string
  /** Node name → address from the cluster's own status (GET /cluster/status `ip`). */
  resolveNodeAddress?: (node: string) => Promise<string | undefined>
  /** Per-node override from the settings; wins over resolveNodeAddress. */
  nodeOverride?: (node: string) => SshTarget | undefined
  defaultUser?: string
  defaultPort?: number
  /** TCP connect + SSH handshake + login. Default 10 s. */
  connectTimeoutMs?: number
  /** Default 15 s; after keepaliveCountMax (default 3) unanswered ones the connection is dropped. */
  keepaliveIntervalMs?: number
  keepaliveCountMax?: number
  /** Channels run at once per connection, below OpenSSH's MaxSessions (10). Default 8. */
  maxChannelsPerConnection?: number
  /** Default for ExecOptions.timeoutMs: 30 s. */
  defaultTimeoutMs?: number
  /** Default for ExecOptions.maxOutputBytes: 1 MiB. */
  defaultMaxOutputBytes?: number
  /** Where SSH_AUTH_SOCK is read from; defaults to process.env. */
  env?: NodeJS.ProcessEnv
}

export interface ExecOptions {
  /** Whole call: queueing, connecting and running. On expiry the remote process is killed. */
  timeoutMs?: number
  signal?: AbortSignal
  /** Per stream (stdout, stderr); beyond it the result has `truncated: true`. */
  maxOutputBytes?: number
}

export type HostStatus = 'idle' | 'connecting' | 'connected' | 'failed'

export interface HostState {
  /** `host:port`, or `user@host:port` when the user is not the default one. */
  key: string
  host: string
  port: number
  user: string
  status: HostStatus
  /** Why the host is failed, or why its last connection ended. */
  reason?: string
  activeChannels: number
  queued: number
}
