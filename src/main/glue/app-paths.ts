// Where the built app's files are, in development (electron-vite) and packaged (asar + resources).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { app } from 'electron'

export interface AppPaths {
  readonly preload: string
  readonly rendererFile: string
  readonly rendererFileUrl: string
  /** ELECTRON_RENDERER_URL: only honoured in an unpackaged (development) app. */
  readonly devServerUrl: string | null
  /** resources/icons: next to the asar when packaged (extraResources), in the repo otherwise. */
  readonly icons: string
}

export function appPaths(mainDir: string): AppPaths {
  const rendererFile = join(mainDir, '../renderer/index.html')
  const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererFile,
    rendererFileUrl: pathToFileURL(rendererFile).href,
    devServerUrl,
    icons: app.isPackaged ? join(process.resourcesPath, 'icons') : join(app.getAppPath(), 'resources', 'icons')
  }
}
