// Builds the renderer and the bridge bundle (vite SSR) the specs run (not main/preload: not needed here).
// Set PVE_TRAY_E2E_SKIP_BUILD=1 to reuse an existing out/ (fast local iterations).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export default function globalSetup(): void {
  const have = existsSync('out/renderer/index.html') && existsSync('out/bridge/index.mjs')
  if (process.env.PVE_TRAY_E2E_SKIP_BUILD === '1' && have) return
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
  execFileSync(npx, ['vite', 'build', '--config', 'src/renderer/vite.web.config.ts'], { stdio: 'inherit' })
  execFileSync(npx, ['vite', 'build', '--config', 'src/main/bridge/vite.config.ts'], { stdio: 'inherit' })
}
