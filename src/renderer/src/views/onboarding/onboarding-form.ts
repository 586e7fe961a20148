// The onboarding form's data: validation with the shared zod schemas (the same ones main applies),
// and the mapping of main's field errors back onto our fields.
import type { ChannelInput } from '@shared/ipc/contract'
import { clusterModeSchema, fingerprint256Schema, hostSchema, portSchema, tokenIdSchema, tokenSecretSchema } from '@shared/ipc/schemas'
import type { ClusterMode } from '@shared/snapshot'
import type { ClusterSettingsView, EndpointView } from '@shared/views'

export type FormField = 'name' | 'host' | 'port' | 'tokenId' | 'tokenSecret' | 'fingerprint' | 'caPem'
export type FieldErrors = Partial<Record<FormField, string>>

export interface OnboardingForm {
  readonly clusterId: string | null
  readonly name: string
  readonly mode: ClusterMode
  readonly host: string
  readonly port: string
  readonly tokenId: string
  readonly tokenSecret: string
  /** Expected (or accepted) certificate fingerprint; empty = not pinned yet. */
  readonly fingerprint: string
  /** The cluster CA (pve-root-ca.pem) to verify nodes by; empty = none typed (editing: keep the stored one). */
  readonly caPem: string
  /** Whether a secret is already stored (editing): an empty secret field then keeps it. */
  readonly hasStoredSecret: boolean
  /** What the stored secret was saved with (editing); main uses it only with exactly these. */
  readonly saved: {
    readonly host: string
    readonly port: string
    readonly tokenId: string
    readonly fingerprint: string
    /** All saved endpoints: kept as they are when the stored secret is kept (it is bound to them). */
    readonly endpoints: readonly EndpointView[]
  } | null
}

export function emptyForm(): OnboardingForm {
  return {
    clusterId: null,
    name: '',
    mode: 'monitor',
    host: '',
    port: '8006',
    tokenId: 'pvetray@pve!tray',
    tokenSecret: '',
    fingerprint: '',
    caPem: '',
    hasStoredSecret: false,
    saved: null
  }
}

export function formFromCluster(c: ClusterSettingsView): OnboardingForm {
  const e = c.endpoints[0]
  return {
    clusterId: c.id,
    name: c.name,
    mode: clusterModeSchema.parse(c.mode),
    host: e?.host ?? '',
    port: String(e?.port ?? 8006),
    tokenId: c.tokenId,
    tokenSecret: '',
    fingerprint: e?.fingerprint256 ?? '',
    caPem: '',
    hasStoredSecret: c.hasTokenSecret,
    saved: {
      host: e?.host ?? '',
      port: String(e?.port ?? 8006),
      tokenId: c.tokenId,
      fingerprint: e?.fingerprint256 ?? '',
      endpoints: c.endpoints.map((x) => ({ ...x }))
    }
  }
}

/**
 * Whether an empty secret field may keep the stored secret: only while host, port, token ID and
 * fingerprint are those it was saved with (main refuses to send it anywhere else).
 */
export function storedSecretApplies(f: OnboardingForm): boolean {
  if (!f.hasStoredSecret || f.saved === null) return false
  const fp = (v: string): string | null => {
    const r = fingerprint256Schema.safeParse(v)
    return r.success ? r.data : v.trim() === '' ? '' : null
  }
  return (
    f.host.trim().toLowerCase() === f.saved.host.toLowerCase() &&
    Number(f.port) === Number(f.saved.port) &&
    f.tokenId.trim() === f.saved.tokenId &&
    fp(f.fingerprint) === fp(f.saved.fingerprint) &&
    f.caPem.trim() === ''
  )
}

export const SECRET_AGAIN_HINT = 'Enter the secret again: a stored secret is only used with the host, port, token ID, fingerprint and CA it was saved for.'

export function validateForm(f: OnboardingForm, forSave: boolean): FieldErrors {
  const errors: FieldErrors = {}
  const first = (r: { success: boolean; error?: { issues: readonly { message: string }[] } }): string | undefined =>
    r.success ? undefined : (r.error?.issues[0]?.message ?? 'Invalid')
  errors.host = first(hostSchema.safeParse(f.host))
  errors.port = /^\d+$/.test(f.port.trim()) ? first(portSchema.safeParse(Number(f.port))) : 'Ports go from 1 to 65535'
  errors.tokenId = first(tokenIdSchema.safeParse(f.tokenId))
  if (f.tokenSecret.trim() !== '' || !storedSecretApplies(f)) {
    errors.tokenSecret = f.hasStoredSecret && f.tokenSecret.trim() === '' ? SECRET_AGAIN_HINT : first(tokenSecretSchema.safeParse(f.tokenSecret))
  }
  if (f.fingerprint.trim() !== '') errors.fingerprint = first(fingerprint256Schema.safeParse(f.fingerprint))
  if (forSave && f.name.trim() === '') errors.name = 'Give the cluster a name'
  for (const k of Object.keys(errors) as FormField[]) if (errors[k] === undefined) delete errors[k]
  return errors
}

function normalisedFingerprint(f: OnboardingForm): string | null {
  const r = fingerprint256Schema.safeParse(f.fingerprint)
  return r.success ? r.data : null
}

export function testInput(f: OnboardingForm): ChannelInput<'onboarding:test-connection'> {
  const secret = f.tokenSecret.trim()
  return {
    ...(f.clusterId !== null ? { clusterId: f.clusterId } : {}),
    endpoint: { host: f.host.trim(), port: Number(f.port), node: null, fingerprint256: normalisedFingerprint(f) },
    tokenId: f.tokenId.trim(),
    ...(secret !== '' ? { tokenSecret: secret } : {}),
    ...(f.caPem.trim() !== '' ? { caPem: f.caPem.trim() } : {})
  }
}

export function saveInput(f: OnboardingForm, discovered: readonly EndpointView[]): ChannelInput<'settings:save-cluster'> {
  const secret = f.tokenSecret.trim()
  const main = { host: f.host.trim(), port: Number(f.port), node: null, fingerprint256: normalisedFingerprint(f) }
  // Editing with the stored secret kept: the endpoints it is bound to stay exactly as saved.
  const keep = secret === '' && f.saved !== null && storedSecretApplies(f)
  const others = discovered.filter((e) => !(e.host === main.host && e.port === main.port)).map((e) => ({ ...e }))
  const endpoints = keep && f.saved !== null ? f.saved.endpoints.map((e) => ({ ...e })) : [main, ...others].slice(0, 32)
  return {
    ...(f.clusterId !== null ? { id: f.clusterId } : {}),
    name: f.name.trim(),
    mode: f.mode,
    endpoints,
    tokenId: f.tokenId.trim(),
    ...(secret !== '' ? { tokenSecret: secret } : {}),
    ...(f.caPem.trim() !== '' ? { caPem: f.caPem.trim() } : {})
  }
}

const FIELD_ALIASES: Readonly<Record<string, FormField>> = {
  host: 'host',
  port: 'port',
  tokenId: 'tokenId',
  tokenSecret: 'tokenSecret',
  secret: 'tokenSecret',
  fingerprint: 'fingerprint',
  fingerprint256: 'fingerprint',
  caPem: 'caPem',
  name: 'name'
}

/** main's field paths ("endpoint.host", "endpoints.0.fingerprint256", "tokenSecret") → our fields. */
export function mapFieldErrors(fields: Readonly<Record<string, string>> | undefined): { mapped: FieldErrors; unmapped: string[] } {
  const mapped: FieldErrors = {}
  const unmapped: string[] = []
  for (const [path, message] of Object.entries(fields ?? {})) {
    const last = path.split('.').pop() ?? path
    const f = FIELD_ALIASES[last]
    if (f !== undefined) mapped[f] = mapped[f] ?? message
    else unmapped.push(message)
  }
  return { mapped, unmapped }
}
