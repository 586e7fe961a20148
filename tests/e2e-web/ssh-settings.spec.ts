// The SSH settings a user fills in and checks, end to end against a REAL OpenSSH sshd on 127.0.0.1: the
// form (user, port, key file, passphrase, the node's address), "Test SSH" with a wrong passphrase, the
// presented host key offered for trust, and known_hosts entries (hashed, @revoked) offered for import.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Locator, Page } from '@playwright/test'

import { type SshdServer, startSshd } from '../helpers/sshd-server'
import { expect, snap, test } from './fixtures'
import { sshToRealSshd } from './sshd-cluster'
import { checkView } from './view-checks'

const NODE = 'pve-a'

let sshd: SshdServer | null = null
test.afterEach(async () => {
  await sshd?.stop()
  sshd = null
})

test.use({ useConfigured: true, startView: 'settings' })

/** `type base64` of an OpenSSH public key line. */
const keyOf = (line: string): string => line.trim().split(' ').slice(0, 2).join(' ')
const fingerprintOfLine = (line: string): string =>
  `SHA256:${createHash('sha256')
    .update(Buffer.from(keyOf(line).split(' ')[1] ?? '', 'base64'))
    .digest('base64')
    .replace(/=+$/, '')}`
/** A host field as `HashKnownHosts yes` writes it. */
function hashed(name: string): string {
  const salt = randomBytes(20)
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
}

async function openSshTest(app: Page): Promise<Locator> {
  await app.locator('[data-cluster]').getByRole('button', { name: 'Test SSH' }).click()
  const panel = app.getByRole('region', { name: 'SSH of lab' })
  await expect(panel).toBeVisible()
  return panel
}

test('the SSH form, a wrong passphrase said plainly, then the presented host key trusted', async ({ app, configured }, testInfo) => {
  if (configured === null) throw new Error('needs the configured cluster')
  const s = (sshd = await startSshd())

  // Fill the SSH part of the cluster's form the way a user does: key with a passphrase, typed wrong.
  await app.locator('[data-cluster]').getByRole('button', { name: 'Edit' }).click()
  const form = app.getByRole('form', { name: 'Edit lab' })
  const ssh = form.getByRole('group', { name: 'SSH (for the node health check)' })
  await ssh.getByLabel('User', { exact: true }).fill(s.user)
  await ssh.getByLabel('Port', { exact: true }).fill(String(s.port))
  await ssh.getByLabel('Private key file').fill(s.encryptedKeyPath)
  await ssh.getByLabel('Key passphrase').fill('not the passphrase')
  await ssh.getByLabel(`SSH address of ${NODE}`).fill('127.0.0.1')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toBeHidden()

  const panel = await openSshTest(app)
  const row = panel.locator(`[data-ssh-node="${NODE}"]`)
  await expect(row).toContainText(`127.0.0.1:${s.port}`)
  await expect(row.getByTestId('ssh-pinned')).toHaveText('none yet')
  await row.getByRole('button', { name: `Test SSH on ${NODE}` }).click()
  const auth = row.getByTestId('ssh-auth')
  await expect(auth.getByRole('heading')).toHaveText('The stored passphrase does not unlock the SSH key')
  await expect(auth).toContainText('Enter the right passphrase in the settings')
  await expect(auth).not.toContainText('not the passphrase')
  // Settings are where this panel already is: no button that only leads back here.
  await expect(auth.getByRole('button', { name: 'Open settings' })).toHaveCount(0)
  // Headings in order, nothing too wide, axe clean, screenshot.
  await checkView(app, testInfo, 'ssh-test-wrong-passphrase')

  // Correct it in the form; the panel then tests the saved settings.
  await app.locator('[data-cluster]').getByRole('button', { name: 'Edit' }).click()
  await expect(form.getByLabel('Key passphrase')).toHaveValue('')
  await form.getByLabel('Key passphrase').fill(s.passphrase)
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toBeHidden()
  await row.getByRole('button', { name: `Test SSH on ${NODE}` }).click()

  // First contact: the presented key is shown for comparison, trusted only on the user's click.
  const unknown = row.getByTestId('ssh-host-key')
  await expect(unknown.getByTestId('ssh-fingerprint')).toHaveText(s.hostKeyFingerprint)
  await checkView(app, testInfo, 'ssh-test-unknown-host-key')
  await unknown.getByRole('button', { name: 'Trust this host key' }).click()
  const ok = row.getByTestId('ssh-test-ok')
  await expect(ok).toContainText(`Logged in to ${s.user}@127.0.0.1:${s.port} in`)
  await expect(ok).toContainText('pveversion did not answer: this host does not look like a Proxmox VE node.')
  await expect(ok).toContainText(`Host key ssh-ed25519 ${s.hostKeyFingerprint}, the pinned one.`)
  await expect(row.getByTestId('ssh-pinned')).toHaveText(`ssh-ed25519 ${s.hostKeyFingerprint}`)
  await snap(app, testInfo, 'ssh-test-ok')
})

test('known_hosts: a hashed entry offered for import, an @revoked one shown as refused', async ({ app, bridge, configured }, testInfo) => {
  if (configured === null) throw new Error('needs the configured cluster')
  const s = (sshd = await startSshd())
  await sshToRealSshd(bridge, configured, s, NODE)
  const stranger = await readFile(`${s.strangerKeyPath}.pub`, 'utf8')
  // The bridge reads known_hosts from its data directory (the app reads ~/.ssh/known_hosts).
  await writeFile(
    join(bridge.userDataDir, 'known_hosts'),
    [`${hashed(`[127.0.0.1]:${s.port}`)} ${keyOf(s.hostKeyPublicLine)}`, `@revoked [127.0.0.1]:${s.port} ${keyOf(stranger)}`, ''].join('\n')
  )
  // Saved behind the page's back: load the settings again as a user opening the window would.
  await app.reload()

  const panel = await openSshTest(app)
  const row = panel.locator(`[data-ssh-node="${NODE}"]`)
  const known = row.getByTestId('ssh-known-host')
  await expect(known).toContainText(`ssh-ed25519 ${s.hostKeyFingerprint}`)
  await expect(row.getByTestId('ssh-revoked')).toContainText(fingerprintOfLine(stranger))
  await expect(row.getByTestId('ssh-revoked')).toContainText('refused whatever else vouches for it')
  await checkView(app, testInfo, 'ssh-known-hosts')

  await known.getByRole('button', { name: 'Pin this key' }).click()
  await expect(row.getByTestId('ssh-pinned')).toHaveText(`ssh-ed25519 ${s.hostKeyFingerprint}`)
  await expect(known).toContainText('the pinned key')
  await row.getByRole('button', { name: `Test SSH on ${NODE}` }).click()
  await expect(row.getByTestId('ssh-test-ok')).toContainText(`Host key ssh-ed25519 ${s.hostKeyFingerprint}, the pinned one.`)
})
