// The Electron end-to-end suite: `npx playwright test -c playwright.electron.config.ts`.
// Needs the Electron binary (and a display: run under xvfb-run on a headless Linux box); without
// the binary, global-setup prints one line and every test reports as skipped.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: './tests/e2e-electron',
  testMatch: '*.spec.ts',
  globalSetup: './tests/e2e-electron/global-setup.ts',
  // Each app is a full Chromium (~300 MB): one at a time on a 2-core machine.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e-electron'
})
