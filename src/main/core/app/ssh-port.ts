// Node health over SSH, one pool per cluster built from its SSH settings. Host keys are pinned in the
// settings document; an unknown key is not trusted silently: it is remembered as "pending" and the
// call fails with SshUnknownHostError, so the UI can show the fingerprint and call ssh:trust-host-key.
import type { NodeHealthItem, NodeHealthReport, SshHostState } from '../../../shared/views'
import { AppError } from '../ipc/app-error'
import type { SettingsService } from '../settings/settings-service'
import { SshPool } from '../ssh/ssh-pool'
import type { SshPort } from './ports'
import { SshUnknownHostError } from './ports'

function item<T>(p: Promise<T>): Promise<NodeHealthItem<T>> {
  return p.then(
    (value) => ({ ok: true, value, error: null }),
    (e: unknown) => ({ ok: false, value: null, error: e instanceof Error ? e.message.slice(0, 300) : 'failed' })
  )
}

export function createSshPort(opts: { settings: SettingsService; knownHostsPath?: string; nodeAddress: (clusterId: string, node: string) => string | undefined }): SshPort {
  const pools = new Map<string, { pool: SshPool; key: string }>()
  const pending = new Map<string, { hostPort: string; fingerprint: string }>()
  const listeners = new Set<(s: SshHostState[]) => void>()

  const state = (): SshHostState[] =>
    [...pools.values()].flatMap(({ pool }) =>
      pool.state().map((h) => ({ host: h.key, status: h.status, reason: h.reason ?? null, activeChannels: h.activeChannels, queued: h.queued }))
    )

  function poolFor(clusterId: string): SshPool {
    const c = opts.settings.cluster(clusterId)
    const ssh = c?.ssh ?? null
    if (c === undefined || ssh === null || (ssh.keyPath === null && !ssh.useAgent)) {
      throw new AppError('ssh-not-configured', 'Node health needs SSH access: add an SSH user and a key (or the SSH agent) in the cluster settings.')
    }
    const key = JSON.stringify({ ...ssh, pinnedHostKeys: null })
    const existing = pools.get(clusterId)
    if (existing?.key === key) return existing.pool
    if (existing !== undefined) void existing.pool.closeAll()
    const settings = opts.settings
    const pool = new SshPool({
      auth: ssh.keyPath !== null ? { kind: 'key', privateKeyPath: ssh.keyPath, getPassphrase: async () => settings.sshPassphrase(clusterId) ?? undefined } : { kind: 'agent' },
      hostKeys: {
        get: (hostId) => {
          const fp = settings.cluster(clusterId)?.ssh?.pinnedHostKeys[hostId]
          return fp === undefined ? undefined : { fingerprint: fp, keyType: '' }
        },
        set: () => undefined
      },
      ...(opts.knownHostsPath === undefined ? {} : { knownHostsPath: opts.knownHostsPath }),
      defaultUser: ssh.user,
      defaultPort: ssh.port,
      nodeOverride: (node) => {
        const h = settings.cluster(clusterId)?.ssh?.hostOverrides[node]
        return h === undefined ? undefined : { host: h }
      },
      resolveNodeAddress: async (node) => opts.nodeAddress(clusterId, node)
    })
    pools.set(clusterId, { pool, key })
    return pool
  }

  return {
    async nodeHealth(clusterId, node): Promise<NodeHealthReport> {
      const pool = poolFor(clusterId)
      const started = performance.now()
      const run = async (argv: string[]): Promise<string> => {
        try {
          const r = await pool.execOnNode(node, argv, { timeoutMs: 15_000 })
          if (r.code !== 0) throw new Error(r.code === 127 ? 'not available' : (r.stderr.trim().slice(0, 200) || `exit ${String(r.code)}`))
          return r.stdout
        } catch (e) {
          const d = e as { kind?: string; host?: string; presentedFingerprint?: string }
          if (d.kind === 'host-key-unknown' && d.host !== undefined && d.presentedFingerprint !== undefined) {
            const hostPort = d.host
            pending.set(`${clusterId}/${node}`, { hostPort, fingerprint: d.presentedFingerprint })
            const i = hostPort.lastIndexOf(':')
            throw new SshUnknownHostError(hostPort.slice(0, i), Number(hostPort.slice(i + 1)), d.presentedFingerprint)
          }
          throw e
        }
      }
      // The first call surfaces connection problems (unknown host key) before the rest run.
      const loadText = await run(['cat', '/proc/loadavg'])
      const [pveversion, temperatures, zpools, rootfs] = await Promise.all([
        item(run(['pveversion', '-v']).then((t) => t.split('\n').map((l) => /^([^:]+):\s*(.+)$/.exec(l.trim())).flatMap((m) => (m?.[1] && m[2] ? [{ name: m[1], version: m[2] }] : [])))),
        item(run(['sensors', '-u']).then((t) => [...t.matchAll(/^\s*(temp\d+)_input:\s*([\d.]+)/gm)].map((m) => ({ sensor: m[1] ?? '', celsius: Number(m[2]) })))),
        item(run(['zpool', 'list', '-H', '-o', 'name,health,size,alloc']).then((t) => t.split('\n').filter(Boolean).map((l) => { const [name = '', health = '', size = '', alloc = ''] = l.split('\t'); return { name, health, size, alloc } }))),
        item(run(['df', '-B1', '--output=size,used', '/']).then((t) => { const [total = 0, used = 0] = (t.trim().split('\n')[1] ?? '').trim().split(/\s+/).map(Number); return { total, used } }))
      ])
      const [a = 0, b = 0, c = 0] = loadText.trim().split(/\s+/).slice(0, 3).map(Number)
      const host = opts.settings.cluster(clusterId)?.ssh?.hostOverrides[node] ?? opts.nodeAddress(clusterId, node) ?? node
      return { node, host, pveversion, loadavg: { ok: true, value: [a, b, c], error: null }, temperatures, zpools, rootfs, durationMs: Math.round(performance.now() - started) }
    },
    pendingHostKey(clusterId, node, fingerprint): string | null {
      const p = pending.get(`${clusterId}/${node}`)
      if (p === undefined || p.fingerprint !== fingerprint) return null
      pending.delete(`${clusterId}/${node}`)
      return p.hostPort
    },
    state,
    onState(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async closeAll(): Promise<void> {
      await Promise.all([...pools.values()].map(({ pool }) => pool.closeAll()))
      pools.clear()
    }
  }
}
