// Pure parsers for the node health probes. Input is remote command output (untrusted, varies by version):
// every parser returns what it could read and never throws on odd lines.
import { z } from 'zod'

export interface PveVersionInfo {
  /** `proxmox-ve` package version, e.g. "8.2.0". */
  proxmoxVe?: string
  runningKernel?: string
  /** `pve-manager` package version and the running version (with its build id). */
  manager?: string
  runningVersion?: string
  /** Every `name: version` line; values like "not correctly installed" are kept as they are. */
  packages: Record<string, string>
}

export function parsePveVersion(text: string): PveVersionInfo {
  const info: PveVersionInfo = { packages: {} }
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9][\w.+-]*):\s+(.+?)\s*$/.exec(line)
    if (!m?.[1] || !m[2]) continue
    const [, name, rest] = m
    const version = rest.replace(/\s*\(.*\)\s*$/, '')
    info.packages[name] = version
    if (name === 'proxmox-ve') {
      info.proxmoxVe = version
      const k = /running kernel:\s*([^)\s]+)/.exec(rest)
      if (k?.[1]) info.runningKernel = k[1]
    } else if (name === 'pve-manager') {
      info.manager = version
      const r = /running version:\s*([^)\s]+)/.exec(rest)
      if (r?.[1]) info.runningVersion = r[1]
    }
  }
  return info
}

export interface LoadAverage {
  load1: number
  load5: number
  load15: number
  runnable?: number
  total?: number
}

export function parseLoadAvg(text: string): LoadAverage | undefined {
  const [a, b, c, tasks] = text.trim().split(/\s+/)
  const nums = [a, b, c].map(Number)
  if (nums.some((n) => !Number.isFinite(n)) || nums.length !== 3) return undefined
  const out: LoadAverage = { load1: nums[0] ?? 0, load5: nums[1] ?? 0, load15: nums[2] ?? 0 }
  const t = /^(\d+)\/(\d+)$/.exec(tasks ?? '')
  if (t) {
    out.runnable = Number(t[1])
    out.total = Number(t[2])
  }
  return out
}

export interface DiskUsage {
  filesystem: string
  mountedOn: string
  totalBytes: number
  usedBytes: number
  availableBytes: number
  usedPercent: number
}

/** `df -P` (POSIX format, 1024-byte blocks); reads the first data line from the right, so odd filesystem names survive. */
export function parseDfPosix(text: string): DiskUsage | undefined {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  const header = lines[0] ?? ''
  const blockSize = Number(/(\d+)-blocks/.exec(header)?.[1] ?? 1024)
  const fields = (lines[1] ?? '').trim().split(/\s+/)
  if (fields.length < 6) return undefined
  const mountedOn = fields.pop() ?? ''
  const capacity = fields.pop() ?? ''
  const [available, used, total] = [fields.pop(), fields.pop(), fields.pop()].map(Number)
  const pct = Number(capacity.replace('%', ''))
  if (![available, used, total, pct].every((n) => n !== undefined && Number.isFinite(n))) return undefined
  return {
    filesystem: fields.join(' '),
    mountedOn,
    totalBytes: (total ?? 0) * blockSize,
    usedBytes: (used ?? 0) * blockSize,
    availableBytes: (available ?? 0) * blockSize,
    usedPercent: pct
  }
}

export interface ZpoolListEntry {
  name: string
  health: string
  size: string
  alloc: string
  sizeBytes?: number
  allocBytes?: number
}

const UNITS: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5, E: 1024 ** 6 }

/** zfs prints sizes like "928G", "1.81T" or exact bytes with -p. */
export function parseZfsSize(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([BKMGTPE]?)$/i.exec(value.trim())
  if (!m?.[1]) return undefined
  const unit = UNITS[(m[2] ?? '').toUpperCase()]
  return unit === undefined ? undefined : Math.round(Number(m[1]) * unit)
}

/** `zpool list -H -o name,health,size,alloc`: tab-separated, no header. */
export function parseZpoolList(text: string): ZpoolListEntry[] {
  const out: ZpoolListEntry[] = []
  for (const line of text.split('\n')) {
    const cols = line.split('\t')
    if (cols.length < 4 || !cols[0]) continue
    const [name, health, size, alloc] = cols.map((c) => c.trim()) as [string, string, string, string]
    const entry: ZpoolListEntry = { name, health, size, alloc }
    const sb = parseZfsSize(size)
    const ab = parseZfsSize(alloc)
    if (sb !== undefined) entry.sizeBytes = sb
    if (ab !== undefined) entry.allocBytes = ab
    out.push(entry)
  }
  return out
}

export interface ZpoolProblem {
  pool: string
  state?: string
  status?: string
  action?: string
}

export interface ZpoolStatusSummary {
  /** True for "all pools are healthy" and "no pools available". */
  healthy: boolean
  message?: string
  problems: ZpoolProblem[]
}

/** `zpool status -x`: one line when healthy, otherwise "pool:/state:/status:/action:" blocks per pool. */
export function parseZpoolStatusX(text: string): ZpoolStatusSummary {
  const trimmed = text.trim()
  if (/^all pools are healthy$|^no pools available$/i.test(trimmed)) return { healthy: true, message: trimmed, problems: [] }
  const problems: ZpoolProblem[] = []
  let current: ZpoolProblem | undefined
  let lastKey: keyof ZpoolProblem | undefined
  for (const line of text.split('\n')) {
    const m = /^\s*(pool|state|status|action|scan|config|errors|see):\s?(.*)$/.exec(line)
    if (m?.[1] === 'pool') {
      current = { pool: (m[2] ?? '').trim() }
      problems.push(current)
      lastKey = undefined
    } else if (m && current && (m[1] === 'state' || m[1] === 'status' || m[1] === 'action')) {
      lastKey = m[1]
      current[lastKey] = (m[2] ?? '').trim()
    } else if (m) {
      lastKey = undefined
    } else if (current && lastKey && /^\t|^ {2,}/.test(line) && line.trim() !== '') {
      // status/action texts wrap onto tab-indented continuation lines
      current[lastKey] = `${current[lastKey] ?? ''} ${line.trim()}`.trim()
    }
  }
  return { healthy: problems.length === 0 && trimmed === '', message: trimmed === '' ? undefined : trimmed.split('\n')[0], problems }
}

export interface TemperatureReading {
  chip: string
  adapter?: string
  label: string
  celsius: number
  high?: number
  critical?: number
}

const sensorsSchema = z.record(z.string(), z.unknown())

/** `sensors -j`: chip → feature → `tempN_input`/`_max`/`_crit`. Older lm-sensors emit trailing commas; tolerated. */
export function parseSensorsJson(text: string): TemperatureReading[] | undefined {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    try {
      raw = JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'))
    } catch {
      return undefined
    }
  }
  const chips = sensorsSchema.safeParse(raw)
  if (!chips.success) return undefined
  const out: TemperatureReading[] = []
  for (const [chip, chipValue] of Object.entries(chips.data)) {
    const features = sensorsSchema.safeParse(chipValue)
    if (!features.success) continue
    const adapter = typeof features.data.Adapter === 'string' ? features.data.Adapter : undefined
    for (const [label, featureValue] of Object.entries(features.data)) {
      const sub = sensorsSchema.safeParse(featureValue)
      if (!sub.success) continue
      const entries = Object.entries(sub.data)
      const input = entries.find(([k, v]) => /^temp\d+_input$/.test(k) && typeof v === 'number')
      if (!input) continue
      const prefix = input[0].replace(/_input$/, '')
      const num = (suffix: string): number | undefined => {
        const v = sub.data[`${prefix}_${suffix}`]
        return typeof v === 'number' && Number.isFinite(v) ? v : undefined
      }
      const reading: TemperatureReading = { chip, label, celsius: input[1] as number }
      if (adapter) reading.adapter = adapter
      const high = num('max')
      const critical = num('crit')
      if (high !== undefined) reading.high = high
      if (critical !== undefined) reading.critical = critical
      out.push(reading)
    }
  }
  return out
}

export interface ServiceState {
  unit: string
  /** systemd's word: active, inactive, failed, activating, … */
  state: string
}

/** `systemctl is-active u1 u2 …`: one state per unit and line, in the order asked; anything else is unreadable. */
export function parseSystemctlIsActive(text: string, units: readonly string[]): ServiceState[] | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  if (lines.length !== units.length || lines.some((l) => !/^[a-z-]+$/.test(l))) return undefined
  return units.map((unit, i) => ({ unit, state: lines[i] ?? '' }))
}
