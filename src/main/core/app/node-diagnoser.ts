// Runs the SSH diagnosis (node-diagnosis.ts) for nodes the API does not answer for: after each poll, for a
// node reported offline, or for every node while its cluster does not answer; again at most once a minute;
// forgotten once the node is back. The node page reads the result; a node-down notification carries it
// when SSH answered before the down was confirmed. Also restarts pveproxy over SSH when the user asked.
import { clusterApiSilent } from '../../../shared/api-silence'
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
  /** The cluster reported the node offline when `result` was judged (only then does node-down carry it). */
  resultOffline: boolean
  running: Promise<NodeDiagnosis> | null
  reportedOffline: boolean
  /** Automatic probes only; kept after the node recovers, so a flapping cluster cannot start a login per node per poll. */
  lastAutoAt: number
  /** Suspect at the last poll: a node that just became one is probed at once (unless it flaps). */
  suspect: boolean
}

/** A node that turns suspect again within this time (flapping) waits for RECHECK_MS instead. */
const FLAP_GAP_MS = 15_000
/** At most this many probes at once (each one a fresh login that may unlock the private key). */
const MAX_RUNNING = 4

const newEntry = (): Entry => ({ result: null, resultOffline: false, running: null, reportedOffline: false, lastAutoAt: -Infinity, suspect: false })

export function createNodeDiagnoser(o: NodeDiagnoserOptions): NodeDiagnoser {
  const entries = new Map<string, Entry>()
  const key = (clusterId: string, node: string): string => `${clusterId}\n${node}`
  // Longer than the pool's connect timeout (10 s), so a node that does not answer reads as a connect timeout.
  const timeoutMs = o.probeTimeoutMs ?? 15_000

  let runningCount = 0

  function run(clusterId: string, node: string, entry: Entry): Promise<NodeDiagnosis> {
    if (entry.running !== null) return entry.running
    runningCount++
    const offline = entry.reportedOffline
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
      return judgeDiagnosis(node, input, offline, o.now())
    })()
    entry.running = p
    // The node page asks with nodes:diagnose, which waits for a running probe: no event needed.
    const done = p.then((d) => {
      runningCount--
      entry.result = d
      entry.resultOffline = offline
      entry.running = null
    })
    o.track(done)
    return p
  }

  return {
    observe(clusterId, snap): void {
      const silent = clusterApiSilent(snap)
      const here = new Set<string>()
      for (const n of snap.nodes) {
        const k = key(clusterId, n.name)
        here.add(k)
        const entry = entries.get(k)
        if (!silent && n.status !== 'offline') {
          // Back: its old diagnosis is no longer true; the throttle stays.
          if (entry !== undefined) {
            entry.result = null
            entry.suspect = false
          }
          continue
        }
        if (!o.ssh.configured(clusterId)) continue
        const e = entry ?? newEntry()
        entries.set(k, e)
        e.reportedOffline = n.status === 'offline'
        const since = o.now() - e.lastAutoAt
        const due = e.suspect ? since >= RECHECK_MS : since >= FLAP_GAP_MS
        e.suspect = true
        if (e.running === null && runningCount < MAX_RUNNING && due) {
          e.lastAutoAt = o.now()
          void run(clusterId, n.name, e)
        }
      }
      // Nodes that left the cluster are forgotten.
      for (const k of entries.keys()) if (k.startsWith(`${clusterId}\n`) && !here.has(k)) entries.delete(k)
    },

    async get(clusterId, node, fresh): Promise<NodeDiagnosis | null> {
      if (!o.ssh.configured(clusterId)) return null
      const k = key(clusterId, node)
      const entry = entries.get(k) ?? newEntry()
      entries.set(k, entry)
      if (!fresh && entry.running === null && entry.result !== null && o.now() - entry.result.checkedAt < RECHECK_MS) return entry.result
      return run(clusterId, node, entry)
    },

    annotate(e): MonitorEvent {
      if (e.kind !== 'node-down' || e.node === null) return e
      const entry = entries.get(key(e.clusterId, e.node))
      const d = entry?.result
      // Only what SSH said while the cluster reported this node offline is about this node-down.
      if (d == null || entry?.resultOffline !== true || o.now() - d.checkedAt > FRESH_FOR_EVENT_MS) return e
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
