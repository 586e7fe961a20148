// The dashboard window's options, as a pure function: the hardening test reads exactly what the
// glue passes to `new BrowserWindow(...)`. Structural type (core must not import electron); the glue
// passing it to BrowserWindow is what type-checks it against Electron's own typings.

export interface HardenedWebPreferences {
  readonly preload: string
  readonly contextIsolation: true
  readonly sandbox: true
  readonly nodeIntegration: false
  readonly nodeIntegrationInWorker: false
  readonly nodeIntegrationInSubFrames: false
  readonly webSecurity: true
  readonly allowRunningInsecureContent: false
  readonly experimentalFeatures: false
  readonly webviewTag: false
  readonly navigateOnDragDrop: false
  readonly safeDialogs: true
  readonly spellcheck: false
  readonly devTools: boolean
}

export interface DashboardWindowOptions {
  readonly width: number
  readonly height: number
  readonly minWidth: number
  readonly minHeight: number
  readonly show: false
  readonly title: string
  readonly autoHideMenuBar: true
  readonly backgroundColor: string
  readonly icon?: string
  readonly webPreferences: HardenedWebPreferences
}

export interface WindowOptionsInput {
  readonly preloadPath: string
  /** Linux/Windows window icon (macOS uses the bundle icon). */
  readonly iconPath: string | null
  /** DevTools only in development builds. */
  readonly dev: boolean
}

export function dashboardWindowOptions(input: WindowOptionsInput): DashboardWindowOptions {
  return {
    width: 1180,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    title: 'PVE Tray',
    autoHideMenuBar: true,
    backgroundColor: '#1e1f22',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.dev
    }
  }
}
