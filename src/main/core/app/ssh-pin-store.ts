// The pool's host-key store for one cluster: the pins kept in its settings (with the key type, so the pool
// asks the server for that key first).
import type { SettingsService } from '../settings/settings-service'
import { storedPin } from '../settings/stored-pin'
import type { HostKeyStore } from '../ssh/host-key'

export function settingsPinStore(settings: SettingsService, clusterId: string, log: (line: string) => void): HostKeyStore {
  return {
    get: (hostId) => storedPin(settings, clusterId, hostId) ?? undefined,
    // Reached only for a key known_hosts vouches for (the pool gets no trust-on-first-use callback).
    set: (hostId, pin) => {
      try {
        settings.pinSshHostKey(clusterId, hostId, pin)
      } catch (e) {
        // known_hosts already vouched for this connection; it is only not remembered.
        log(`ssh: could not store the host key pin for ${hostId} (${e instanceof Error ? e.name : 'error'})`)
      }
    }
  }
}
