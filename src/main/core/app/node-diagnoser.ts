// Runs the SSH diagnosis (node-diagnosis.ts) for nodes the API does not answer for: after each poll, for a
// node reported offline, or for every node while its cluster does not answer; again at most once a minute;
// forgotten once the node is back. The node page reads the result; a node-down notification carries it
// when SSH answered before the down was confirmed. Also restarts pveproxy over SSH when the user asked.
import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import type { NodeDiagnosis, ServiceRestartResult } from '../../../shared/views'
import { AppError } from '../errors/app-error'
import { isSshError } from '../ssh/ssh-errors'
import { DIAGNOSIS_ARGV, type DiagnosisInput, judgeDiagnosis } from './node-diagnosis'
import type { SshPort } from './ports'

/** A diagnosis younger than this is reused (the page asks often; SSH logins are not free). */
const RECHECK_MS = 60_000
/** A node-down notification uses a diagnosis at most this old. */
const FRESH_FOR_EVENT_MS = 5 * 60_000

export interface NodeDiagnoserOptions {
  readonly ssh: Pick<SshPort, 'configured' | 'run'>
  readonly now: () => number
  readonly track: (work: Promise<unknown>) => void
  readonly probeTimeoutMs?: number
}

export interface NodeDiagnoser {
  observe(clusterId: string, snap: ClusterSnapshot): void
  get(clusterId: string, node: string, fresh: boolean): Promise<NodeDiagnosis | null>
  annotate(e: MonitorEvent): MonitorEvent
  restartPveproxy(clusterId: string, node: string): Promise<ServiceRestartResult>
}

interface Entry {
  result: NodeDiagnosis | null
  running: Promise<NodeDiagnosis> | null
  reportedOffline: boolean
}

export function createNodeDiagnoser(o: NodeDiagnoserOptions): NodeDiagnoser {
  const entries = new Map<string, Entry>()
  const key = (clusterId: string, node: string): string => `${clusterId}\n${node}`
  const timeoutMs = o.probeTimeoutMs ?? 8000

  function run(clusterId: string, node: string, entry: Entry): Promise<NodeDiagnosis> {
    if (entry.running !== null) return entry.running
    const p = (async (): Promise<NodeDiagnosis> => {
      let input: DiagnosisInput
      try {
        // A login of its own: a pooled connection to a node that rebooted would say "lost", not what is true now.
        const r = await o.ssh.run(clusterId, node, DIAGNOSIS_ARGV, { fresh: true, timeoutMs })
        input = { kind: 'answered', stdout: r.stdout, code: r.code }
      } catch (e) {
        input = isSshError(e)
          ? { kind: 'ssh-error', errorKind: e.kind, message: e.message }
          : { kind: 'ssh-error', errorKind: 'unknown', message: e instanceof Error ? e.message : 'SSH failed.' }
      }
      return judgeDiagnosis(node, input, entry.reportedOffline, o.now())
    })()
    entry.running = p
    // The node page asks with nodes:diagnose, which waits for a running probe: no event needed.
    const done = p.then((d) => {
      entry.result = d
      entry.running = null
    })
    o.track(done)
    return p
  }

  return {
    observe(clusterId, snap): void {
      const clusterSilent = snap.health === 'unreachable' || snap.stale
      for (const n of snap.nodes) {
        const k = key(clusterId, n.name)
        const suspect = clusterSilent || n.status === 'offline'
        if (!suspect) {
          entries.delete(k)
          continue
        }
        if (!o.ssh.configured(clusterId)) continue
        const entry = entries.get(k) ?? { result: null, running: null, reportedOffline: false }
        entries.set(k, entry)
        entry.reportedOffline = n.status === 'offline'
        if (entry.running === null && (entry.result === null || o.now() - entry.result.checkedAt >= RECHECK_MS)) void run(clusterId, n.name, entry)
      }
    },

    async get(clusterId, node, fresh): Promise<NodeDiagnosis | null> {
      if (!o.ssh.configured(clusterId)) return null
      const k = key(clusterId, node)
      const entry = entries.get(k) ?? { result: null, running: null, reportedOffline: false }
      entries.set(k, entry)
      if (!fresh && entry.running === null && entry.result !== null && o.now() - entry.result.checkedAt < RECHECK_MS) return entry.result
      return run(clusterId, node, entry)
    },

    annotate(e): MonitorEvent {
      if (e.kind !== 'node-down' || e.node === null) return e
      const d = entries.get(key(e.clusterId, e.node))?.result
      if (d == null || o.now() - d.checkedAt > FRESH_FOR_EVENT_MS) return e
      return { ...e, detail: d.summary }
    },

    async restartPveproxy(clusterId, node): Promise<ServiceRestartResult> {
      let code: number | null
      let stderr: string
      try {
        ;({ code, stderr } = await o.ssh.run(clusterId, node, ['systemctl', 'restart', 'pveproxy'], { fresh: false, timeoutMs: 60_000 }))
      } catch (e) {
        // Sent, then no answer: systemd may well have restarted it. Never "failed, try again".
        if (isSshError(e) && (e.kind === 'connection-lost' || e.kind === 'command-timeout')) {
          return {
            outcome: 'unknown',
            message: `The restart of pveproxy was sent to ${node}, but no answer came back (${e.message}) — whether it restarted is not known. Check the node again.`
          }
        }
        throw e
      } finally {
        entries.delete(key(clusterId, node))
      }
      if (code !== 0) {
        const why = stderr.trim().split('\n')[0]?.slice(0, 300) ?? ''
        throw new AppError(
          'server',
          `${node} did not restart pveproxy (systemctl exit ${code ?? 'signal'}${why === '' ? '' : `: ${why}`}). Look at \`journalctl -u pveproxy\` on the node.`
        )
      }
      return { outcome: 'restarted', message: `pveproxy was restarted on ${node}.` }
    }
  }
}
