// The stored (non-secret) settings document. One zod schema per part so a damaged document can be
// salvaged part by part (see salvage.ts). Secrets are NOT here: they live in the SecretVault.
import { z } from 'zod'

import {
  caPemSchema,
  clusterIdSchema,
  clusterModeSchema,
  eventKindSchema,
  fingerprint256Schema,
  hostSchema,
  nodeNameSchema,
  portSchema,
  tokenIdSchema,
  vmidSchema
} from '../../../shared/ipc/schemas'

export const CURRENT_SETTINGS_VERSION = 2

/** `SHA256:<base64>` as OpenSSH prints host key fingerprints. */
export const sshFingerprintSchema = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/)

/** Wire name of a host key type: `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, … */
export const sshHostKeyPinSchema = z.object({
  fingerprint: sshFingerprintSchema,
  keyType: z.string().regex(/^[a-z0-9][a-z0-9@.+-]{0,63}$/)
})

const storedEndpointSchema = z.object({
  host: hostSchema,
  port: portSchema,
  node: nodeNameSchema.nullable(),
  fingerprint256: fingerprint256Schema.nullable()
})

const storedSshSchema = z.object({
  user: z.string().min(1).max(64),
  keyPath: z.string().max(4096).nullable(),
  useAgent: z.boolean(),
  port: portSchema,
  hostOverrides: z.record(nodeNameSchema, hostSchema),
  /**
   * `host:port` → pinned host key (trust on first use, confirmed by the user). The key type lets the SSH pool
   * ask for that key first; a bare fingerprint is a pin stored before key types were kept.
   */
  pinnedHostKeys: z.record(
    z
      .string()
      .max(300)
      .regex(/^[A-Za-z0-9.:[\]-]+$/),
    z.union([sshFingerprintSchema, sshHostKeyPinSchema])
  )
})

export const storedClusterSchema = z.object({
  id: clusterIdSchema,
  name: z.string().min(1).max(80),
  mode: clusterModeSchema,
  endpoints: z.array(storedEndpointSchema).min(1).max(32),
  tokenId: tokenIdSchema,
  caPem: caPemSchema.nullable(),
  ssh: storedSshSchema.nullable(),
  /** Backup-failure notifications for this cluster; absent = on. */
  backupFailureAlerts: z.boolean().optional()
})

export const storedMuteSchema = z.object({
  clusterId: clusterIdSchema,
  node: nodeNameSchema.nullable(),
  vmid: vmidSchema.nullable(),
  mode: z.enum(['hour', 'until-up', 'always']),
  until: z.number().int().nonnegative().nullable()
})

export const storedGuestAlertSchema = z.object({ clusterId: clusterIdSchema, vmid: vmidSchema, enabled: z.boolean() })

export const storedNotificationsSchema = z.object({
  enabled: z.partialRecord(eventKindSchema, z.boolean()),
  pausedUntil: z.number().int().nonnegative().nullable()
})

/** Scalar settings with their defaults; each is salvaged on its own. */
export const scalarSettings = {
  pollIntervalSec: { schema: z.number().int().min(2).max(3600), fallback: 10 },
  storageThresholdPct: { schema: z.number().int().min(50).max(100), fallback: 85 },
  startAtLogin: { schema: z.boolean(), fallback: false }
} as const

export const settingsDocSchema = z.object({
  version: z.literal(CURRENT_SETTINGS_VERSION),
  clusters: z.array(storedClusterSchema).max(64),
  pollIntervalSec: scalarSettings.pollIntervalSec.schema,
  storageThresholdPct: scalarSettings.storageThresholdPct.schema,
  startAtLogin: scalarSettings.startAtLogin.schema,
  notifications: storedNotificationsSchema,
  mutes: z.array(storedMuteSchema).max(10_000),
  guestAlerts: z.array(storedGuestAlertSchema).max(10_000)
})

export type SettingsDoc = z.infer<typeof settingsDocSchema>
export type StoredCluster = z.infer<typeof storedClusterSchema>
export type StoredEndpoint = z.infer<typeof storedEndpointSchema>
export type StoredSsh = z.infer<typeof storedSshSchema>
export type StoredMute = z.infer<typeof storedMuteSchema>
export type StoredGuestAlert = z.infer<typeof storedGuestAlertSchema>

export function defaultSettingsDoc(): SettingsDoc {
  return {
    version: CURRENT_SETTINGS_VERSION,
    clusters: [],
    pollIntervalSec: scalarSettings.pollIntervalSec.fallback,
    storageThresholdPct: scalarSettings.storageThresholdPct.fallback,
    startAtLogin: scalarSettings.startAtLogin.fallback,
    notifications: { enabled: {}, pausedUntil: null },
    mutes: [],
    guestAlerts: []
  }
}
