// Turns a migrated but untrusted document into a valid one, keeping every part that is still valid:
// an invalid cluster is dropped (the others survive), an invalid scalar falls back to its default.
// Returns what was dropped, in words, so the user is told once.
import type { z } from 'zod'

import {
  defaultSettingsDoc,
  scalarSettings,
  storedClusterSchema,
  storedGuestAlertSchema,
  storedMuteSchema,
  storedNotificationsSchema,
  type SettingsDoc
} from './settings-schema'

export interface SalvageResult {
  readonly doc: SettingsDoc
  readonly problems: readonly string[]
}

function items<T>(raw: unknown, schema: z.ZodType<T>, label: string, problems: string[], max: number): T[] {
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    problems.push(`${label}: not a list, reset`)
    return []
  }
  const out: T[] = []
  raw.slice(0, max).forEach((item, i) => {
    const r = schema.safeParse(item)
    if (r.success) out.push(r.data)
    else problems.push(`${label} #${i + 1} was invalid and was removed`)
  })
  if (raw.length > max) problems.push(`${label}: only the first ${max} kept`)
  return out
}

export function salvageSettings(raw: Record<string, unknown>): SalvageResult {
  const problems: string[] = []
  const doc = defaultSettingsDoc()
  const clusters = items(raw.clusters, storedClusterSchema, 'Cluster', problems, 64)
  // Two clusters with one id would share secrets: keep the first.
  const seen = new Set<string>()
  doc.clusters = clusters.filter((c) => {
    if (seen.has(c.id)) {
      problems.push(`Cluster "${c.name}" repeated an id and was removed`)
      return false
    }
    seen.add(c.id)
    return true
  })
  for (const key of Object.keys(scalarSettings) as (keyof typeof scalarSettings)[]) {
    if (raw[key] === undefined) continue
    const r = scalarSettings[key].schema.safeParse(raw[key])
    if (r.success) (doc as Record<typeof key, unknown>)[key] = r.data
    else problems.push(`Setting ${key} was invalid and was reset to ${String(scalarSettings[key].fallback)}`)
  }
  if (raw.notifications !== undefined) {
    const r = storedNotificationsSchema.safeParse(raw.notifications)
    if (r.success) doc.notifications = r.data
    else problems.push('Notification preferences were invalid and were reset')
  }
  const ids = new Set(doc.clusters.map((c) => c.id))
  doc.mutes = items(raw.mutes, storedMuteSchema, 'Mute', problems, 10_000).filter((m) => ids.has(m.clusterId))
  doc.guestAlerts = items(raw.guestAlerts, storedGuestAlertSchema, 'Guest alert', problems, 10_000).filter((a) => ids.has(a.clusterId))
  return { doc, problems }
}
