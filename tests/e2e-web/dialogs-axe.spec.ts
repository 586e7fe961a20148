// The states every-view.spec.ts does not reach, at both window sizes and in both colour schemes, with
// the same checks (axe over the whole page, no rule disabled; headings; nothing wider than its box):
// the certificate trust prompt and the privilege report of onboarding, the confirm dialog of a power
// action, and the SSH host-key panels and the confirm dialog that forgets a changed key.
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

import type { Simulator } from '../../src/main/bridge/index'
import { type SshdServer, startSshd } from '../helpers/sshd-server'
import { expect, guestRow, loadBridge, test } from './fixtures'
import { sshToRealSshd } from './sshd-cluster'
import { checkView, SCHEMES, SIZES } from './view-checks'

const run = promisify(execFile)
const NODE = 'pve-a'

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test.describe(`${size.width}×${size.height} ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme })

      test.describe('onboarding', () => {
        test.use({ startView: null })
        let sim: Simulator | null = null
        test.afterEach(async () => {
          await sim?.close()
          sim = null
        })

        test('the certificate trust prompt and the privilege report pass axe', async ({ app }, testInfo) => {
          const { startSimulator } = await loadBridge()
          const s = (sim = await startSimulator({ authDelayMs: 50, taskDurationMs: 500, seed: 2 }))
          // A limited token: the report lists what is missing as well as what is there.
          const limited = s.cluster.addToken({ id: 'auditor@pve!tray', acls: [{ path: '/', privs: ['PVEAuditor'] }] })
          const ep = s.endpoints[0]
          if (ep === undefined) throw new Error('simulator has no endpoint')
          await app.getByLabel(/Monitor and control/).check()
          await app.getByLabel('Cluster name').fill('office')
          await app.getByLabel('Host').fill(ep.host)
          await app.getByLabel('Port').fill(String(ep.port))
          await app.getByLabel('Token ID').fill(limited.id)
          await app.getByLabel('Token secret').fill(limited.secret)
          await app.getByRole('button', { name: 'Test connection' }).click()
          const trust = app.getByTestId('certificate-trust')
          await expect(trust).toBeVisible()
          await checkView(app, testInfo, `onboarding-trust-${scheme}`)
          await trust.getByRole('button', { name: 'Trust this certificate' }).click()
          const report = app.getByTestId('privilege-report')
          await expect(report.locator('li[data-feature="power"]')).toHaveAttribute('data-ok', 'false')
          await report.scrollIntoViewIfNeeded()
          await checkView(app, testInfo, `onboarding-privileges-${scheme}`)
        })
      })

      test.describe('guests', () => {
        test.use({ startView: 'guests' })

        test('the confirm dialog of a power action passes axe', async ({ app }, testInfo) => {
          await guestRow(app, 110).getByRole('button', { name: 'Stop k8s-master' }).click()
          const dialog = app.getByRole('dialog', { name: 'Stop k8s-master?' })
          await expect(dialog).toBeVisible()
          await checkView(app, testInfo, `confirm-stop-${scheme}`)
          await dialog.getByRole('button', { name: 'Cancel' }).click()
          await expect(dialog).toBeHidden()
        })
      })

      test.describe('a node whose SSH host key changed', () => {
        test.use({ useConfigured: true })
        let sshd: SshdServer | null = null
        test.afterEach(async () => {
          await sshd?.stop()
          sshd = null
        })

        test('the changed-key panel, its confirm dialog and the new-key panel pass axe', async ({ app, bridge, configured }, testInfo) => {
          if (configured === null) throw new Error('needs the configured cluster')
          const s = (sshd = await startSshd())
          const { clusterId } = configured
          await sshToRealSshd(bridge, configured, s, NODE)
          await bridge.core.dispatch('nodes:health', { clusterId, node: NODE })
          expect((await bridge.core.dispatch('ssh:trust-host-key', { clusterId, node: NODE, fingerprint: s.hostKeyFingerprint })).ok).toBe(true)
          const hostKey = join(s.dir, 'ssh_host_ed25519_key')
          await rm(hostKey, { force: true })
          await rm(`${hostKey}.pub`, { force: true })
          await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'reinstalled', '-f', hostKey])
          await s.restart()

          await app
            .getByRole('navigation', { name: 'Views' })
            .getByRole('button', { name: new RegExp(`^${NODE}`) })
            .click()
          const changed = app.getByTestId('ssh-host-key-changed')
          await expect(changed).toBeVisible({ timeout: 20_000 })
          await checkView(app, testInfo, `ssh-key-changed-${scheme}`)
          await changed.getByRole('button', { name: 'Forget the old key' }).click()
          const dialog = app.getByRole('dialog', { name: `Forget the old SSH host key of ${NODE}?` })
          await expect(dialog).toBeVisible()
          await checkView(app, testInfo, `ssh-forget-dialog-${scheme}`)
          await dialog.getByRole('button', { name: 'Forget the old key' }).click()
          await expect(app.getByTestId('ssh-host-key')).toBeVisible({ timeout: 20_000 })
          await checkView(app, testInfo, `ssh-new-key-${scheme}`)
        })
      })
    })
  }
}
