// A node reinstall, end to end: the app pinned a node's SSH host key (real sshd on 127.0.0.1), the key
// changes, the node page shows the pinned and presented fingerprints, "Forget the old key" (after a
// confirm) drops the pin and re-runs the check, which then offers the new key through the trust flow.
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { type SshdServer, startSshd } from '../helpers/sshd-server'
import { expect, snap, test } from './fixtures'
import { sshToRealSshd } from './sshd-cluster'

const run = promisify(execFile)
const NODE = 'pve-a'

let sshd: SshdServer | null = null
test.afterEach(async () => {
  await sshd?.stop()
  sshd = null
})

test.use({ useConfigured: true })

test('a changed SSH host key: both fingerprints, forget after a confirm, then trust the new key', async ({ app, bridge, configured }, testInfo) => {
  if (configured === null) throw new Error('needs the configured cluster')
  const s = (sshd = await startSshd())
  const { clusterId } = configured
  await sshToRealSshd(bridge, configured, s, NODE)
  // Pin the original key the way the node page does (unknown → trust).
  const first = await bridge.core.dispatch('nodes:health', { clusterId, node: NODE })
  expect(first.ok ? null : first.error.code).toBe('ssh-unknown-host')
  const trusted = await bridge.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: s.hostKeyFingerprint })
  expect(trusted.ok).toBe(true)
  const oldFingerprint = s.hostKeyFingerprint

  // "Reinstall" the node: a new host key, sshd restarted.
  const hostKey = join(s.dir, 'ssh_host_ed25519_key')
  await rm(hostKey, { force: true })
  await rm(`${hostKey}.pub`, { force: true })
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'reinstalled', '-f', hostKey])
  const newFingerprint = (await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`])).stdout.split(' ')[1] ?? ''
  await s.restart()

  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: new RegExp(`^${NODE}`) })
    .click()
  await expect(app.getByRole('heading', { name: `Node ${NODE}` })).toBeVisible()
  const changed = app.getByTestId('ssh-host-key-changed')
  await expect(changed).toBeVisible({ timeout: 20_000 })
  await expect(changed.getByTestId('ssh-pinned-fingerprint')).toHaveText(oldFingerprint)
  await expect(changed.getByTestId('ssh-presented-fingerprint')).toHaveText(newFingerprint)
  // Never one-click trust for a changed key.
  await expect(changed.getByRole('button', { name: 'Trust this host key' })).toHaveCount(0)
  await snap(app, testInfo, 'ssh-host-key-changed')

  // Cancel keeps the pin.
  await changed.getByRole('button', { name: 'Forget the old key' }).click()
  const dialog = app.getByRole('dialog', { name: `Forget the old SSH host key of ${NODE}?` })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect((await bridge.core.dispatch('nodes:health', { clusterId, node: NODE })).ok).toBe(false)

  await changed.getByRole('button', { name: 'Forget the old key' }).click()
  await dialog.getByRole('button', { name: 'Forget the old key' }).click()
  // The check ran again: the new key is now merely unknown, offered for trust with its fingerprint.
  const unknown = app.getByTestId('ssh-host-key')
  await expect(unknown).toBeVisible({ timeout: 20_000 })
  await expect(unknown.getByTestId('ssh-fingerprint')).toHaveText(newFingerprint)
  await unknown.getByRole('button', { name: 'Trust this host key' }).click()
  await expect(app.locator('[data-testid^="ssh-"]')).toHaveCount(0, { timeout: 20_000 })
})
