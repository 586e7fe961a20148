// The SSH half of the product, seen in the dashboard against the simulator's SSH hosts (ssh2 servers
// answering from fixtures; the real-sshd tests stay in ssh-host-key.spec.ts and tests/main/core/ssh):
// the demo's healthy and degraded nodes, the connection state with its pinned key, and for a configured
// cluster the trust of a new host key and the refusal of a changed one with both fingerprints.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Simulator } from '../../src/main/bridge/index'
import { generateEd25519 } from '../../src/main/core/ssh/keygen'
import { expect, fastBridge, loadBridge, openNode, snap, test } from './fixtures'

test("demo: a healthy node's report over SSH, with its connection and pinned host key", async ({ app, bridge }, testInfo) => {
  const pinned = bridge.sim?.sshEndpoints.find((e) => e.node === 'pve-a')?.hostKeyFingerprint
  expect(pinned).toMatch(/^SHA256:/)
  await openNode(app, 'pve-a')
  const report = app.getByTestId('health-report')
  await expect(report).toBeVisible({ timeout: 20_000 })
  await expect(report.getByTestId('health-summary')).toHaveText(/^No problems found: every check ran/)
  await expect(report.getByTestId('health-warnings')).toHaveCount(0)
  const versions = report.getByRole('region', { name: 'Versions' })
  await expect(versions).toContainText('Proxmox VE 8.2.0')
  await expect(versions).toContainText('Kernel 6.8.4-3-pve')
  await expect(report.getByRole('region', { name: 'Services' })).toContainText('pveproxy: running')
  await expect(report.getByRole('region', { name: 'Services' })).toContainText('corosync: running')
  await expect(report.getByRole('region', { name: 'ZFS pools' })).toContainText('No ZFS pools.')
  await expect(report.getByRole('region', { name: 'Temperatures' })).toContainText('k10temp-pci-00c3 Tctl')
  await expect(report.getByRole('region', { name: 'Root file system' })).toContainText('/dev/mapper/pve-root')
  await expect(report.getByTestId('health-checked')).toContainText(/Checked over SSH on 127\.0\.0\.1:\d+ at \d\d:\d\d:\d\d/)

  const conn = app.getByTestId('connection-state')
  await expect(conn).toHaveAttribute('data-status', 'connected')
  await expect(conn.getByTestId('connection-status')).toContainText(/Connected \(root@127\.0\.0\.1:\d+\)/)
  await expect(conn.getByTestId('connection-channels')).toHaveText('0 active, 0 queued')
  await expect(conn.getByTestId('connection-pinned-key')).toHaveText(pinned ?? '')
  await snap(app, testInfo, 'ssh-health-healthy')

  // "Check again" runs the probes anew on the same connection.
  await app.getByRole('button', { name: 'Check again' }).click()
  await expect(app.getByRole('button', { name: 'Check again' })).toBeEnabled({ timeout: 20_000 })
  await expect(report.getByTestId('health-summary')).toBeVisible()
})

test('demo: the degraded node warns in words about its ZFS pool and its hot CPU', async ({ app }, testInfo) => {
  await openNode(app, 'pve-c')
  const warnings = app.getByTestId('health-warnings')
  await expect(warnings).toBeVisible({ timeout: 20_000 })
  await expect(warnings.getByRole('heading')).toHaveText(/^\d warnings? on pve-c$/)
  await expect(warnings).toContainText('Warning: ZFS pool rpool is DEGRADED: One or more devices are faulted')
  await expect(warnings).toContainText(/Warning: coretemp-isa-0000 Package id 0 is at \d+ °C, above its high limit of 80 °C\./)
  const zfs = app.getByRole('region', { name: 'ZFS pools' })
  await expect(zfs).toContainText('rpool: DEGRADED — needs attention (')
  await expect(zfs).toContainText("What to do: Replace the faulted device, or use 'zpool clear' to mark the device repaired.")
  await expect(app.getByRole('region', { name: 'Temperatures' })).toContainText(/Package id 0: \d+ °C \(high 80 °C, critical 100 °C\) — above the high limit/)
  await expect(app.getByTestId('connection-state')).toHaveAttribute('data-status', 'connected')
  await snap(app, testInfo, 'ssh-health-degraded')
})

let extra: { sim: Simulator; dir: string } | null = null
test.afterEach(async () => {
  await extra?.sim.close()
  if (extra) await rm(extra.dir, { recursive: true, force: true })
  extra = null
})

test('configured cluster: trust a new SSH host key, then a changed key is refused with both fingerprints', async ({ app, bridge }, testInfo) => {
  const { startSimulator } = await loadBridge()
  const pair = generateEd25519('e2e')
  const dir = await mkdtemp(join(tmpdir(), 'pve-tray-ssh-e2e-'))
  const sim = await startSimulator({ ...fastBridge.simulator, ssh: { authorizedKeys: [pair.public] } })
  extra = { sim, dir }
  const keyPath = join(dir, 'id_ed25519')
  await writeFile(keyPath, pair.private, { mode: 0o600 })
  const ep = sim.sshEndpoints.find((e) => e.node === 'pve-a')
  if (ep === undefined) throw new Error('no simulated sshd for pve-a')
  const saved = await bridge.core.dispatch('settings:save-cluster', {
    name: 'lab',
    mode: 'control',
    endpoints: sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node, fingerprint256: e.fingerprint256 })),
    tokenId: sim.tokens.admin.id,
    tokenSecret: sim.tokens.admin.secret,
    ssh: { user: 'root', keyPath, useAgent: false, port: ep.port, hostOverrides: { 'pve-a': '127.0.0.1' }, passphrase: null }
  })
  if (!saved.ok) throw new Error(saved.error.message)

  await openNode(app, 'pve-a')
  const unknown = app.getByTestId('ssh-host-key')
  await expect(unknown).toBeVisible({ timeout: 20_000 })
  await expect(unknown.getByTestId('ssh-fingerprint')).toHaveText(ep.hostKeyFingerprint)
  await expect(app.getByTestId('connection-state')).toHaveAttribute('data-status', 'failed')
  await expect(app.getByTestId('connection-state').getByText('none pinned yet')).toBeVisible()
  await unknown.getByRole('button', { name: 'Trust this host key' }).click()
  await expect(app.getByTestId('health-report')).toBeVisible({ timeout: 20_000 })
  await expect(app.getByTestId('connection-state')).toHaveAttribute('data-status', 'connected')
  await expect(app.getByTestId('connection-pinned-key')).toHaveText(ep.hostKeyFingerprint)
  await snap(app, testInfo, 'ssh-trusted')

  // The node is "reinstalled": same address, new host key. The check is refused, never one-click trusted.
  sim.faults.rotateSshHostKey('pve-a')
  const fresh = sim.sshEndpoints.find((e) => e.node === 'pve-a')?.hostKeyFingerprint ?? ''
  expect(fresh).not.toBe(ep.hostKeyFingerprint)
  await app.getByRole('button', { name: 'Check again' }).click()
  const changed = app.getByTestId('ssh-host-key-changed')
  await expect(changed).toBeVisible({ timeout: 20_000 })
  await expect(changed.getByTestId('ssh-pinned-fingerprint')).toHaveText(ep.hostKeyFingerprint)
  await expect(changed.getByTestId('ssh-presented-fingerprint')).toHaveText(fresh)
  await expect(changed.getByRole('button', { name: 'Trust this host key' })).toHaveCount(0)
  await expect(app.getByTestId('health-report')).toHaveCount(0)
  await expect(app.getByTestId('connection-pinned-key')).toHaveText(ep.hostKeyFingerprint)
  await snap(app, testInfo, 'ssh-host-key-changed-simulated')
})
