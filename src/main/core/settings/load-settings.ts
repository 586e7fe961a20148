// Reads the settings at start: never throws. A corrupt or invalid store is backed up, reported once
// (SettingsView.recovered) and replaced by the valid rest (or defaults).
import { clusterCaProblem } from '../proxmox/cluster-ca'
import { migrateSettings } from './migrations'
import { salvageSettings } from './salvage'
import { CURRENT_SETTINGS_VERSION, defaultSettingsDoc, type SettingsDoc, settingsDocSchema } from './settings-schema'
import type { SettingsStore } from './settings-store'

export interface Recovered {
  readonly message: string
  readonly backupPath: string | null
}

export interface LoadedSettings {
  readonly doc: SettingsDoc
  readonly recovered: Recovered | null
  /** The stored document must be rewritten (migrated or salvaged). */
  readonly rewrite: boolean
  /** Written by a newer version: used as far as this version understands it, and never written. */
  readonly readOnly: string | null
}

function safeBackup(store: SettingsStore, log: (line: string) => void): string | null {
  try {
    return store.backup()
  } catch (e) {
    log(`settings: backup failed (${e instanceof Error ? e.name : 'error'})`)
    return null
  }
}

function recovered(store: SettingsStore, what: string, log: (line: string) => void): Recovered {
  const backupPath = safeBackup(store, log)
  const kept = backupPath === null ? '' : ` The previous file was kept as ${backupPath}.`
  return { message: `${what}${kept}`, backupPath }
}

function dropUnfitCas(doc: SettingsDoc): string[] {
  const out: string[] = []
  doc.clusters = doc.clusters.map((c) => {
    if (c.caPem === null) return c
    const problem = clusterCaProblem(c.caPem)
    if (problem === null) return c
    out.push(`Cluster "${c.name}": its cluster CA was removed (${problem})`)
    return { ...c, caPem: null }
  })
  return out
}

export function loadSettings(store: SettingsStore, log: (line: string) => void = () => {}): LoadedSettings {
  let raw: unknown
  try {
    raw = store.load()
  } catch {
    const r = recovered(store, 'The settings file could not be read (it is not valid JSON), so the app started with default settings.', log)
    return { doc: defaultSettingsDoc(), recovered: r, rewrite: true, readOnly: null }
  }
  if (raw === undefined || raw === null) return { doc: defaultSettingsDoc(), recovered: null, rewrite: false, readOnly: null }
  const migrated = migrateSettings(raw)
  if (!migrated.ok && migrated.newerFormat !== undefined && typeof raw === 'object' && !Array.isArray(raw)) {
    // A downgrade must never wipe the newer version's settings: use what this version understands,
    // write nothing, and say so until the user updates (or moves the file away to start over).
    const message =
      `The settings were written by a newer version of PVE Tray (settings format ${migrated.newerFormat}; this version reads format ${CURRENT_SETTINGS_VERSION}). ` +
      'They are used read-only, so the newer version still finds them intact: update PVE Tray to change settings, or move the settings file away to start over with this version.'
    log('settings: written by a newer version; read-only')
    return { doc: salvageSettings(raw as Record<string, unknown>).doc, recovered: { message, backupPath: null }, rewrite: false, readOnly: message }
  }
  if (!migrated.ok) {
    const r = recovered(store, `The settings could not be used (${migrated.reason}), so the app started with default settings.`, log)
    return { doc: defaultSettingsDoc(), recovered: r, rewrite: true, readOnly: null }
  }
  const strict = settingsDocSchema.safeParse(migrated.doc)
  const salvaged = strict.success ? { doc: strict.data, problems: [] as string[] } : salvageSettings(migrated.doc)
  // A cluster CA stored by an older version that no longer qualifies (a public web root) is dropped, and said.
  const caProblems = dropUnfitCas(salvaged.doc)
  const problems = [...salvaged.problems, ...caProblems]
  const doc = salvaged.doc
  if (strict.success && problems.length === 0) return { doc, recovered: null, rewrite: migrated.from !== doc.version, readOnly: null }
  if (problems.length === 0) return { doc, recovered: null, rewrite: true, readOnly: null }
  const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '')
  const r = recovered(store, `Some settings were invalid and were repaired or removed: ${shown}. Everything else was kept.`, log)
  return { doc, recovered: r, rewrite: true, readOnly: null }
}
