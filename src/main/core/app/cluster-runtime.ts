// The clusters being watched now: one client + monitor per configured cluster (or the demo cluster
// when none is configured). `reconcile` brings them in line with the settings after every change,
// restarting only clusters whose connection settings changed.
import { createHash } from 'node:crypto'

import type { ClusterSnapshot, MonitorEvent } from '../../../shared/snapshot'
import { createPermissionsCache } from '../clusters/permissions-cache'
import { canPowerGuest, type Permissions, type PowerTarget } from '../clusters/privileges'
import type { ApiConfig, ClusterMonitorPort, ClusterRegistry, RuntimeCluster } from '../clusters/types'
import type { MuteEntry } from '../monitor'
import { monitorApiFromClient, MonitorHub, systemClock } from '../monitor'
import type { SettingsDoc, StoredMute } from '../settings/settings-schema'
import type { SettingsService } from '../settings/settings-service'
import type { DemoCluster } from './app-core-types'
import { CertificateWatch } from './certificate-watch'
import { DemoPrefs } from './guest-prefs'
import { HaCephWatch } from './ha-ceph-watch'
import { createPveClient } from './pve-adapters'
import { secretlessEvent, secretlessSnapshot } from './secretless-cluster'

export const DEMO_CLUSTER_ID = 'demo'

interface Entry {
  readonly rc: RuntimeCluster
  readonly key: string
}

export interface ClusterRuntimeOptions {
  readonly settings: SettingsService
  readonly log: (line: string) => void
  readonly pollIntervalMs: () => number
  readonly connectTimeoutMs: number
  readonly responseTimeoutMs?: number
  /** The app core's clock: mutes are set, judged and cleared with it (never Date.now). */
  readonly now: () => number
  readonly onCycle: (clusterId: string, snapshot: ClusterSnapshot, events: readonly MonitorEvent[]) => void
  /** TLS handshake only, for the certificate watch (see certificate-watch.ts). */
  readonly probeCertificate?: (host: string, port: number, timeoutMs: number) => Promise<{ readonly fingerprint256: string }>
  readonly certificateCheckMs?: number
}

function mutesFor(doc: { readonly mutes: readonly StoredMute[] }, clusterId: string): MuteEntry[] {
  return doc.mutes
    .filter((m) => m.clusterId === clusterId)
    .map((m): MuteEntry => ({ target: m.node !== null ? { node: m.node } : { vmid: m.vmid ?? 0 }, mode: m.mode, until: m.until }))
}

export class ClusterRuntime implements ClusterRegistry {
  readonly hub = new MonitorHub()
  /** Mutes and guest alerts of the demo cluster (not in the settings; see guest-prefs.ts). */
  readonly demoPrefs = new DemoPrefs()
  private readonly entries = new Map<string, Entry>()
  /** Configured clusters whose secret cannot be used: shown (not monitored) with their one event. */
  private readonly secretless = new Map<string, { snapshot: ClusterSnapshot; event: MonitorEvent; name: string; issue: string }>()
  private readonly unsubscribe: () => void

  private readonly certs: CertificateWatch | null

  /** HA status and Ceph health at the slow cadence (see ha-ceph-watch.ts). */
  private readonly haCeph: HaCephWatch

  constructor(private readonly o: ClusterRuntimeOptions) {
    this.haCeph = new HaCephWatch({
      now: o.now,
      onChange: (id, events) => {
        const snap = this.snapshot(id)
        if (snap !== null) o.onCycle(id, snap, events)
      }
    })
    // Before the publishing listener: a view that became "not known" is published with the cycle that made it so.
    const unwatchCycles = this.hub.subscribe((id, snap, _events, info) => this.haCeph.observe(id, snap, info))
    const unpublish = this.hub.subscribe((id, snap, events) => o.onCycle(id, this.haCeph.decorate(snap), events))
    this.unsubscribe = () => {
      unwatchCycles()
      unpublish()
    }
    const probe = o.probeCertificate
    this.certs =
      probe === undefined
        ? null
        : new CertificateWatch({
            probe,
            now: o.now,
            log: o.log,
            timeoutMs: Math.min(o.connectTimeoutMs, 5000),
            ...(o.certificateCheckMs === undefined ? {} : { intervalMs: o.certificateCheckMs, firstDelayMs: Math.min(o.certificateCheckMs, 3000) }),
            onChange: (id, events) => {
              const snap = this.snapshot(id)
              if (snap !== null) o.onCycle(id, snap, events)
            }
          })
  }

  get(clusterId: string): RuntimeCluster | undefined {
    return this.entries.get(clusterId)?.rc
  }

  all(): readonly RuntimeCluster[] {
    return [...this.entries.values()].map((e) => e.rc)
  }

  snapshot(clusterId: string): ClusterSnapshot | null {
    const s = this.hub.get(clusterId)?.snapshot() ?? this.secretless.get(clusterId)?.snapshot ?? null
    return s === null ? null : this.withCertificates(s)
  }

  /** Every configured cluster's snapshot: monitored ones, then those waiting for their secret. */
  snapshots(): readonly ClusterSnapshot[] {
    return [...this.hub.snapshots().map((s) => this.withCertificates(s)), ...[...this.secretless.values()].map((s) => s.snapshot)]
  }

  private withCertificates(snap: ClusterSnapshot): ClusterSnapshot {
    const s = this.haCeph.decorate(snap)
    const m = this.certs?.mismatches(s.clusterId) ?? []
    return m.length === 0 && s.certificateMismatches.length === 0 ? s : { ...s, certificateMismatches: m }
  }

  events(): readonly MonitorEvent[] {
    const extra = [...[...this.secretless.values()].map((s) => s.event), ...(this.certs?.events() ?? []), ...this.haCeph.events()]
    return extra.length === 0 ? this.hub.events() : [...this.hub.events(), ...extra].sort((a, b) => a.at - b.at)
  }

  /** Brings the running clusters in line with the settings (and the demo cluster, if given). */
  async reconcile(doc: SettingsDoc, demo: DemoCluster | null): Promise<void> {
    const wanted = new Map<string, { config: ApiConfig; mode: 'monitor' | 'control'; demo: boolean }>()
    // The demo's choices live only as long as the demo does.
    if (demo === null) this.demoPrefs.clear()
    if (demo !== null) {
      wanted.set(DEMO_CLUSTER_ID, {
        config: {
          id: DEMO_CLUSTER_ID,
          name: demo.name,
          endpoints: demo.endpoints.map((e) => ({ ...e })),
          tokenId: demo.tokenId,
          tokenSecret: demo.tokenSecret,
          caPem: demo.caPem
        },
        mode: 'control',
        demo: true
      })
    }
    const waiting = new Set<string>()
    for (const c of doc.clusters) {
      const secret = this.o.settings.tokenSecret(c.id)
      if (secret === null) {
        waiting.add(c.id)
        const known = this.secretless.get(c.id)
        const issue = this.o.settings.tokenSecretIssue(c.id) ?? 'unreadable'
        if (known === undefined || known.name !== c.name || known.issue !== issue) {
          this.o.log(`runtime: cluster ${c.id} has no usable token secret; shown, not watched`)
          const entry = { snapshot: secretlessSnapshot(c, issue), event: secretlessEvent(c, this.o.now(), issue), name: c.name, issue }
          this.secretless.set(c.id, entry)
          // Once, not per reconcile: the event is the notification.
          if (known === undefined) this.o.onCycle(c.id, entry.snapshot, [entry.event])
        }
        continue
      }
      wanted.set(c.id, {
        config: { id: c.id, name: c.name, endpoints: c.endpoints, tokenId: c.tokenId, tokenSecret: secret, caPem: c.caPem },
        mode: c.mode,
        demo: false
      })
    }
    for (const id of [...this.secretless.keys()]) if (!waiting.has(id)) this.secretless.delete(id)
    const stops: Promise<void>[] = []
    for (const [id, e] of this.entries) {
      const w = wanted.get(id)
      if (w === undefined || this.keyOf(w.config, w.mode) !== e.key) stops.push(this.remove(id))
    }
    await Promise.all(stops)
    for (const [id, w] of wanted) {
      if (!this.entries.has(id)) this.add(w.config, w.mode, w.demo)
    }
    this.applySettings(doc)
  }

  /** Mutes, guest alerts, threshold and interval: applied live, no restart. */
  applySettings(doc: SettingsDoc): void {
    for (const id of this.entries.keys()) {
      const m = this.hub.get(id)
      if (m === undefined) continue
      const prefs = this.entries.get(id)?.rc.demo === true ? this.demoPrefs : doc
      m.setMutes(mutesFor(prefs, id))
      const alerts = prefs.guestAlerts.filter((a) => a.clusterId === id)
      m.setGuestAlerts(
        alerts.filter((a) => a.enabled).map((a) => a.vmid),
        alerts.filter((a) => !a.enabled).map((a) => a.vmid)
      )
      m.setStorageThreshold(doc.storageThresholdPct / 100)
      m.setIntervalMs(this.o.pollIntervalMs())
    }
  }

  private keyOf(config: ApiConfig, mode: string): string {
    const secretHash = createHash('sha256').update(config.tokenSecret).digest('hex')
    return JSON.stringify({ ...config, tokenSecret: secretHash, mode })
  }

  private add(config: ApiConfig, mode: 'monitor' | 'control', demo: boolean): void {
    const client = createPveClient(config, {
      connectTimeoutMs: this.o.connectTimeoutMs,
      ...(this.o.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: this.o.responseTimeoutMs }),
      logger: this.o.log
    })
    // Asked once per guest per snapshot: answered from a memo that lives as long as the permissions it read
    // (keyed by pool too: a guest moved to another pool may gain or lose the grant).
    let power = new Map<string, boolean>()
    const permissions = createPermissionsCache(
      () => client.permissions(),
      this.o.now,
      () => {
        power = new Map()
      }
    )
    const canPower = (perms: Permissions, g: PowerTarget): boolean => {
      const key = `${g.vmid}/${g.pool ?? ''}`
      let ok = power.get(key)
      if (ok === undefined) power.set(key, (ok = canPowerGuest(perms, g)))
      return ok
    }
    const hub = this.hub
    const settings = this.o.settings
    const monitor = hub.add({
      api: monitorApiFromClient(client),
      clusterId: config.id,
      clusterName: config.name,
      mode,
      demo,
      intervalMs: this.o.pollIntervalMs(),
      // The handlers stamp `hour` mutes with the app's clock: the monitor must judge them by the same one.
      clock: { ...systemClock, now: this.o.now },
      canPowerMgmt: (g) => {
        const perms = permissions.current()
        return perms === null ? null : canPower(perms, g)
      },
      // canPowerMgmt's answers depend on nothing else: a new read is a new object.
      powerEpoch: () => permissions.current(),
      onMuteCleared: (m) => {
        const target = { clusterId: config.id, ...(m.target.node !== undefined ? { node: m.target.node } : { vmid: m.target.vmid }) }
        if (demo) return this.demoPrefs.setMute(target, 'off', this.o.now())
        try {
          settings.setMute(target, 'off', this.o.now())
        } catch {
          // The cluster may have been removed meanwhile.
        }
      }
    })
    const port: ClusterMonitorPort = {
      snapshot: () => monitor.snapshot(),
      refreshNow: () => monitor.refreshNow(),
      noteGuestStatus: (vmid, status) => monitor.noteGuestStatus(vmid, status),
      noteUserAction: (n) =>
        n.done ? (n.upid === null ? monitor.clearBusy(n.vmid) : monitor.noteUserActionDone(n.upid)) : monitor.noteUserAction(`${n.kind}/${n.vmid}`, n.upid),
      suspend: () => monitor.suspend(),
      resume: () => monitor.resume(),
      stop: async () => hub.remove(config.id)
    }
    const rc: RuntimeCluster = {
      id: config.id,
      name: config.name,
      mode,
      demo,
      endpoints: config.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node })),
      api: client,
      monitor: port,
      permissions
    }
    this.entries.set(config.id, { rc, key: this.keyOf(config, mode) })
    if (!demo) this.certs?.watch(config.id, config.name, config.endpoints)
    this.haCeph.watch(config.id, config.name, { haStatus: () => client.haStatusItems(), cephStatus: () => client.cephStatus() }, () => permissions.current())
    // Privileges feed the snapshot's per-guest actions; unknown until this answers.
    void permissions.get()
  }

  private async remove(id: string): Promise<void> {
    const e = this.entries.get(id)
    if (e === undefined) return
    this.entries.delete(id)
    this.certs?.unwatch(id)
    this.haCeph.unwatch(id)
    this.hub.remove(id)
    await e.rc.api.close().catch(() => undefined)
  }

  async stop(): Promise<void> {
    this.unsubscribe()
    this.certs?.stop()
    this.haCeph.stop()
    await Promise.all([...this.entries.keys()].map((id) => this.remove(id)))
    this.hub.stopAll()
  }
}
