// Browser end-to-end tests of the dashboard through the browser bridge (tests/e2e-web). Each test
// starts its own bridge + simulator (see tests/e2e-web/fixtures.ts); global setup builds the renderer
// and the bridge bundle once. Debian's Chromium, headless.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e-web',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e-web/global-setup.ts',
  outputDir: 'test-results/e2e-web',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    }
  }
})
