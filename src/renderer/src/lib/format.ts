// Number and time formatting for the dashboard. Pure, so the same figures show everywhere.
import { ACTION_WORDS } from '@shared/action-words'
import type { PowerAction } from '@shared/snapshot'

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '—'
  let v = Math.max(0, bytes)
  let i = 0
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024
    i++
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${UNITS[i] ?? 'B'}`
}

/** A rate in bytes per second, "1.2 MiB/s"; "—" when unknown. */
export function formatRate(bytesPerSecond: number | null): string {
  return bytesPerSecond === null || !Number.isFinite(bytesPerSecond) ? '—' : `${formatBytes(bytesPerSecond)}/s`
}

/** "3.9 / 8.0 GiB" when both are in the same unit, else "727 MiB / 2.0 GiB": short enough for a table cell. */
export function formatBytesOf(used: number | null, total: number | null): string {
  const u = formatBytes(used)
  const t = formatBytes(total)
  const unit = (s: string): string => s.slice(s.lastIndexOf(' ') + 1)
  if (used === null || total === null || unit(u) !== unit(t)) return `${u} / ${t}`
  return `${u.slice(0, u.lastIndexOf(' '))} / ${t}`
}

/** A 0..1 fraction as a whole percentage. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—'
  return `${Math.round(fraction * 100)} %`
}

export function ratio(used: number | null, total: number | null): number | null {
  if (used === null || total === null || total <= 0) return null
  return Math.min(1, Math.max(0, used / total))
}

/** Seconds as "3 d 4 h", "5 h 12 min", "42 min", "17 s". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.floor(seconds)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return `${d} d ${h} h`
  if (h > 0) return `${h} h ${m} min`
  if (m > 0) return `${m} min`
  return `${s} s`
}

/** "updated 3 s ago" style age of an epoch-ms instant. */
export function formatAge(at: number | null, now: number): string {
  if (at === null) return 'never'
  const sec = Math.max(0, Math.round((now - at) / 1000))
  if (sec < 60) return `${sec} s ago`
  if (sec < 3600) return `${Math.floor(sec / 60)} min ago`
  if (sec < 86400) return `${Math.floor(sec / 3600)} h ago`
  return `${Math.floor(sec / 86400)} d ago`
}

export function formatClock(at: number): string {
  const d = new Date(at)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** "14:05": the ends of a chart's time axis. */
export function formatClockShort(at: number): string {
  return formatClock(at).slice(0, 5)
}

export function formatDateTime(at: number): string {
  const d = new Date(at)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(at)}`
}

export function actionLabel(action: PowerAction): string {
  return ACTION_WORDS[action].label
}
