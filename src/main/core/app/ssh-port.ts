// Node health over SSH, one pool per cluster built from its SSH settings. The probes and their parsers are
// the SSH module's (collectNodeHealth); this adapter picks the pool, reshapes the report for the renderer
// and turns "could not get onto the node at all" into one typed SshError instead of six failed probes.
// Host keys are pinned in the settings document; an unknown key is not trusted silently: it is remembered
// as pending, the call fails with the pool's host-key-unknown error (fingerprint and key type included),
// and ssh:trust-host-key pins exactly that key once the user confirmed it.
import type { KnownHostsReport, NodeHealthReport, SshHostState, SshTestResult } from '../../../shared/views'
import { AppError } from '../errors/app-error'
import type { SettingsService } from '../settings/settings-service'
import { storedPin } from '../settings/stored-pin'
import { hostIdOf } from '../ssh/host-key'
import { collectNodeHealth, type NodeExec } from '../ssh/node-health'
import { isSshError, type SshError, type SshErrorKind } from '../ssh/ssh-errors'
import { type ExecResult, SshPool, type SshPoolOptions } from '../ssh/ssh-pool'
import type { DemoSsh } from './app-core-types'
import { demoHostOf, demoPinnedFingerprint, demoPoolOptions } from './demo-ssh'
import { toNodeHealthView } from './node-health-view'
import type { ChangedHostKey, PendingHostKey, SshPort } from './ports'
import { createKnownHostsPins } from './ssh-known-hosts'
import { settingsPinStore } from './ssh-pin-store'

/** Failures before any command could start: every probe would report the same one, so it is raised once. */
const CONNECTION_KINDS: ReadonlySet<SshErrorKind> = new Set<SshErrorKind>([
  'key-unreadable',
  'passphrase-missing',
  'passphrase-wrong',
  'key-rejected',
  'agent-unavailable',
  'connect-timeout',
  'connection-refused',
  'host-unreachable',
  'handshake-failed',
  'host-key-unknown',
  'host-key-changed',
  'host-key-revoked',
  'no-address',
  'pool-closed'
])

export interface SshPortOptions {
  settings: SettingsService
  /** An OpenSSH known_hosts file consulted for hosts with no pin yet; a key found there is pinned. */
  knownHostsPath?: string
  /** How the settings screen names that file (`~/.ssh/known_hosts`); the path itself when not given. */
  knownHostsFileLabel?: string
  nodeAddress: (clusterId: string, node: string) => string | undefined
  log?: (line: string) => void
  /** Per probe (queueing, connecting, running). Default 15 s. */
  probeTimeoutMs?: number
  /** The running demo cluster's id and SSH side, if any: its pool uses the demo's own key and pins. */
  demo?: () => { clusterId: string; ssh: DemoSsh } | null
}

export function createSshPort(opts: SshPortOptions): SshPort {
  const log = opts.log ?? (() => {})
  const pools = new Map<string, { pool: SshPool; key: string; unsubscribe: () => void }>()
  /** `clusterId\nnode` → the pool key (`user@host:port`) the node was last reached through. */
  const nodeKeys = new Map<string, string>()
  const pending = new Map<string, { hostPort: string; fingerprint: string; keyType: string }>()
  const changed = new Map<string, ChangedHostKey>()
  const listeners = new Set<(s: SshHostState[]) => void>()
  const knownHosts = createKnownHostsPins(opts)

  function demoOf(clusterId: string): DemoSsh | null {
    const d = opts.demo?.() ?? null
    return d !== null && d.clusterId === clusterId ? d.ssh : null
  }

  function pinnedFingerprint(clusterId: string, hostId: string): string | null {
    const d = demoOf(clusterId)
    if (d !== null) return demoPinnedFingerprint(d, hostId)
    return storedPin(opts.settings, clusterId, hostId)?.fingerprint ?? null
  }

  const state = (): SshHostState[] =>
    [...pools.entries()].flatMap(([clusterId, { pool }]) =>
      pool.state().map((h) => ({
        host: h.key,
        status: h.status,
        reason: h.reason ?? null,
        activeChannels: h.activeChannels,
        queued: h.queued,
        clusterId,
        nodes: [...nodeKeys.entries()].filter(([k, v]) => v === h.key && k.startsWith(`${clusterId}\n`)).map(([k]) => k.slice(clusterId.length + 1)),
        pinnedFingerprint: pinnedFingerprint(clusterId, hostIdOf(h.host, h.port))
      }))
    )

  /** Where the pool will connect for a node (the same rules as the pool's own), for the state's node names. */
  function targetOf(clusterId: string, node: string): { host: string; hostId: string; key: string } | null {
    const d = demoOf(clusterId)
    if (d !== null) {
      const h = demoHostOf(d, node)
      return h === undefined ? null : { host: hostIdOf(h.host, h.port), hostId: hostIdOf(h.host, h.port), key: `${d.user}@${hostIdOf(h.host, h.port)}` }
    }
    const ssh = opts.settings.cluster(clusterId)?.ssh
    const host = ssh?.hostOverrides[node] ?? opts.nodeAddress(clusterId, node)
    return ssh == null || host === undefined ? null : { host, hostId: hostIdOf(host, ssh.port), key: `${ssh.user}@${host}:${ssh.port}` }
  }

  /** Keeps what ssh:trust-host-key and ssh:forget-host-key may act on from a failed connection to `node`. */
  function rememberHostKeyProblem(clusterId: string, node: string, e: SshError): void {
    if (e.kind === 'host-key-unknown' && e.host !== undefined && e.presentedFingerprint !== undefined) {
      pending.set(`${clusterId}/${node}`, { hostPort: e.host, fingerprint: e.presentedFingerprint, keyType: e.keyType ?? '' })
    }
    // Remembered so ssh:forget-host-key can drop exactly the pin this node just failed to match.
    if (e.kind === 'host-key-changed' && e.host !== undefined && e.pinnedFingerprint !== undefined) {
      changed.set(`${clusterId}/${node}`, { hostPort: e.host, pinnedFingerprint: e.pinnedFingerprint })
    }
  }

  function replacePool(clusterId: string, key: string, make: () => SshPool): SshPool {
    const existing = pools.get(clusterId)
    if (existing?.key === key) return existing.pool
    if (existing !== undefined) {
      existing.unsubscribe()
      pools.delete(clusterId)
      void existing.pool.closeAll()
      announce()
    }
    const pool = make()
    pools.set(clusterId, { pool, key, unsubscribe: pool.onChange(() => announce()) })
    return pool
  }

  function announce(): void {
    const snapshot = state()
    for (const l of [...listeners]) {
      try {
        l(snapshot)
      } catch {
        // A failing subscriber must not break the pool's notifications.
      }
    }
  }

  /** The options of a cluster's pool, and the key that says when its settings changed. */
  function poolSpec(clusterId: string): { key: string; options: SshPoolOptions } {
    const demo = demoOf(clusterId)
    if (demo !== null) return { key: `demo ${demo.hosts.map((h) => `${h.port}/${h.fingerprint}`).join(' ')}`, options: demoPoolOptions(demo) }
    const c = opts.settings.cluster(clusterId)
    const ssh = c?.ssh ?? null
    if (c === undefined || ssh === null || (ssh.keyPath === null && !ssh.useAgent)) {
      throw new AppError('ssh-not-configured', 'SSH is not set up for this cluster: add an SSH user and a key (or the SSH agent) in the cluster settings.')
    }
    const settings = opts.settings
    return {
      // Pins are read on every connect, so trusting a key does not need a new pool.
      key: JSON.stringify({ ...ssh, pinnedHostKeys: null }),
      options: {
        auth:
          ssh.keyPath !== null
            ? { kind: 'key', privateKeyPath: ssh.keyPath, getPassphrase: async () => settings.sshPassphrase(clusterId) ?? undefined }
            : { kind: 'agent' },
        hostKeys: settingsPinStore(settings, clusterId, log),
        ...(opts.knownHostsPath === undefined ? {} : { knownHostsPath: opts.knownHostsPath }),
        defaultUser: ssh.user,
        defaultPort: ssh.port,
        nodeOverride: (node) => {
          const h = settings.cluster(clusterId)?.ssh?.hostOverrides[node]
          return h === undefined ? undefined : { host: h }
        },
        resolveNodeAddress: async (node) => opts.nodeAddress(clusterId, node)
      }
    }
  }

  function poolFor(clusterId: string): SshPool {
    const { key, options } = poolSpec(clusterId)
    return replacePool(clusterId, key, () => new SshPool(options))
  }

  return {
    async nodeHealth(clusterId, node): Promise<NodeHealthReport> {
      const pool = poolFor(clusterId)
      const target = targetOf(clusterId, node)
      if (target !== null) nodeKeys.set(`${clusterId}\n${node}`, target.key)
      const started = performance.now()
      const seen: { unreachable?: SshError } = {}
      const exec: NodeExec = async (argv, o) => {
        try {
          return await pool.execOnNode(node, argv, o)
        } catch (e) {
          if (isSshError(e) && CONNECTION_KINDS.has(e.kind)) seen.unreachable ??= e
          throw e
        }
      }
      const health = await collectNodeHealth(node, exec, { timeoutMs: opts.probeTimeoutMs ?? 15_000 })
      const probes = [health.versions, health.load, health.temperatures, health.zfsPools, health.zfsStatus, health.rootDisk, health.services]
      // Raised only when nothing ran; a connection lost halfway leaves its error on the probes it hit.
      const e = seen.unreachable
      if (e !== undefined && probes.every((p) => p.status === 'error')) {
        rememberHostKeyProblem(clusterId, node, e)
        throw e
      }
      return toNodeHealthView(health, target?.host ?? node, performance.now() - started)
    },

    async testNode(clusterId, node): Promise<SshTestResult> {
      // A fresh login of its own, not the pool's open connection: a test must show what a new connection
      // meets now (a key since revoked, a changed authorized_keys), and it leaves nothing open behind.
      const pool = new SshPool(poolSpec(clusterId).options)
      const target = targetOf(clusterId, node)
      const pinnedBefore = target === null ? null : pinnedFingerprint(clusterId, target.hostId)
      const started = performance.now()
      let result
      try {
        // Read-only, and on a Proxmox VE node it says which version answers.
        result = await pool.execOnNode(node, ['pveversion'], { timeoutMs: opts.probeTimeoutMs ?? 15_000 })
      } catch (e) {
        if (isSshError(e)) rememberHostKeyProblem(clusterId, node, e)
        throw e
      } finally {
        await pool.closeAll()
      }
      const elapsedMs = Math.round(performance.now() - started)
      const demo = demoOf(clusterId) !== null
      const fingerprint = target === null ? null : pinnedFingerprint(clusterId, target.hostId)
      // The demo's pins are its own (no key type kept); a configured cluster's are in its settings.
      const hostKey = target === null || fingerprint === null ? null : demo ? { fingerprint, keyType: '' } : storedPin(opts.settings, clusterId, target.hostId)
      const firstLine = result.code === 0 ? (result.stdout.split('\n', 1)[0] ?? '').trim() : ''
      return {
        node,
        target: target?.key ?? node,
        hostKey,
        // A successful login with no pin before means checkHostKey pinned what known_hosts vouched for.
        trustedBy: demo ? 'demo' : pinnedBefore === null ? 'known-hosts' : 'pin',
        proxmox: /^pve-manager\//.test(firstLine) ? firstLine.slice(0, 200) : null,
        elapsedMs
      }
    },

    configured(clusterId): boolean {
      try {
        poolSpec(clusterId)
        return true
      } catch {
        return false
      }
    },

    async run(clusterId, node, argv, o): Promise<ExecResult> {
      if (!o.fresh) return poolFor(clusterId).execOnNode(node, argv, { timeoutMs: o.timeoutMs })
      const pool = new SshPool(poolSpec(clusterId).options)
      try {
        return await pool.execOnNode(node, argv, { timeoutMs: o.timeoutMs })
      } finally {
        await pool.closeAll()
      }
    },

    async knownHosts(clusterId, nodes): Promise<KnownHostsReport> {
      return demoOf(clusterId) !== null ? { file: null, nodes: [] } : knownHosts.report(clusterId, nodes)
    },

    async importKnownHost(clusterId, node, fingerprint): Promise<void> {
      if (demoOf(clusterId) !== null) throw new AppError('refused', "The demo cluster's host keys are its own; nothing to import.")
      await knownHosts.importKey(clusterId, node, fingerprint)
    },

    pendingHostKey(clusterId, node, fingerprint): PendingHostKey | null {
      const id = `${clusterId}/${node}`
      const p = pending.get(id)
      if (p === undefined || p.fingerprint !== fingerprint) return null
      pending.delete(id)
      return { hostPort: p.hostPort, keyType: p.keyType }
    },

    changedHostKey(clusterId, node): ChangedHostKey | null {
      const id = `${clusterId}/${node}`
      const c = changed.get(id)
      changed.delete(id)
      return c ?? null
    },

    state,

    onState(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    async closeAll(): Promise<void> {
      const all = [...pools.values()]
      pools.clear()
      for (const p of all) p.unsubscribe()
      await Promise.all(all.map(({ pool }) => pool.closeAll()))
    }
  }
}
