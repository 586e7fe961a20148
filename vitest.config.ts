import { resolve } from 'node:path'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Network tests start real servers (HTTPS simulator, sshd); keep the two cores from thrashing.
    maxWorkers: 2,
    reporters: ['default']
  }
})
