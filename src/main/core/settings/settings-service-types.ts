// What the settings service offers (settings-service.ts implements it): every change validated, stored and
// announced; secrets only through the methods that check what they were saved for.
import type { z } from 'zod'

import type { clusterInputSchema, generalSettingsInputSchema } from '../../../shared/ipc/schemas'
import type { SettingsView } from '../../../shared/views'
import type { TokenEndpoint } from '../vault/bound-secret'
import type { MuteMode, MuteTargetRef } from './mute-list'
import type { SettingsDoc, StoredCluster } from './settings-schema'

export type ClusterInput = z.output<typeof clusterInputSchema>
export type GeneralSettingsInput = z.output<typeof generalSettingsInputSchema>

export interface SettingsService {
  doc(): SettingsDoc
  view(): SettingsView
  cluster(id: string): StoredCluster | undefined
  /** The cluster's token secret, only while the cluster has the token id, endpoints, pins and CA it was saved with. */
  tokenSecret(clusterId: string): string | null
  /** Why tokenSecret() is null: nothing readable is stored, or it was saved for other endpoints/pins/CA/token id. */
  tokenSecretIssue(clusterId: string): 'unreadable' | 'other-settings' | null
  /** Every secret the vault can decrypt, whatever it is bound to: only for scrubbing outgoing text. */
  allSecrets(): string[]
  /** The stored token secret for onboarding's test of one endpoint: null unless the secret was saved for exactly it. */
  tokenSecretFor(clusterId: string, test: { tokenId: string; caPem: string | null; endpoint: TokenEndpoint }): string | null
  /** The SSH key passphrase, only while the key file, user, port and node addresses are those it was saved with. */
  sshPassphrase(clusterId: string): string | null
  saveCluster(input: ClusterInput): StoredCluster
  removeCluster(id: string): void
  /**
   * Pins a new certificate for one configured endpoint (the user compared it; the caller checked the
   * endpoint presents it now). The stored secret moves with it: same token, same endpoint, new pin.
   */
  retrustEndpoint(clusterId: string, host: string, port: number, fingerprint256: string): void
  updateGeneral(input: GeneralSettingsInput): void
  setMute(target: MuteTargetRef, mode: MuteMode, now: number): void
  setGuestAlert(clusterId: string, vmid: number, enabled: boolean): void
  pauseNotifications(until: number | null): void
  pinSshHostKey(clusterId: string, hostPort: string, pin: { fingerprint: string; keyType: string }): void
  forgetSshHostKey(clusterId: string, hostPort: string): void
  onChange(listener: (doc: SettingsDoc) => void): () => void
}
