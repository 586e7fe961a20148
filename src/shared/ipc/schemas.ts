// Zod schemas for values that cross the renderer → main boundary. Main validates every input with
// them; the renderer may use them for form validation. Limits are deliberate: a hostile renderer
// payload must not be able to make main allocate or store unbounded data.
import { z } from 'zod'

import { MONITOR_EVENT_KINDS } from '../snapshot'

export const nodeNameSchema = z
  .string()
  .max(63)
  .regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/, 'Node names contain only letters, digits and inner hyphens')

export const vmidSchema = z.number().int().min(100).max(999_999_999)
export const guestKindSchema = z.enum(['qemu', 'lxc'])
export const powerActionSchema = z.enum(['start', 'stop', 'shutdown', 'reboot', 'suspend', 'resume'])
export const clusterIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Invalid cluster id')
export const clusterModeSchema = z.enum(['monitor', 'control'])

export const hostSchema = z
  .string()
  .trim()
  .min(1, 'Enter the host name or IP address of a Proxmox node')
  .max(253)
  .regex(
    /^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:]+:[0-9a-fA-F:.]*|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/,
    'Enter a host name or an IP address, without https:// or a path'
  )

export const portSchema = z.number().int().min(1, 'Ports go from 1 to 65535').max(65535, 'Ports go from 1 to 65535')

/** `user@realm!tokenname`, as Proxmox spells token ids. */
export const tokenIdSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\s:!@]+@[A-Za-z][A-Za-z0-9._-]*![A-Za-z][A-Za-z0-9._-]*$/, 'A token id looks like user@realm!tokenname, e.g. pvetray@pve!tray')

export const tokenSecretSchema = z.string().trim().min(1, 'Paste the token secret shown once when the token was created').max(256)

/** SHA-256 fingerprint as uppercase colon-separated hex (AB:CD:…, 32 bytes). Lowercase is accepted and normalised. */
export const fingerprint256Schema = z
  .string()
  .trim()
  // As users paste it: lower case, without colons, or with spaces (openssl, pvenode, a browser) all work.
  .transform((s) => {
    const hex = s.toUpperCase().replace(/[\s:]/g, '')
    return /^[0-9A-F]{64}$/.test(hex) ? (hex.match(/../g) ?? []).join(':') : s.toUpperCase()
  })
  .pipe(z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'A SHA-256 fingerprint is 32 hex pairs separated by colons'))

export const caPemSchema = z
  .string()
  .max(64 * 1024)
  .regex(/-----BEGIN CERTIFICATE-----/, 'Paste a PEM certificate (-----BEGIN CERTIFICATE-----)')

export const endpointInputSchema = z.object({
  host: hostSchema,
  port: portSchema.default(8006),
  node: nodeNameSchema.nullable().default(null),
  fingerprint256: fingerprint256Schema.nullable().default(null)
})

export const sshSettingsInputSchema = z.object({
  user: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'Enter a Unix user name'),
  keyPath: z.string().max(4096).nullable(),
  useAgent: z.boolean(),
  port: portSchema.default(22),
  /** undefined = keep the stored passphrase, null = remove it, string = replace it. */
  passphrase: z.string().max(1024).nullable().optional(),
  hostOverrides: z.record(nodeNameSchema, hostSchema).default({})
})

export const clusterInputSchema = z.object({
  /** Absent for a new cluster. */
  id: clusterIdSchema.optional(),
  name: z.string().trim().min(1, 'Give the cluster a name').max(80),
  mode: clusterModeSchema,
  endpoints: z.array(endpointInputSchema).min(1, 'Add at least one endpoint').max(32),
  tokenId: tokenIdSchema,
  /** undefined = keep the stored secret (editing), string = replace it. */
  tokenSecret: tokenSecretSchema.optional(),
  caPem: caPemSchema.nullable().optional(),
  ssh: sshSettingsInputSchema.optional(),
  /** Notify when a backup of this cluster fails; undefined = keep as saved (on for a new cluster). */
  backupFailureAlerts: z.boolean().optional()
})

export const eventKindSchema = z.enum(MONITOR_EVENT_KINDS)

export const generalSettingsInputSchema = z
  .object({
    pollIntervalSec: z.number().int().min(2).max(3600),
    storageThresholdPct: z.number().int().min(50).max(100),
    startAtLogin: z.boolean(),
    notificationKinds: z.partialRecord(eventKindSchema, z.boolean())
  })
  .partial()

export const guestRefSchema = z.object({
  clusterId: clusterIdSchema,
  node: nodeNameSchema,
  kind: guestKindSchema,
  vmid: vmidSchema
})

export const muteTargetSchema = z.union([
  z.object({ clusterId: clusterIdSchema, node: nodeNameSchema, vmid: z.undefined().optional() }),
  z.object({ clusterId: clusterIdSchema, vmid: vmidSchema, node: z.undefined().optional() })
])

export const muteModeSchema = z.enum(['hour', 'until-up', 'always', 'off'])
