// Turns a migrated but untrusted document into a valid one, keeping every part that is still valid:
// one invalid field of a cluster drops that field, not the cluster (an unreadable fingerprint becomes
// "not pinned", so the certificate is trusted again, while the token id, the other endpoints and the SSH
// pins survive); a cluster goes only when what identifies it is gone (id, token id, every endpoint).
// An invalid scalar falls back to its default. Returns what was changed, in words, so the user is told once.
import { z } from 'zod'

import {
  caPemSchema,
  clusterIdSchema,
  clusterModeSchema,
  fingerprint256Schema,
  hostSchema,
  nodeNameSchema,
  portSchema,
  tokenIdSchema
} from '../../../shared/ipc/schemas'
import {
  defaultSettingsDoc,
  scalarSettings,
  type SettingsDoc,
  sshFingerprintSchema,
  sshHostKeyPinSchema,
  type StoredCluster,
  storedClusterSchema,
  type StoredEndpoint,
  storedGuestAlertSchema,
  storedMuteSchema,
  storedNotificationsSchema,
  type StoredSsh
} from './settings-schema'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function field<T>(schema: z.ZodType<T>, v: unknown): T | undefined {
  const r = schema.safeParse(v)
  return r.success ? r.data : undefined
}

function salvageEndpoint(raw: unknown, label: string, problems: string[]): StoredEndpoint | null {
  if (!isRecord(raw)) return null
  const host = field(hostSchema, raw.host)
  const port = field(portSchema, raw.port)
  if (host === undefined || port === undefined) return null
  const fingerprint256 = raw.fingerprint256 === null || raw.fingerprint256 === undefined ? null : (field(fingerprint256Schema, raw.fingerprint256) ?? null)
  if (fingerprint256 === null && raw.fingerprint256 !== null && raw.fingerprint256 !== undefined) {
    problems.push(`${label}: the certificate fingerprint of ${host}:${port} was unreadable; trust its certificate again`)
  }
  return { host, port, node: raw.node === null ? null : (field(nodeNameSchema, raw.node) ?? null), fingerprint256 }
}

function salvageSsh(raw: unknown, label: string, problems: string[]): StoredSsh | null {
  if (raw === null || raw === undefined) return null
  if (!isRecord(raw)) {
    problems.push(`${label}: the SSH settings were invalid and were removed`)
    return null
  }
  const pins: StoredSsh['pinnedHostKeys'] = {}
  const pinsRaw = isRecord(raw.pinnedHostKeys) ? raw.pinnedHostKeys : {}
  for (const [hostPort, pin] of Object.entries(pinsRaw)) {
    const ok = /^[A-Za-z0-9.:[\]-]{1,300}$/.test(hostPort) ? field(z.union([sshFingerprintSchema, sshHostKeyPinSchema]), pin) : undefined
    if (ok === undefined) problems.push(`${label}: the SSH host key pin of ${hostPort.slice(0, 60)} was unreadable; confirm that host's key again`)
    else pins[hostPort] = ok
  }
  const overrides: Record<string, string> = {}
  for (const [node, host] of Object.entries(isRecord(raw.hostOverrides) ? raw.hostOverrides : {})) {
    const n = field(nodeNameSchema, node)
    const h = field(hostSchema, host)
    if (n !== undefined && h !== undefined) overrides[n] = h
    else problems.push(`${label}: the SSH address of node ${String(node).slice(0, 40)} was unreadable and was removed`)
  }
  // Never log in as someone else silently: an unreadable user turns SSH off until the user sets it again.
  const user = field(z.string().min(1).max(64), raw.user)
  if (user === undefined) {
    problems.push(`${label}: the SSH user was unreadable, so SSH was turned off for this cluster; set it again in the settings`)
    return null
  }
  const keyPath = raw.keyPath === null ? null : (field(z.string().max(4096), raw.keyPath) ?? null)
  if (keyPath === null && raw.keyPath !== null && raw.keyPath !== undefined) problems.push(`${label}: the SSH key path was unreadable and was removed`)
  const useAgent = field(z.boolean(), raw.useAgent)
  if (useAgent === undefined && raw.useAgent !== undefined) problems.push(`${label}: "use the SSH agent" was unreadable and is now off`)
  const port = field(portSchema, raw.port)
  if (port === undefined && raw.port !== undefined) problems.push(`${label}: the SSH port was unreadable and is now 22`)
  return { user, keyPath, useAgent: useAgent ?? false, port: port ?? 22, hostOverrides: overrides, pinnedHostKeys: pins }
}

/** A cluster field by field: null only when what identifies it (id, token id, every endpoint) is unreadable. */
function salvageCluster(raw: unknown, index: number, problems: string[]): StoredCluster | null {
  const strict = storedClusterSchema.safeParse(raw)
  if (strict.success) return strict.data
  const label = isRecord(raw) && typeof raw.name === 'string' ? `Cluster "${raw.name.slice(0, 80)}"` : `Cluster #${index + 1}`
  if (!isRecord(raw)) {
    problems.push(`${label} was invalid and was removed`)
    return null
  }
  const id = field(clusterIdSchema, raw.id)
  const tokenId = field(tokenIdSchema, raw.tokenId)
  const endpoints = (Array.isArray(raw.endpoints) ? raw.endpoints.slice(0, 32) : [])
    .map((e) => salvageEndpoint(e, label, problems))
    .filter((e): e is StoredEndpoint => e !== null)
  if (id === undefined || tokenId === undefined || endpoints.length === 0) {
    problems.push(`${label} was invalid (its ${id === undefined ? 'id' : tokenId === undefined ? 'token ID' : 'endpoints'} could not be read) and was removed`)
    return null
  }
  if (Array.isArray(raw.endpoints) && endpoints.length < raw.endpoints.length) problems.push(`${label}: an unreadable endpoint was removed`)
  const caPem = raw.caPem === null || raw.caPem === undefined ? null : (field(caPemSchema, raw.caPem) ?? null)
  if (caPem === null && raw.caPem !== null && raw.caPem !== undefined)
    problems.push(`${label}: the cluster CA was unreadable and was removed; paste it again or trust the certificates`)
  const name = field(z.string().min(1).max(80), raw.name) ?? id
  const mode = field(clusterModeSchema, raw.mode) ?? 'monitor'
  if (raw.mode !== undefined && mode !== raw.mode) problems.push(`${label}: the mode was invalid and is now monitor-only`)
  // Anything but a boolean is dropped (notifications stay on).
  const backupFailureAlerts = field(z.boolean(), raw.backupFailureAlerts)
  const cluster: StoredCluster = {
    id,
    name,
    mode,
    endpoints,
    tokenId,
    caPem,
    ssh: salvageSsh(raw.ssh, label, problems),
    ...(backupFailureAlerts === undefined ? {} : { backupFailureAlerts })
  }
  return storedClusterSchema.safeParse(cluster).success ? cluster : null
}

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
  const rawClusters: unknown[] = Array.isArray(raw.clusters) ? raw.clusters.slice(0, 64) : []
  if (raw.clusters !== undefined && !Array.isArray(raw.clusters)) problems.push('Cluster: not a list, reset')
  if (Array.isArray(raw.clusters) && raw.clusters.length > 64) problems.push('Cluster: only the first 64 kept')
  const clusters = rawClusters.map((c, i) => salvageCluster(c, i, problems)).filter((c): c is StoredCluster => c !== null)
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
