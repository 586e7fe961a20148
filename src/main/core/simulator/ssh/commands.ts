// The programs a simulated Proxmox host knows, answering from the fixtures (see fixtures/README.md) with
// values that follow the simulated node: its load, its sensors and pools, which services run.
import { PVE_SERVICES } from '../../ssh/node-health'
import type { SimNodeHealthSpec } from '../types'
import { dfPosixRoot } from './fixtures/df'
import { PVE_8_2, pveversionV } from './fixtures/pveversion'
import { sensorsJson } from './fixtures/sensors'
import { procLoadavg, systemctlIsActive, type UnitState } from './fixtures/system'
import { type PoolFacts, zpoolListH, zpoolStatusX } from './fixtures/zpool'

export interface SshNodeFacts {
  readonly name: string
  readonly index: number
  readonly health: SimNodeHealthSpec
  /** Root file system size and the share of it in use (0..1). */
  readonly rootBytes: number
  readonly rootUsed: number
  readonly loadavg: readonly [number, number, number]
  /** 0..1 */
  readonly cpu: number
  readonly maxcpu: number
  readonly stoppedServices: ReadonlySet<string>
}

export interface CommandResult {
  readonly stdout: string
  readonly stderr: string
  readonly code: number
}

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', code: 0 })
const fail = (stderr: string, code: number): CommandResult => ({ stdout: '', stderr, code })

export function notFound(program: string): CommandResult {
  return fail(`bash: line 1: ${program}: command not found\n`, 127)
}

function pools(f: SshNodeFacts): PoolFacts[] {
  const zfs = f.health.zfs ?? 'none'
  if (zfs === 'none') return []
  const serial = (n: number): string => `S6PTNZ0R${String(100000 + f.index * 7919 + n).slice(-6)}${n === 0 ? 'A' : 'B'}`
  return [
    {
      name: 'rpool',
      health: zfs === 'degraded' ? 'DEGRADED' : 'ONLINE',
      size: '928G',
      alloc: `${Math.round(928 * (0.3 + 0.05 * f.index))}G`,
      disks: [`ata-Samsung_SSD_870_EVO_1TB_${serial(0)}-part3`, `ata-Samsung_SSD_870_EVO_1TB_${serial(1)}-part3`]
    }
  ]
}

function zpool(args: readonly string[], f: SshNodeFacts): CommandResult {
  const [sub, ...rest] = args
  if (sub === 'list' && rest.join(' ') === '-H -o name,health,size,alloc') return ok(zpoolListH(pools(f)))
  if (sub === 'status' && rest.join(' ') === '-x') return ok(zpoolStatusX(pools(f)))
  return fail(`invalid option '${rest[0] ?? sub ?? ''}'\nusage: (the simulated zpool knows 'list -H -o name,health,size,alloc' and 'status -x')\n`, 2)
}

function sensors(f: SshNodeFacts): string {
  const idle = f.health.cpuCelsius ?? 42
  return sensorsJson(f.health.cpuVendor ?? 'intel', idle + 25 * f.cpu, 36 + 4 * f.cpu + f.index)
}

const KNOWN_UNITS = new Set<string>([...PVE_SERVICES, 'pvestatd', 'pve-firewall', 'pve-ha-lrm', 'pve-ha-crm', 'ssh', 'cron'])

function systemctl(args: readonly string[], f: SshNodeFacts): CommandResult {
  const [verb, ...units] = args
  // The Proxmox services' restart changes the node and is handled by sim-ssh; other known units just restart.
  if (verb === 'restart' && units.length === 1) {
    const unit = (units[0] ?? '').replace(/\.service$/, '')
    return KNOWN_UNITS.has(unit) ? ok('') : fail(`Failed to restart ${unit}.service: Unit ${unit}.service not found.\n`, 5)
  }
  if (verb !== 'is-active' || units.length === 0) return fail(`Unknown command verb '${verb ?? ''}' in the simulated systemctl.\n`, 1)
  const states: UnitState[] = units.map((u) => {
    const unit = u.replace(/\.service$/, '')
    if (!KNOWN_UNITS.has(unit)) return 'inactive'
    return f.stoppedServices.has(unit) ? 'inactive' : 'active'
  })
  const r = systemctlIsActive(states)
  return { stdout: r.stdout, stderr: '', code: r.code }
}

function rootFs(f: SshNodeFacts): string {
  const fs = (f.health.zfs ?? 'none') === 'none' ? '/dev/mapper/pve-root' : 'rpool/ROOT/pve-1'
  const total = Math.round(f.rootBytes / 1024)
  return dfPosixRoot(fs, total, Math.round(total * f.rootUsed))
}

export function runCommand(argv: readonly string[], f: SshNodeFacts): CommandResult {
  const [program = '', ...args] = argv
  const line = args.join(' ')
  switch (program) {
    case 'pveversion':
      if (line === '-v' || line === '--verbose') return ok(pveversionV(PVE_8_2))
      if (line === '') return ok(`pve-manager/${PVE_8_2.manager}/${PVE_8_2.managerBuild} (running kernel: ${PVE_8_2.kernel})\n`)
      return fail(`ERROR: unknown option '${args[0] ?? ''}'\n`, 255)
    case 'cat':
      if (line === '/proc/loadavg') {
        const [a, b, c] = f.loadavg
        return ok(procLoadavg(a, b, c, 1 + Math.round(f.cpu * f.maxcpu), 700 + 37 * f.index, 412_000 + 1000 * f.index))
      }
      return fail(`cat: ${args[0] ?? ''}: No such file or directory\n`, 1)
    case 'sensors':
      return line === '-j' ? ok(sensors(f)) : fail(`sensors: the simulated sensors knows only -j\n`, 1)
    case 'zpool':
      return zpool(args, f)
    case 'df':
      return line === '-P /' ? ok(rootFs(f)) : fail(`df: the simulated df knows only -P /\n`, 1)
    case 'systemctl':
      return systemctl(args, f)
    case 'hostname':
      return ok(`${f.name}\n`)
    case 'uname':
      return line === '-r' ? ok(`${PVE_8_2.kernel}\n`) : ok('Linux\n')
    case 'true':
      return ok('')
    case 'echo':
      return ok(`${line}\n`)
    default:
      return notFound(program)
  }
}
