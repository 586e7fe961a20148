// The settings editor's form for one saved cluster (everything but the token, which onboarding tests).
import type { ChannelInput } from '@shared/ipc/contract'
import { clusterInputSchema } from '@shared/ipc/schemas'
import type { ClusterMode } from '@shared/snapshot'
import type { ClusterSettingsView } from '@shared/views'

export interface EndpointRow {
  readonly host: string
  readonly port: string
  readonly node: string
  readonly fingerprint256: string
}

export interface ClusterEditorForm {
  readonly name: string
  readonly mode: ClusterMode
  readonly endpoints: readonly EndpointRow[]
  readonly sshUser: string
  readonly sshKeyPath: string
  readonly sshUseAgent: boolean
  readonly sshPort: string
  /** '' keeps the stored passphrase (unless `clearPassphrase`). */
  readonly sshPassphrase: string
  readonly clearPassphrase: boolean
  /** Node → SSH address when it is not the one the cluster reports; '' = use the cluster's. */
  readonly sshHostOverrides: Readonly<Record<string, string>>
  /** Needed only when the endpoints or CA change: a stored secret is sent only where it was saved for. */
  readonly tokenSecret: string
  /** A new cluster CA (PEM); '' keeps the stored one (unless `removeCa`). */
  readonly caPem: string
  readonly removeCa: boolean
  /** Notify when a backup (vzdump) of this cluster fails. */
  readonly backupFailureAlerts: boolean
}

export function editorForm(c: ClusterSettingsView): ClusterEditorForm {
  return {
    name: c.name,
    mode: c.mode,
    endpoints: c.endpoints.map((e) => ({ host: e.host, port: String(e.port), node: e.node ?? '', fingerprint256: e.fingerprint256 ?? '' })),
    sshUser: c.ssh.user,
    sshKeyPath: c.ssh.keyPath ?? '',
    sshUseAgent: c.ssh.useAgent,
    sshPort: String(c.ssh.port),
    sshPassphrase: '',
    clearPassphrase: false,
    sshHostOverrides: Object.fromEntries(sshOverrideNodes(c).map((n) => [n, c.ssh.hostOverrides[n] ?? ''])),
    tokenSecret: '',
    caPem: '',
    removeCa: false,
    backupFailureAlerts: c.backupFailureAlerts
  }
}

/** The nodes whose SSH address can be set: those the endpoints name, and any that already has an override. */
export function sshOverrideNodes(c: ClusterSettingsView): string[] {
  return [...new Set([...c.endpoints.flatMap((e) => (e.node === null ? [] : [e.node])), ...Object.keys(c.ssh.hostOverrides)])].sort()
}

/** Whether the CA changes (a new one pasted, or the stored one removed). */
export function caChanged(c: ClusterSettingsView, f: ClusterEditorForm): boolean {
  return f.caPem.trim() !== '' || (f.removeCa && c.hasCaPem)
}

const endpointKey = (e: { host: string; port: number | string; fingerprint256: string | null }): string =>
  `${e.host.trim().toLowerCase()}|${Number(e.port)}|${(e.fingerprint256 ?? '')
    .trim()
    .toUpperCase()
    .replace(/[^0-9A-F]/g, '')}`

/** Whether the endpoints (hosts, ports, fingerprints) differ from the saved ones: the token secret is then asked again. */
export function endpointsChanged(c: ClusterSettingsView, f: ClusterEditorForm): boolean {
  const a = c.endpoints.map(endpointKey).sort()
  const b = f.endpoints.map((e) => endpointKey({ host: e.host, port: e.port, fingerprint256: e.fingerprint256 })).sort()
  return a.length !== b.length || a.some((k, i) => k !== b[i])
}

/** Whether the SSH settings a stored passphrase was saved with changed (key file, user, port). */
export function sshChanged(c: ClusterSettingsView, f: ClusterEditorForm): boolean {
  return (f.sshKeyPath.trim() || null) !== c.ssh.keyPath || f.sshUser !== c.ssh.user || Number(f.sshPort) !== c.ssh.port
}

export function editorInput(c: ClusterSettingsView, f: ClusterEditorForm): ChannelInput<'settings:save-cluster'> {
  return {
    id: c.id,
    name: f.name,
    mode: f.mode,
    backupFailureAlerts: f.backupFailureAlerts,
    tokenId: c.tokenId,
    ...(f.tokenSecret.trim() !== '' ? { tokenSecret: f.tokenSecret.trim() } : {}),
    ...(f.caPem.trim() !== '' ? { caPem: f.caPem.trim() } : f.removeCa ? { caPem: null } : {}),
    endpoints: f.endpoints.map((e) => ({
      host: e.host,
      port: Number(e.port),
      node: e.node.trim() === '' ? null : e.node.trim(),
      fingerprint256: e.fingerprint256.trim() === '' ? null : e.fingerprint256.trim()
    })),
    ssh: {
      user: f.sshUser,
      keyPath: f.sshKeyPath.trim() === '' ? null : f.sshKeyPath.trim(),
      useAgent: f.sshUseAgent,
      port: Number(f.sshPort),
      ...(f.clearPassphrase ? { passphrase: null } : f.sshPassphrase !== '' ? { passphrase: f.sshPassphrase } : {}),
      hostOverrides: Object.fromEntries(
        Object.entries(f.sshHostOverrides)
          .map(([n, h]): [string, string] => [n, h.trim()])
          .filter(([, h]) => h !== '')
      )
    }
  }
}

/** Field path ("endpoints.0.host", "ssh.user") → message, from the same schema main applies. */
export function validateEditor(input: ChannelInput<'settings:save-cluster'>): Record<string, string> {
  const r = clusterInputSchema.safeParse(input)
  if (r.success) return {}
  const out: Record<string, string> = {}
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.')
    out[path] ??= issue.message
  }
  return out
}
