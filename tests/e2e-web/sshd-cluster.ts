// The configured cluster of the browser tests, with SSH to a real local sshd for one node: what the host-key
// specs start from.
import type { Bridge } from '../../src/main/bridge/index'
import type { SshdServer } from '../helpers/sshd-server'
import type { AppFixtures } from './fixtures'

export async function sshToRealSshd(bridge: Bridge, configured: NonNullable<AppFixtures['configured']>, s: SshdServer, node: string): Promise<void> {
  const { clusterId, sim } = configured
  const saved = await bridge.core.dispatch('settings:save-cluster', {
    id: clusterId,
    name: 'lab',
    mode: 'control',
    endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
    tokenId: sim.tokens.admin.id,
    ssh: { user: s.user, keyPath: s.keyPath, useAgent: false, port: s.port, hostOverrides: { [node]: '127.0.0.1' }, passphrase: null }
  })
  if (!saved.ok) throw new Error(saved.error.message)
}
