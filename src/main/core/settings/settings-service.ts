// The settings held in memory, changed only through these methods: each change is validated,
// written to the store, and announced (the app core reconfigures monitors on it). Secrets go to
// the vault, never into the document; the view says only whether one is set.
import { randomUUID } from 'node:crypto'

import type { SettingsView } from '../../../shared/views'
import { AppError } from '../errors/app-error'
import { clusterCaProblem } from '../proxmox/cluster-ca'
import { coversEndpoint, sameContext, sealBound } from '../vault/bound-secret'
import { type SecretVault, vaultKeys } from '../vault/secret-vault'
import { createBoundSecrets, REENTER_PASSPHRASE, REENTER_TOKEN_SECRET, sshCtx, tokenCtx } from './bound-secrets'
import { clusterView } from './cluster-view'
import type { LoadedSettings, Recovered } from './load-settings'
import { withGuestAlert, withMute } from './mute-list'
import { defaultNotificationKinds } from './notification-defaults'
import { type SettingsDoc, settingsDocSchema, type StoredCluster } from './settings-schema'
import type { SettingsService } from './settings-service-types'
import type { SettingsStore } from './settings-store'

export type { SettingsService } from './settings-service-types'

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return `${s || 'cluster'}-${randomUUID().slice(0, 8)}`
}

export function createSettingsService(opts: {
  store: SettingsStore
  vault: SecretVault
  loaded: LoadedSettings
  log?: (line: string) => void
}): SettingsService {
  const { store, vault } = opts
  const log = opts.log ?? (() => {})
  let doc: SettingsDoc = opts.loaded.doc
  const recovered: Recovered | null = opts.loaded.recovered
  const listeners = new Set<(d: SettingsDoc) => void>()

  if (opts.loaded.rewrite) {
    try {
      store.save(doc)
    } catch (e) {
      log(`settings: rewrite failed (${e instanceof Error ? e.name : 'error'})`)
    }
  }

  const readOnly = opts.loaded.readOnly ?? null
  function requireWritable(): void {
    if (readOnly !== null) throw new AppError('read-only', readOnly)
  }

  function commit(next: SettingsDoc): void {
    requireWritable()
    // The document must stay valid whatever a handler did: validate before it reaches the store.
    const checked = settingsDocSchema.safeParse(next)
    if (!checked.success) throw new AppError('invalid-input', 'These settings are not valid; nothing was changed.')
    try {
      store.save(checked.data)
    } catch {
      throw new AppError('internal', 'The settings could not be saved (the settings file is not writable). Nothing was changed.')
    }
    doc = checked.data
    for (const l of [...listeners]) l(doc)
  }

  /**
   * Secrets first: if the vault refuses (no keyring), the document is left as it was. If the document then
   * cannot be saved, the previous secrets are put back: "nothing was changed" must stay true.
   */
  function commitWithSecrets(next: SettingsDoc, keys: readonly string[], writeSecrets: () => void): void {
    const previous = keys.map((k) => [k, vault.get(k)] as const)
    try {
      writeSecrets()
    } catch {
      throw new AppError('internal', 'The secret could not be stored: the system keyring is not available. Nothing was changed.')
    }
    try {
      commit(next)
    } catch (e) {
      try {
        for (const [k, v] of previous) {
          if (v === null) vault.delete(k)
          else vault.set(k, v)
        }
      } catch {
        log('settings: could not restore the previous secrets after a failed save')
      }
      throw e
    }
  }

  const bound = createBoundSecrets(vault, log, () => readOnly !== null)
  const tokenSecretOf = (c: StoredCluster): string | null => bound.read(vaultKeys.tokenSecret(c.id), tokenCtx(c))
  const passphraseOf = (c: StoredCluster): string | null => bound.read(vaultKeys.sshPassphrase(c.id), sshCtx(c))

  function requireCluster(id: string): StoredCluster {
    const c = doc.clusters.find((x) => x.id === id)
    if (c === undefined) throw new AppError('not-found', 'This cluster is not configured (it may have been removed).')
    return c
  }

  return {
    doc: () => doc,
    view(): SettingsView {
      return {
        clusters: doc.clusters.map((c) => clusterView(c, { token: tokenSecretOf(c) !== null, passphrase: passphraseOf(c) !== null })),
        pollIntervalSec: doc.pollIntervalSec,
        storageThresholdPct: doc.storageThresholdPct,
        notifications: { enabled: { ...defaultNotificationKinds, ...doc.notifications.enabled }, pausedUntil: doc.notifications.pausedUntil },
        startAtLogin: doc.startAtLogin,
        keyring: vault.status(),
        recovered,
        secretsRecovered: vault.problem()
      }
    },
    cluster: (id) => doc.clusters.find((c) => c.id === id),
    tokenSecret(id): string | null {
      const c = doc.clusters.find((x) => x.id === id)
      return c === undefined ? null : tokenSecretOf(c)
    },
    tokenSecretIssue(id): 'unreadable' | 'other-settings' | null {
      const c = doc.clusters.find((x) => x.id === id)
      if (c === undefined || tokenSecretOf(c) !== null) return null
      return bound.issue(vaultKeys.tokenSecret(id))
    },
    allSecrets: () => bound.all(),
    tokenSecretFor(id, test): string | null {
      const c = doc.clusters.find((x) => x.id === id)
      if (c === undefined) return null
      const secret = tokenSecretOf(c)
      return secret !== null && coversEndpoint(tokenCtx(c), test) ? secret : null
    },
    sshPassphrase(id): string | null {
      const c = doc.clusters.find((x) => x.id === id)
      return c === undefined ? null : passphraseOf(c)
    },

    saveCluster(input): StoredCluster {
      // Before anything reaches the vault.
      requireWritable()
      const existing = input.id === undefined ? undefined : requireCluster(input.id)
      const id = existing?.id ?? slug(input.name)
      if (input.tokenSecret === undefined && (existing === undefined || tokenSecretOf(existing) === null)) {
        throw new AppError('invalid-input', 'Paste the token secret shown once when the token was created.', {
          fields: { tokenSecret: 'Paste the token secret shown once when the token was created' }
        })
      }
      if (typeof input.caPem === 'string') {
        const problem = clusterCaProblem(input.caPem)
        if (problem !== null) throw new AppError('invalid-input', problem, { fields: { caPem: problem } })
      }
      const ssh = input.ssh
      const backupFailureAlerts = input.backupFailureAlerts ?? existing?.backupFailureAlerts
      const cluster: StoredCluster = {
        id,
        name: input.name,
        mode: input.mode,
        endpoints: input.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
        tokenId: input.tokenId,
        caPem: input.caPem === undefined ? (existing?.caPem ?? null) : input.caPem,
        ...(backupFailureAlerts === undefined ? {} : { backupFailureAlerts }),
        ssh:
          ssh === undefined
            ? (existing?.ssh ?? null)
            : {
                user: ssh.user,
                keyPath: ssh.keyPath,
                useAgent: ssh.useAgent,
                port: ssh.port,
                hostOverrides: { ...ssh.hostOverrides },
                pinnedHostKeys: { ...(existing?.ssh?.pinnedHostKeys ?? {}) }
              }
      }
      const clusters = existing === undefined ? [...doc.clusters, cluster] : doc.clusters.map((c) => (c.id === id ? cluster : c))
      const next = { ...doc, clusters }
      if (!settingsDocSchema.safeParse(next).success) throw new AppError('invalid-input', 'These cluster settings are not valid; nothing was changed.')
      // A kept secret goes only where it was saved for: a changed destination needs it entered again.
      if (existing !== undefined && input.tokenSecret === undefined && !sameContext(tokenCtx(existing), tokenCtx(cluster))) {
        throw new AppError('invalid-input', REENTER_TOKEN_SECRET, {
          fields: { tokenSecret: 'Enter the token secret again for the changed token ID, endpoints, fingerprints or CA' }
        })
      }
      if (
        existing !== undefined &&
        ssh !== undefined &&
        ssh.passphrase === undefined &&
        passphraseOf(existing) !== null &&
        !sameContext(sshCtx(existing), sshCtx(cluster))
      ) {
        throw new AppError('invalid-input', REENTER_PASSPHRASE, { fields: { 'ssh.passphrase': 'Enter the key passphrase again for the changed SSH settings' } })
      }
      commitWithSecrets(next, [vaultKeys.tokenSecret(id), vaultKeys.sshPassphrase(id)], () => {
        if (input.tokenSecret !== undefined) vault.set(vaultKeys.tokenSecret(id), sealBound(input.tokenSecret, tokenCtx(cluster)))
        if (ssh?.passphrase === null) vault.delete(vaultKeys.sshPassphrase(id))
        else if (typeof ssh?.passphrase === 'string') vault.set(vaultKeys.sshPassphrase(id), sealBound(ssh.passphrase, sshCtx(cluster)))
      })
      log(`settings: cluster ${id} ${existing === undefined ? 'added' : 'updated'}`)
      return cluster
    },

    retrustEndpoint(clusterId, host, port, fingerprint256): void {
      requireWritable()
      const c = requireCluster(clusterId)
      const key = `${host.toLowerCase()}:${port}`
      if (!c.endpoints.some((e) => `${e.host.toLowerCase()}:${e.port}` === key))
        throw new AppError('not-found', `${host}:${port} is not an endpoint of this cluster.`)
      const updated: StoredCluster = { ...c, endpoints: c.endpoints.map((e) => (`${e.host.toLowerCase()}:${e.port}` === key ? { ...e, fingerprint256 } : e)) }
      const secret = tokenSecretOf(c)
      commitWithSecrets({ ...doc, clusters: doc.clusters.map((x) => (x.id === clusterId ? updated : x)) }, [vaultKeys.tokenSecret(clusterId)], () => {
        if (secret !== null) vault.set(vaultKeys.tokenSecret(clusterId), sealBound(secret, tokenCtx(updated)))
      })
      log(`settings: cluster ${clusterId}: new certificate pinned for ${host}:${port}`)
    },

    removeCluster(id): void {
      requireCluster(id)
      commit({
        ...doc,
        clusters: doc.clusters.filter((c) => c.id !== id),
        mutes: doc.mutes.filter((m) => m.clusterId !== id),
        guestAlerts: doc.guestAlerts.filter((a) => a.clusterId !== id)
      })
      vault.delete(vaultKeys.tokenSecret(id))
      vault.delete(vaultKeys.sshPassphrase(id))
    },

    updateGeneral(input): void {
      const next: SettingsDoc = { ...doc, notifications: { ...doc.notifications, enabled: { ...doc.notifications.enabled } } }
      if (input.pollIntervalSec !== undefined) next.pollIntervalSec = input.pollIntervalSec
      if (input.storageThresholdPct !== undefined) next.storageThresholdPct = input.storageThresholdPct
      if (input.startAtLogin !== undefined) next.startAtLogin = input.startAtLogin
      if (input.notificationKinds !== undefined) Object.assign(next.notifications.enabled, input.notificationKinds)
      commit(next)
    },

    setMute(target, mode, now): void {
      requireCluster(target.clusterId)
      commit({ ...doc, mutes: withMute(doc.mutes, target, mode, now) })
    },

    setGuestAlert(clusterId, vmid, enabled): void {
      requireCluster(clusterId)
      commit({ ...doc, guestAlerts: withGuestAlert(doc.guestAlerts, clusterId, vmid, enabled) })
    },

    pauseNotifications(until): void {
      commit({ ...doc, notifications: { ...doc.notifications, pausedUntil: until } })
    },

    pinSshHostKey(clusterId, hostPort, pin): void {
      const c = requireCluster(clusterId)
      const ssh = c.ssh ?? { user: 'root', keyPath: null, useAgent: false, port: 22, hostOverrides: {}, pinnedHostKeys: {} }
      const entry = { fingerprint: pin.fingerprint, keyType: pin.keyType }
      const updated: StoredCluster = { ...c, ssh: { ...ssh, pinnedHostKeys: { ...ssh.pinnedHostKeys, [hostPort]: entry } } }
      commit({ ...doc, clusters: doc.clusters.map((x) => (x.id === clusterId ? updated : x)) })
    },

    forgetSshHostKey(clusterId, hostPort): void {
      const c = requireCluster(clusterId)
      if (c.ssh === null || !(hostPort in c.ssh.pinnedHostKeys)) return
      const pinnedHostKeys = Object.fromEntries(Object.entries(c.ssh.pinnedHostKeys).filter(([k]) => k !== hostPort))
      const updated: StoredCluster = { ...c, ssh: { ...c.ssh, pinnedHostKeys } }
      commit({ ...doc, clusters: doc.clusters.map((x) => (x.id === clusterId ? updated : x)) })
    },

    onChange(listener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
