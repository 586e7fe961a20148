// Bundles the browser bridge (and the app core it runs) for plain Node: `vite build --config
// src/main/bridge/vite.config.ts` → out/bridge/{index,cli}.mjs. Bundling, rather than running the
// .ts sources, is what makes it robust: the core uses TypeScript that Node's type stripping refuses
// (parameter properties) and JSON imports without attributes. npm dependencies stay external.
import { resolve } from 'node:path'

import { build, defineConfig, type Plugin } from 'vite'

/**
 * The page's `window.pveTray` in the browser (shim/bridge-shim.ts), typed against the IPC contract and built
 * here as one classic script beside the bundle that serves it (out/bridge/bridge-shim.js).
 */
const bridgeShim: Plugin = {
  name: 'pve-tray-bridge-shim',
  apply: 'build',
  async closeBundle() {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir: 'out/bridge',
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        lib: { entry: resolve('src/main/bridge/shim/bridge-shim.ts'), formats: ['iife'], name: 'pveTrayBridgeShim', fileName: () => 'bridge-shim.js' }
      }
    })
  }
}

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  plugins: [bridgeShim],
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/bridge',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { index: resolve('src/main/bridge/index.ts'), cli: resolve('src/main/bridge/cli.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
    }
  }
})
