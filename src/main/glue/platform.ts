// The core's PlatformPort: the guarded external opener and "start at login".
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'

import { app, shell } from 'electron'

import type { PlatformPort } from '../core'
import { isAllowedWebUiUrl, type WebUiEndpoint } from '../core/security/web-ui-url'
import { AUTOSTART_FILE_NAME, autostartDesktopEntry, autostartDir } from '../core/tray/autostart-entry'

export function createPlatformPort(deps: {
  /** The configured endpoints, read at call time (settings change while the app runs). */
  readonly endpoints: () => readonly WebUiEndpoint[]
  readonly log: (line: string) => void
}): PlatformPort {
  return {
    // The app's ONLY shell.openExternal: a configured cluster's own web UI root, nothing else.
    async openExternal(url: string): Promise<void> {
      if (!isAllowedWebUiUrl(url, deps.endpoints())) {
        deps.log('openExternal refused: not the web UI of a configured cluster')
        throw new Error('Only the web UI of a configured cluster can be opened.')
      }
      await shell.openExternal(url)
    },
    setStartAtLogin: (enabled) => setStartAtLogin(enabled)
  }
}

async function setStartAtLogin(enabled: boolean): Promise<void> {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled })
    return
  }
  const dir = autostartDir(process.env, homedir())
  const file = join(dir, AUTOSTART_FILE_NAME)
  if (!enabled) {
    await rm(file, { force: true })
    return
  }
  // An AppImage's executable lives in a temporary mount: start the AppImage file itself.
  const executable = process.env['APPIMAGE'] ?? process.execPath
  await mkdir(dir, { recursive: true })
  await writeFile(file, autostartDesktopEntry({ executable, icon: 'pve-tray' }), { mode: 0o644 })
}
