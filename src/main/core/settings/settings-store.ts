// Where the non-secret settings document lives. The glue adapts electron-store; core ships a JSON
// file adapter (tests, browser bridge). The document is opaque here: core validates and migrates it.

export interface SettingsStore {
  /**
   * The raw stored document, or `undefined` when nothing was saved yet. Throws when the stored bytes
   * cannot be read as JSON (core then backs the store up and starts from defaults).
   */
  load(): unknown
  save(doc: unknown): void
  /** Keeps a copy of the current (corrupt or invalid) store aside; returns where it went, or null. */
  backup(): string | null
}
