// Versioned migrations of the stored settings document. Each step takes the previous version's raw
// shape (untrusted: hand edits happen) and returns the next; anything it cannot read is left for
// salvage.ts to drop, so a migration never throws on odd data.
import { CURRENT_SETTINGS_VERSION } from './settings-schema'

type Raw = Record<string, unknown>

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * v0 (0.0.x, no `version` key): one cluster at the top level —
 * `{ host, port, tokenId, fingerprint, name?, readOnly?, pollInterval? }`.
 */
function v0ToV1(doc: Raw): Raw {
  const clusters: unknown[] = []
  if (typeof doc.host === 'string') {
    clusters.push({
      id: 'cluster-1',
      name: typeof doc.name === 'string' && doc.name.trim() !== '' ? doc.name : doc.host,
      mode: doc.readOnly === false ? 'control' : 'monitor',
      endpoints: [{ host: doc.host, port: typeof doc.port === 'number' ? doc.port : 8006, node: null, fingerprint256: doc.fingerprint ?? null }],
      tokenId: doc.tokenId,
      caPem: null,
      ssh: null
    })
  }
  return {
    version: 1,
    clusters,
    pollIntervalSec: doc.pollInterval,
    storageThresholdPct: doc.storageThreshold,
    startAtLogin: doc.autostart,
    notificationKinds: doc.notificationKinds,
    mutes: []
  }
}

/** v1 → v2: notification prefs become one object (kinds + pause), guest alerts and SSH host pins added. */
function v1ToV2(doc: Raw): Raw {
  const { notificationKinds, ...rest } = doc
  const clusters = Array.isArray(doc.clusters)
    ? (doc.clusters as unknown[]).map((c) => (isRecord(c) && isRecord(c.ssh) ? { ...c, ssh: { pinnedHostKeys: {}, ...c.ssh } } : c))
    : doc.clusters
  return {
    ...rest,
    version: 2,
    clusters,
    notifications: { enabled: isRecord(notificationKinds) ? notificationKinds : {}, pausedUntil: null },
    guestAlerts: []
  }
}

const steps: Record<number, (doc: Raw) => Raw> = { 0: v0ToV1, 1: v1ToV2 }

export type MigrationResult =
  { readonly ok: true; readonly doc: Raw; readonly from: number } | { readonly ok: false; readonly reason: string; readonly newerFormat?: number }

export function migrateSettings(raw: unknown): MigrationResult {
  if (!isRecord(raw)) return { ok: false, reason: 'the settings file does not hold a settings object' }
  const declared = raw.version
  const from = declared === undefined ? 0 : declared
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { ok: false, reason: 'the settings file has an invalid version' }
  if (from > CURRENT_SETTINGS_VERSION)
    return { ok: false, reason: `the settings file was written by a newer version of the app (format ${from})`, newerFormat: from }
  let doc: Raw = raw
  for (let v = from; v < CURRENT_SETTINGS_VERSION; v++) {
    const step = steps[v]
    if (step === undefined) return { ok: false, reason: `no migration from settings format ${v}` }
    doc = step(doc)
  }
  return { ok: true, doc, from }
}
