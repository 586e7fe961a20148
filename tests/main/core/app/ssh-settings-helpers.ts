// The SSH settings steps the real-sshd app-core tests share: save a cluster's SSH settings the way the
// settings screen does (token secret kept, the node reached at 127.0.0.1), and read the pins it stored.
import { readFileSync } from 'node:fs'

import type { Simulator } from '../../../../src/main/core/simulator'
import type { SshdServer } from '../../../helpers/sshd-server'
import { clusterInput, type Harness } from './app-core-harness'

export interface SshInput {
  keyPath?: string
  passphrase?: string | null
  port?: number
}

export async function saveSsh(h: Harness, sim: Simulator, sshd: SshdServer, clusterId: string, node: string, o: SshInput = {}): Promise<void> {
  const r = await h.core.dispatch('settings:save-cluster', {
    ...clusterInput(sim),
    id: clusterId,
    tokenSecret: undefined,
    ssh: {
      user: sshd.user,
      keyPath: o.keyPath ?? sshd.keyPath,
      useAgent: false,
      port: o.port ?? sshd.port,
      hostOverrides: { [node]: '127.0.0.1' },
      passphrase: o.passphrase ?? null
    }
  })
  if (!r.ok) throw new Error(`save: ${r.error.code} ${r.error.message}`)
}

/** The host-key pins of one cluster, as the settings file holds them. */
export function storedPins(h: Harness, clusterId: string): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(h.settingsPath, 'utf8')) as { clusters: { id: string; ssh: { pinnedHostKeys: Record<string, unknown> } | null }[] }
  return doc.clusters.find((c) => c.id === clusterId)?.ssh?.pinnedHostKeys ?? {}
}
