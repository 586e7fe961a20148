// Typed node health over SSH, for what the REST API does not show: package versions, load, temperatures,
// ZFS pool health and root disk usage. Each probe fails on its own; a missing tool is "not available".
import type { DiskUsage, LoadAverage, PveVersionInfo, ServiceState, TemperatureReading, ZpoolListEntry, ZpoolStatusSummary } from './node-health-parsers'
import { parseDfPosix, parseLoadAvg, parsePveVersion, parseSensorsJson, parseSystemctlIsActive, parseZpoolList, parseZpoolStatusX } from './node-health-parsers'
import type { ExecResult } from './remote-exec'
import { isSshError } from './ssh-errors'
import type { ExecOptions } from './ssh-pool-types'

export type ProbeResult<T> = { status: 'ok'; value: T } | { status: 'not-available'; reason: string } | { status: 'error'; reason: string }

export interface NodeHealthReport {
  node: string
  collectedAt: string
  versions: ProbeResult<PveVersionInfo>
  load: ProbeResult<LoadAverage>
  temperatures: ProbeResult<TemperatureReading[]>
  zfsPools: ProbeResult<ZpoolListEntry[]>
  zfsStatus: ProbeResult<ZpoolStatusSummary>
  rootDisk: ProbeResult<DiskUsage>
  services: ProbeResult<ServiceState[]>
}

/** The services a Proxmox VE node needs for its API and its cluster membership. */
export const PVE_SERVICES = ['pveproxy', 'pvedaemon', 'pve-cluster', 'corosync'] as const

/** Runs argv on the node; usually `(argv, o) => pool.execOnNode(node, argv, o)`. */
export type NodeExec = (argv: readonly string[], options?: ExecOptions) => Promise<ExecResult>

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 300) ?? ''
}

async function probe<T>(
  exec: NodeExec,
  argv: readonly string[],
  parse: (stdout: string) => T | undefined,
  options: ExecOptions,
  okCodes: readonly number[] = [0]
): Promise<ProbeResult<T>> {
  let result: ExecResult
  try {
    result = await exec(argv, options)
  } catch (err) {
    const reason = isSshError(err) ? err.message : `Unexpected failure: ${err instanceof Error ? err.message : String(err)}`
    return { status: 'error', reason }
  }
  if (result.code === 127) return { status: 'not-available', reason: `${argv[0]} is not installed on this node.` }
  if (result.code === null || !okCodes.includes(result.code)) {
    const detail = firstLine(result.stderr) || firstLine(result.stdout) || `exit ${result.code ?? result.signal ?? '?'}`
    return { status: 'error', reason: `${argv.join(' ')} failed: ${detail}` }
  }
  const value = parse(result.stdout)
  if (value === undefined) return { status: 'error', reason: `The output of ${argv.join(' ')} could not be read.` }
  return { status: 'ok', value }
}

/** The ZFS tools exist but the kernel module is not loaded: ZFS is simply not in use on this node. */
function zfsUnused<T>(result: ProbeResult<T>): ProbeResult<T> {
  if (result.status === 'error' && /modules are not loaded|\/dev\/zfs/i.test(result.reason)) {
    return { status: 'not-available', reason: 'ZFS is not in use on this node.' }
  }
  return result
}

export async function collectNodeHealth(node: string, exec: NodeExec, options: ExecOptions = {}): Promise<NodeHealthReport> {
  const opts: ExecOptions = { timeoutMs: 15_000, maxOutputBytes: 256 * 1024, ...options }
  const [versions, load, temperatures, zfsPools, zfsStatus, rootDisk, services] = await Promise.all([
    probe(
      exec,
      ['pveversion', '-v'],
      (s) => {
        const v = parsePveVersion(s)
        return Object.keys(v.packages).length > 0 ? v : undefined
      },
      opts
    ),
    probe(exec, ['cat', '/proc/loadavg'], parseLoadAvg, opts),
    probe(exec, ['sensors', '-j'], parseSensorsJson, opts),
    probe(exec, ['zpool', 'list', '-H', '-o', 'name,health,size,alloc'], parseZpoolList, opts).then(zfsUnused),
    probe(exec, ['zpool', 'status', '-x'], parseZpoolStatusX, opts).then(zfsUnused),
    probe(exec, ['df', '-P', '/'], parseDfPosix, opts),
    // is-active exits 3 when a unit is not active: that is an answer, not a failure.
    probe(exec, ['systemctl', 'is-active', ...PVE_SERVICES], (s) => parseSystemctlIsActive(s, PVE_SERVICES), opts, [0, 3])
  ])
  return { node, collectedAt: new Date().toISOString(), versions, load, temperatures, zfsPools, zfsStatus, rootDisk, services }
}
