// The packaging config is checked by electron-builder's own validator and the fuses hook against
// @electron/fuses' own names: packaging cannot run here (no Electron binary), so a typo in either would
// otherwise only show on the machine that builds the installers.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)

interface ConfigModule {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
}
interface BuilderUtil {
  DebugLogger: new (enabled: boolean) => unknown
}

const validate = async (config: unknown): Promise<void> => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule
  const { DebugLogger } = require('builder-util') as BuilderUtil
  await validateConfiguration(structuredClone(config), new DebugLogger(false))
}

describe('packaging', () => {
  const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<string, Record<string, unknown>>

  it("electron-builder.json passes electron-builder's own schema", async () => {
    await expect(validate(config)).resolves.toBeUndefined()
  })

  it('the validator does catch a misplaced option (so the check above means something)', async () => {
    await expect(validate({ ...config, linux: { ...config['linux'], dmgTitle: 'x' } })).rejects.toThrow(/configuration\.linux/)
  })

  it('the afterPack hook names only fuses @electron/fuses knows', () => {
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, unknown> }
    const hook = readFileSync(join(root, 'resources/packaging/after-pack-fuses.cjs'), 'utf8')
    const used = [...hook.matchAll(/\[FuseV1Options\.(\w+)\]/g)].map((m) => m[1] as string)
    expect(used.length).toBeGreaterThanOrEqual(6)
    for (const name of used) expect(FuseV1Options[name], name).toBeDefined()
  })

  it("the app's AppUserModelId is the installer's appId (Windows notifications)", async () => {
    const { APP_USER_MODEL_ID } = await import('../../../src/main/core/app/identity')
    expect(config['appId']).toBe(APP_USER_MODEL_ID)
  })

  // Ubuntu 24.04+ (AppArmor-restricted user namespaces): electron-builder's own deb after-install script
  // installs an AppArmor profile that lets the app's sandbox start, and its AppImage launcher adds
  // --no-sandbox only where `unshare -Ur true` fails (the app then logs one line saying so). Both hold
  // only while this config leaves them alone.
  it("keeps electron-builder's AppArmor profile (deb) and sandbox probe (AppImage)", () => {
    const deb = config['deb'] ?? {}
    const linux = config['linux'] ?? {}
    for (const key of ['afterInstall', 'appArmorProfile', 'executableArgs']) {
      expect(deb[key], `deb.${key}`).toBeUndefined()
      expect(linux[key], `linux.${key}`).toBeUndefined()
    }
    expect(config['appImage']?.['executableArgs']).toBeUndefined()
    const afterInstall = readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8')
    expect(afterInstall).toMatch(/apparmor_parser --replace/)
    const profile = readFileSync(require.resolve('app-builder-lib/templates/linux/apparmor-profile.tpl'), 'utf8')
    expect(profile).toMatch(/userns,/)
    const appRun = readFileSync(require.resolve('app-builder-lib/out/targets/appimage/appImageUtil.js'), 'utf8')
    expect(appRun).toMatch(/unshare -Ur true[\s\S]*NO_SANDBOX=\(--no-sandbox\)/)
  })
})
