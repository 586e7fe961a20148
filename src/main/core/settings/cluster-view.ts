// What the renderer may know of a saved cluster: everything but its secrets (only whether usable ones exist).
import type { ClusterSettingsView } from '../../../shared/views'
import type { StoredCluster } from './settings-schema'

export function clusterView(c: StoredCluster, usable: { readonly token: boolean; readonly passphrase: boolean }): ClusterSettingsView {
  return {
    id: c.id,
    name: c.name,
    mode: c.mode,
    endpoints: c.endpoints.map((e) => ({ ...e })),
    tokenId: c.tokenId,
    hasTokenSecret: usable.token,
    hasCaPem: c.caPem !== null,
    backupFailureAlerts: c.backupFailureAlerts ?? true,
    ssh: {
      user: c.ssh?.user ?? 'root',
      keyPath: c.ssh?.keyPath ?? null,
      useAgent: c.ssh?.useAgent ?? false,
      hasPassphrase: usable.passphrase,
      port: c.ssh?.port ?? 22,
      hostOverrides: { ...(c.ssh?.hostOverrides ?? {}) }
    }
  }
}
