// Reads the settings at start: never throws. A corrupt or invalid store is backed up, reported once
// (SettingsView.recovered) and replaced by the valid rest (or defaults).
import { migrateSettings } from './migrations'
import { salvageSettings } from './salvage'
import { defaultSettingsDoc, settingsDocSchema, type SettingsDoc } from './settings-schema'
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

export function loadSettings(store: SettingsStore, log: (line: string) => void = () => {}): LoadedSettings {
  let raw: unknown
  try {
    raw = store.load()
  } catch {
    const r = recovered(store, 'The settings file could not be read (it is not valid JSON), so the app started with default settings.', log)
    return { doc: defaultSettingsDoc(), recovered: r, rewrite: true }
  }
  if (raw === undefined || raw === null) return { doc: defaultSettingsDoc(), recovered: null, rewrite: false }
  const migrated = migrateSettings(raw)
  if (!migrated.ok) {
    const r = recovered(store, `The settings could not be used (${migrated.reason}), so the app started with default settings.`, log)
    return { doc: defaultSettingsDoc(), recovered: r, rewrite: true }
  }
  const strict = settingsDocSchema.safeParse(migrated.doc)
  if (strict.success) return { doc: strict.data, recovered: null, rewrite: migrated.from !== strict.data.version }
  const { doc, problems } = salvageSettings(migrated.doc)
  if (problems.length === 0) return { doc, recovered: null, rewrite: true }
  const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '')
  const r = recovered(store, `Some settings were invalid and were removed: ${shown}. Everything else was kept.`, log)
  return { doc, recovered: r, rewrite: true }
}
