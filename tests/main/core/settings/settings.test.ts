import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rootCertificates } from 'node:tls'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createJsonFileSettingsStore } from '../../../../src/main/core/settings/json-file-settings-store'
import { loadSettings } from '../../../../src/main/core/settings/load-settings'
import { migrateSettings } from '../../../../src/main/core/settings/migrations'
import { salvageSettings } from '../../../../src/main/core/settings/salvage'
import { CURRENT_SETTINGS_VERSION, settingsDocSchema } from '../../../../src/main/core/settings/settings-schema'
import { createSettingsService } from '../../../../src/main/core/settings/settings-service'
import { memoryVault } from '../../../helpers/memory-vault'

const FP = 'AB:'.repeat(31) + 'CD'

function validCluster(id: string, name: string): Record<string, unknown> {
  return {
    id,
    name,
    mode: 'control',
    endpoints: [{ host: '10.0.0.1', port: 8006, node: 'pve1', fingerprint256: FP }],
    tokenId: 'tray@pve!tray',
    caPem: null,
    ssh: null
  }
}

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pvetray-settings-'))
  file = join(dir, 'settings.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migrations', () => {
  it('migrates a v0 single-cluster document to the current version', () => {
    const v0 = {
      host: '192.168.1.10',
      port: 8006,
      tokenId: 'mon@pve!tray',
      fingerprint: FP.toLowerCase(),
      readOnly: true,
      pollInterval: 15,
      notificationKinds: { 'node-down': false }
    }
    const m = migrateSettings(v0)
    expect(m.ok).toBe(true)
    if (!m.ok) return
    expect(m.from).toBe(0)
    // A v0 file lacks later settings: they take their defaults without being reported as problems.
    const { doc, problems } = salvageSettings(m.doc)
    expect(problems).toEqual([])
    expect(settingsDocSchema.parse(doc)).toEqual(doc)
    expect(doc.version).toBe(CURRENT_SETTINGS_VERSION)
    expect(doc.pollIntervalSec).toBe(15)
    expect(doc.clusters).toHaveLength(1)
    expect(doc.clusters[0]).toMatchObject({ name: '192.168.1.10', mode: 'monitor', tokenId: 'mon@pve!tray' })
    expect(doc.clusters[0]?.endpoints[0]).toEqual({ host: '192.168.1.10', port: 8006, node: null, fingerprint256: FP })
    expect(doc.notifications).toEqual({ enabled: { 'node-down': false }, pausedUntil: null })
  })

  it('migrates v1 ssh settings by adding empty host key pins', () => {
    const v1 = {
      version: 1,
      clusters: [{ ...validCluster('a', 'A'), ssh: { user: 'root', keyPath: null, useAgent: true, port: 22, hostOverrides: {} } }],
      mutes: []
    }
    const m = migrateSettings(v1)
    expect(m.ok && salvageSettings(m.doc).doc.clusters[0]?.ssh?.pinnedHostKeys).toEqual({})
  })

  it('refuses documents from a newer version and non-objects', () => {
    expect(migrateSettings({ version: 99 }).ok).toBe(false)
    expect(migrateSettings([1, 2]).ok).toBe(false)
    expect(migrateSettings('x').ok).toBe(false)
  })
})

describe('loadSettings', () => {
  it('starts from defaults without a report when nothing is stored', () => {
    const r = loadSettings(createJsonFileSettingsStore(file))
    expect(r.recovered).toBeNull()
    expect(r.doc.clusters).toEqual([])
  })

  it('backs up a corrupt JSON file, reports it and starts from defaults', () => {
    writeFileSync(file, '{"version": 2, "clusters": [ oops')
    const r = loadSettings(createJsonFileSettingsStore(file))
    expect(r.doc.clusters).toEqual([])
    expect(r.recovered?.message).toMatch(/not valid JSON/)
    const backups = readdirSync(dir).filter((f) => f.includes('.corrupt-'))
    expect(backups).toHaveLength(1)
    expect(r.recovered?.backupPath).toBe(join(dir, backups[0] ?? ''))
    expect(readFileSync(join(dir, backups[0] ?? ''), 'utf8')).toContain('oops')
  })

  it('drops only the invalid cluster and keeps the others and valid fields', () => {
    const doc = {
      version: 2,
      clusters: [
        validCluster('good-1', 'Good one'),
        { ...validCluster('bad', 'Bad'), endpoints: [{ host: 'http://x/', port: 99999 }] },
        validCluster('good-2', 'Good two')
      ],
      pollIntervalSec: 'fast',
      storageThresholdPct: 90,
      startAtLogin: true,
      notifications: { enabled: {}, pausedUntil: null },
      mutes: [
        { clusterId: 'good-1', node: 'pve1', vmid: null, mode: 'always', until: null },
        { clusterId: 'bad', node: 'pve1', vmid: null, mode: 'always', until: null }
      ],
      guestAlerts: []
    }
    writeFileSync(file, JSON.stringify(doc))
    const store = createJsonFileSettingsStore(file)
    const r = loadSettings(store)
    expect(r.doc.clusters.map((c) => c.id)).toEqual(['good-1', 'good-2'])
    expect(r.doc.pollIntervalSec).toBe(10)
    expect(r.doc.storageThresholdPct).toBe(90)
    expect(r.doc.startAtLogin).toBe(true)
    expect(r.doc.mutes).toHaveLength(1)
    expect(r.recovered?.message).toMatch(/Cluster "Bad" was invalid \(its endpoints could not be read\)/)
    expect(r.recovered?.message).toMatch(/pollIntervalSec/)
    expect(r.recovered?.backupPath).not.toBeNull()
    expect(r.rewrite).toBe(true)
  })

  it('does not let __proto__ keys in a hand-edited file reach object prototypes', () => {
    writeFileSync(file, '{"version":2,"__proto__":{"polluted":1},"clusters":[{"__proto__":{"x":1},"id":"a"}],"pollIntervalSec":30}')
    const r = loadSettings(createJsonFileSettingsStore(file))
    expect(r.doc.pollIntervalSec).toBe(30)
    expect(r.doc.clusters).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('uses a document from a newer app version read-only: says which format, keeps its clusters, never writes it', () => {
    const newer = JSON.stringify({
      version: 7,
      clusters: [validCluster('lab-1', 'Lab'), { ...validCluster('future', 'Future'), endpoints: 'a new shape' }],
      pollIntervalSec: 30,
      futureOption: { x: 1 }
    })
    writeFileSync(file, newer)
    const store = createJsonFileSettingsStore(file)
    const r = loadSettings(store)
    expect(r.readOnly).toMatch(/newer version of PVE Tray \(settings format 7; this version reads format 2\).*read-only/)
    expect(r.recovered?.message).toBe(r.readOnly)
    expect(r.rewrite).toBe(false)
    expect(r.doc.clusters.map((c) => c.id)).toEqual(['lab-1'])
    expect(r.doc.pollIntervalSec).toBe(30)
    const vault = memoryVault()
    const values = vault.values
    const svc = createSettingsService({ store, vault, loaded: r })
    expect(() => svc.updateGeneral({ pollIntervalSec: 60 })).toThrow(/read-only/)
    expect(() =>
      svc.saveCluster({
        name: 'New',
        mode: 'monitor',
        endpoints: [{ host: '10.0.0.9', port: 8006, node: null, fingerprint256: FP }],
        tokenId: 'a@pve!b',
        tokenSecret: 'x'
      })
    ).toThrow(/read-only/)
    expect(() => svc.removeCluster('lab-1')).toThrow(/read-only/)
    expect(values.size).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(newer)
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })
})

describe('salvage, field by field', () => {
  it('one unreadable field drops that field, not the cluster: the token id, other endpoints and SSH pins survive', () => {
    const pin = { fingerprint: 'SHA256:' + 'A'.repeat(43), keyType: 'ssh-ed25519' }
    const cluster = {
      ...validCluster('lab-1', 'Lab'),
      endpoints: [
        { host: '10.0.0.1', port: 8006, node: 'pve1', fingerprint256: 'not a fingerprint' },
        { host: '10.0.0.2', port: 8006, node: 'pve2', fingerprint256: FP.replace(/:/g, '').toLowerCase() },
        { host: 'http://bad/', port: 8006, node: 'pve3', fingerprint256: FP }
      ],
      caPem: 'garbage',
      mode: 'sideways',
      ssh: {
        user: 'root',
        keyPath: null,
        useAgent: true,
        port: 22,
        hostOverrides: { pve1: '10.0.1.1' },
        pinnedHostKeys: { '10.0.0.1:22': pin, '10.0.0.2:22': 'SHA256:short' }
      }
    }
    writeFileSync(file, JSON.stringify({ version: 2, clusters: [cluster] }))
    const r = loadSettings(createJsonFileSettingsStore(file))
    const c = r.doc.clusters[0]
    expect(c).toMatchObject({ id: 'lab-1', name: 'Lab', tokenId: 'tray@pve!tray', mode: 'monitor', caPem: null })
    expect(c?.endpoints).toEqual([
      { host: '10.0.0.1', port: 8006, node: 'pve1', fingerprint256: null },
      // Without colons and in lower case it is still the same fingerprint: normalised, not reported.
      { host: '10.0.0.2', port: 8006, node: 'pve2', fingerprint256: FP }
    ])
    expect(c?.ssh).toEqual({
      user: 'root',
      keyPath: null,
      useAgent: true,
      port: 22,
      hostOverrides: { pve1: '10.0.1.1' },
      pinnedHostKeys: { '10.0.0.1:22': pin }
    })
    const m = r.recovered?.message ?? ''
    expect(m).toMatch(/fingerprint of 10\.0\.0\.1:8006 was unreadable; trust its certificate again/)
    expect(m).toMatch(/unreadable endpoint was removed/)
    expect(m).not.toMatch(/10\.0\.0\.2:8006/)
    expect(r.rewrite).toBe(true)
  })

  it('a stored public web root is dropped as cluster CA, and an unreadable SSH user turns SSH off: both said', () => {
    const cluster = {
      ...validCluster('lab-1', 'Lab'),
      caPem: rootCertificates[0],
      ssh: { user: '', keyPath: null, useAgent: true, port: 22, hostOverrides: {}, pinnedHostKeys: {} }
    }
    writeFileSync(file, JSON.stringify({ version: 2, clusters: [cluster] }))
    const r = loadSettings(createJsonFileSettingsStore(file))
    expect(r.doc.clusters[0]).toMatchObject({ id: 'lab-1', caPem: null, ssh: null, tokenId: 'tray@pve!tray' })
    expect(r.recovered?.message).toMatch(/cluster CA was removed.*whole web/)
    expect(r.recovered?.message).toMatch(/SSH user was unreadable, so SSH was turned off/)
  })

  it('a fingerprint typed without colons is simply normalised (nothing reported)', () => {
    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        clusters: [{ ...validCluster('a', 'A'), endpoints: [{ host: '10.0.0.1', port: 8006, node: null, fingerprint256: FP.replace(/:/g, '') }] }]
      })
    )
    const r = loadSettings(createJsonFileSettingsStore(file))
    expect(r.recovered).toBeNull()
    expect(r.doc.clusters[0]?.endpoints[0]?.fingerprint256).toBe(FP)
  })
})
