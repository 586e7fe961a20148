// Bundles the whole-process bench's measured process for plain Node, as the app's own main bundle is built:
// `vite build --config bench/support/vite.config.ts` → out/bench/app-process.mjs. The
// measured process then holds what the app holds (bundled JavaScript, no TypeScript loader), so its
// memory and CPU figures are the app's. npm dependencies stay external, as in the app.
import { resolve } from 'node:path'

import { defineConfig } from 'vite'

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/bench',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { 'app-process': resolve('bench/support/app-process.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
    }
  }
})
