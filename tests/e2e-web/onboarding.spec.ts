// Onboarding against a separate simulator: first start opens it; a wrong token, a wrong fingerprint,
// a good token (certificate trust → privilege report → save), and a limited token's report.
import { rootCertificates } from 'node:tls'

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import type { Simulator } from '../../src/main/bridge/index'
import { expect, loadBridge, snap, test } from './fixtures'

test.use({ startView: null })

let sim: Simulator
const publicRoot = rootCertificates[0] ?? ''

test.beforeEach(async () => {
  const { startSimulator } = await loadBridge()
  sim = await startSimulator({ authDelayMs: 50, taskDurationMs: 500, seed: 2 })
})

test.afterEach(async () => {
  await sim.close()
})

async function fill(app: Page, tokenId: string, secret: string, fingerprint = ''): Promise<void> {
  const ep = sim.endpoints[0]
  if (ep === undefined) throw new Error('simulator has no endpoint')
  await app.getByLabel('Cluster name').fill('office')
  await app.getByLabel('Host').fill(ep.host)
  await app.getByLabel('Port').fill(String(ep.port))
  await app.getByLabel('Token ID').fill(tokenId)
  await app.getByLabel('Token secret').fill(secret)
  await app.getByLabel('Certificate fingerprint (optional)').fill(fingerprint)
}

async function expectNoAxeViolations(app: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page: app }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

async function testAndTrust(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Test connection' }).click()
  const trust = app.getByTestId('certificate-trust')
  await expect(trust).toBeVisible()
  // A next step, said neutrally: a status, not an alert.
  await expect(trust).toHaveAttribute('role', 'status')
  await expect(trust).not.toHaveClass(/panel-warning|panel-error/)
  await expectNoAxeViolations(app)
  await expect(app.getByTestId('cert-fingerprint')).toHaveText(sim.endpoints[0]?.fingerprint256 ?? '')
  await trust.getByRole('button', { name: 'Trust this certificate' }).click()
}

test('says before the secret is saved how it will be kept (no keyring), in the words Settings uses', async ({ app, bridge }) => {
  // The bridge stores secrets encrypted with a key file next to them: not a keyring, so onboarding says so
  // up front, with the core's own message (the one Settings shows), never a different story.
  const settings = await bridge.core.dispatch('settings:get', undefined)
  if (!settings.ok) throw new Error(settings.error.message)
  const message = (settings.value as { keyring: { message: string | null } }).keyring.message ?? ''
  expect(message).toContain('key file')
  const note = app.getByTestId('onboarding-keyring')
  await expect(note).toBeVisible()
  await expect(note).toContainText('Secrets are not securely stored.')
  await expect(note).toContainText(message)
  await expect(note).not.toContainText('obfuscated')
  // Before the form, so it is read before anything is typed.
  const noteBox = await note.boundingBox()
  const secretBox = await app.getByLabel('Token secret').boundingBox()
  expect((noteBox?.y ?? 0) < (secretBox?.y ?? 0)).toBe(true)
})

test('first start opens onboarding with the pveum commands for the chosen mode', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Connect a Proxmox VE cluster' })).toBeVisible()
  const cmds = app.getByTestId('pveum-commands')
  await expect(cmds).toContainText('pveum role add PveTrayMonitor --privs "Sys.Audit VM.Audit Datastore.Audit"')
  await app.getByLabel(/Monitor and control/).check()
  await expect(cmds).toContainText('VM.PowerMgmt')
  await expect(cmds).toContainText("pveum acl modify / --tokens 'pvetray@pve!tray' --roles PveTrayControl")
})

test('a wrong token secret is reported next to the token fields', async ({ app }) => {
  await fill(app, sim.tokens.admin.id, 'not-the-secret-0000')
  await testAndTrust(app)
  await expect(app.locator('.field-invalid .field-error').first()).toBeVisible()
  await expect(app.getByRole('button', { name: 'Save' })).toBeDisabled()
  await expect(app.getByTestId('onboarding-message')).toHaveAttribute('role', 'alert')
})

test('a wrong certificate fingerprint is reported next to the fingerprint field', async ({ app }) => {
  const wrong = Array.from({ length: 32 }, () => 'AB').join(':')
  await fill(app, sim.tokens.admin.id, sim.tokens.admin.secret, wrong)
  await app.getByRole('button', { name: 'Test connection' }).click()
  const field = app.locator('.field', { has: app.getByLabel('Certificate fingerprint (optional)') })
  await expect(field.locator('.field-error')).toBeVisible()
  await expect(app.getByRole('button', { name: 'Save' })).toBeDisabled()
})

test('a good token: trust the certificate, see the privilege report, save, and the cluster is watched', async ({ app }, testInfo) => {
  await app.getByLabel(/Monitor and control/).check()
  await fill(app, sim.tokens.admin.id, sim.tokens.admin.secret)
  await testAndTrust(app)
  const report = app.getByTestId('privilege-report')
  await expect(report).toBeVisible()
  await expect(report.locator('li[data-feature="power"]')).toHaveAttribute('data-ok', 'true')
  // SSH health is a cluster setting, not a privilege the token lacks: said apart, never as a missing privilege.
  await expect(report.locator('li[data-feature="ssh-health"]')).toHaveCount(0)
  await expect(report.getByTestId('ssh-setting-note')).toContainText('not a token privilege')
  await expect(report.locator('li[data-ok="false"]')).toHaveCount(0)
  // Good news is a status, not a red alert.
  const message = app.getByTestId('onboarding-message')
  await expect(message).toContainText('Connected to Proxmox VE')
  await expect(message).toHaveAttribute('role', 'status')
  await expect(message).toHaveAttribute('data-kind', 'success')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(app.locator('[data-view="overview"]')).toBeVisible()
  await expect(app.getByRole('heading', { name: /office/ })).toBeVisible({ timeout: 15_000 })
  await expect(app.getByText('Demo mode.')).toBeHidden({ timeout: 15_000 })
  await app.getByRole('button', { name: 'Settings' }).click()
  await expect(app.locator('li[data-cluster]')).toContainText('office')
  await snap(app, testInfo, 'settings')
})

test('a limited token: the privilege report says what is missing and where', async ({ app }, testInfo) => {
  const limited = sim.cluster.addToken({ id: 'auditor@pve!tray', acls: [{ path: '/', privs: ['PVEAuditor'] }] })
  await app.getByLabel(/Monitor and control/).check()
  await fill(app, limited.id, limited.secret)
  await testAndTrust(app)
  const power = app.getByTestId('privilege-report').locator('li[data-feature="power"]')
  await expect(power).toHaveAttribute('data-ok', 'false')
  await expect(power).toContainText('VM.PowerMgmt')
  await expect(app.getByTestId('privilege-report').locator('li[data-feature="guests"]')).toHaveAttribute('data-ok', 'true')
  await power.scrollIntoViewIfNeeded()
  await expectNoAxeViolations(app)
  await snap(app, testInfo, 'onboarding-privilege-report')
})

test('the cluster CA field: nodes verified by pve-root-ca.pem, no fingerprint, and a public web root refused', async ({ app }, testInfo) => {
  await fill(app, sim.tokens.admin.id, sim.tokens.admin.secret)
  const ca = app.getByLabel('Cluster CA (optional)')
  // A CA the OS trusts for the web is refused next to the field, before anything is sent.
  await ca.fill(publicRoot)
  await app.getByRole('button', { name: 'Test connection' }).click()
  await expect(app.getByText(/trusts for the whole web/).first()).toBeVisible()
  // The cluster's own CA: connected without a fingerprint question.
  await ca.fill(sim.caPem)
  await app.getByRole('button', { name: 'Test connection' }).click()
  await expect(app.getByTestId('privilege-report')).toBeVisible()
  await expect(app.getByTestId('certificate-trust')).toBeHidden()
  await snap(app, testInfo, 'onboarding-cluster-ca')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(app.getByRole('heading', { name: /office/ })).toBeVisible({ timeout: 15_000 })
})
