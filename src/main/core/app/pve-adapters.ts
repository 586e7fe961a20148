// Adapts the real PveClient to the narrow ports the handlers and the monitor use.
import type { GuestKind, PowerAction } from '../../../shared/snapshot'
import type { CertificateInfo } from '../../../shared/views'
import type { ApiConfig, ClusterApi, TaskOutcome } from '../clusters/types'
import { fetchCertificate, PveClient } from '../proxmox'
import type { CertificateProbe } from './ports'

export function createPveClient(
  config: ApiConfig,
  opts: { connectTimeoutMs?: number; responseTimeoutMs?: number; logger?: (line: string) => void } = {}
): PveClient {
  return new PveClient(
    {
      id: config.id,
      name: config.name,
      endpoints: config.endpoints.map((e) => ({
        host: e.host,
        port: e.port,
        ...(e.node === null ? {} : { node: e.node }),
        ...(e.fingerprint256 === null ? {} : { fingerprint256: e.fingerprint256 })
      })),
      tokenId: config.tokenId,
      tokenSecret: config.tokenSecret,
      ...(config.caPem === null ? {} : { caPem: config.caPem }),
      ...(opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: opts.connectTimeoutMs }),
      ...(opts.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: opts.responseTimeoutMs })
    },
    { ...(opts.logger === undefined ? {} : { logger: opts.logger }) }
  )
}

function isTaskFailure(e: unknown): e is { exitstatus: string } {
  return (
    typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'task-failed' && typeof (e as { exitstatus?: unknown }).exitstatus === 'string'
  )
}

export function clusterApiFromClient(client: PveClient): ClusterApi {
  return {
    version: () => client.version(),
    permissions: () => client.permissions(),
    clusterResources: () => client.clusterResources(),
    clusterStatus: () => client.clusterStatus(),
    nodes: () => client.nodes(),
    async guestPower(node: string, kind: GuestKind, vmid: number, action: PowerAction): Promise<string> {
      return (await client.powerAction(kind, action, node, vmid)).upid
    },
    async recentGuestTasks(node: string, vmid: number) {
      // source 'all': a task still running (a long shutdown) is what we most need to find.
      return (await client.nodeTasks(node, { vmid, limit: 20, source: 'all' })).map((t) => ({ upid: t.upid, type: t.type, starttime: t.starttime }))
    },
    async guestRunState(node: string, kind: GuestKind, vmid: number): Promise<string> {
      const s = await client.guestStatus(node, kind, vmid)
      // As pvestatd reports it in /cluster/resources: qemu's QMP run state first (paused, suspended, …).
      return (kind === 'qemu' ? s.qmpstatus : undefined) ?? s.status
    },
    async waitForTask(upid, opts): Promise<TaskOutcome> {
      try {
        const r = await client.waitForTask(upid, {
          pollMs: opts.pollMs,
          signal: opts.signal,
          onProgress: (s) => {
            if (s.status === 'running') opts.onRunning()
          }
        })
        return { exitstatus: r.exitstatus, ok: true }
      } catch (e) {
        if (isTaskFailure(e)) return { exitstatus: e.exitstatus, ok: false }
        throw e
      }
    },
    nodeRrd: (node, timeframe) => client.nodeRrd(node, timeframe),
    guestInterfaces: (node, kind, vmid) => client.guestInterfaces(node, kind, vmid),
    clusterTasks: () => client.clusterTaskItems(),
    taskLog: (upid, start, limit) => client.taskLog(upid, { start, limit }),
    backupVolumes: (node, storage) => client.backupVolumes(node, storage),
    notBackedUp: () => client.notBackedUp(),
    close: () => client.close()
  }
}

export const probeCertificateWithTls: CertificateProbe = async (host, port, timeoutMs): Promise<CertificateInfo> => {
  const c = await fetchCertificate(host, port, { timeoutMs })
  return { host, port, fingerprint256: c.fingerprint256, subject: c.subject, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo }
}
