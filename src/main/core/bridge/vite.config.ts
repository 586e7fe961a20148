// Bundles the browser bridge (and the app core it runs) for plain Node: `vite build --config
// src/main/core/bridge/vite.config.ts` → out/bridge/{index,cli}.mjs. Bundling, rather than running the
// .ts sources, is what makes it robust: the core uses TypeScript that Node's type stripping refuses
// (parameter properties) and JSON imports without attributes. npm dependencies stay external.
import { resolve } from 'node:path'

import { defineConfig } from 'vite'

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/bridge',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { index: resolve('src/main/core/bridge/index.ts'), cli: resolve('src/main/core/bridge/cli.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
    }
  }
})
