// Renderer-only build (out/renderer) for the browser bridge, its tests and benchmarks: the same
// settings as the renderer section of electron.vite.config.ts, without building main and preload.
import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  resolve: { alias: { '@shared': resolve('src/shared') } },
  plugins: [react()],
  build: { outDir: resolve('out/renderer'), emptyOutDir: true }
})
