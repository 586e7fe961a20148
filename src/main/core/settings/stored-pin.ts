// A cluster's pinned SSH host key for `host:port`, whatever form it was stored in: pins saved before key
// types were kept are a bare fingerprint (keyType '' then: the pool lets the server choose the key type).
import type { SettingsService } from './settings-service'

export interface StoredPin {
  readonly fingerprint: string
  readonly keyType: string
}

export function storedPin(settings: Pick<SettingsService, 'cluster'>, clusterId: string, hostPort: string): StoredPin | null {
  const pin = settings.cluster(clusterId)?.ssh?.pinnedHostKeys[hostPort]
  if (pin === undefined) return null
  return typeof pin === 'string' ? { fingerprint: pin, keyType: '' } : { fingerprint: pin.fingerprint, keyType: pin.keyType }
}
