// Electron entry point: wiring only, read top to bottom. Every decision lives in ./core (Electron-
// free, tested under Node); ./glue hands core output to Electron.
import { homedir } from 'node:os'
import { join } from 'node:path'

import { app, dialog, session } from 'electron'

import { type AppCore, createAppCore, type SecretVault } from './core'
import { tuneMainProcessHeap } from './core/app/heap-tuning'
import { APP_USER_MODEL_ID, noSandboxNotice } from './core/app/identity'
import { createNotificationService, type NotificationService } from './core/notify'
import { appIconFile } from './core/tray/icon-files'
import type { ConfirmSpec } from './core/tray/menu-model'
import { notifyPrefsFrom } from './core/tray/notification-inputs'
import { createEncryptedVault } from './core/vault/encrypted-vault'
import { type AppPaths, appPaths } from './glue/app-paths'
import { createDashboard, type Dashboard } from './glue/dashboard-window'
import { createE2eRecorder, e2eEnabled, installE2eHooks } from './glue/e2e-hooks'
import { enableProcessSandbox, hardenSession, hardenWebContentsCreation } from './glue/hardening'
import { registerIpc } from './glue/ipc-register'
import { createNotifier } from './glue/notifications'
import { createPlatformPort } from './glue/platform'
import { watchPowerEvents } from './glue/power-events'
import { createElectronSecretRecordStore, createElectronSettingsStore, safeStorageBackend } from './glue/storage-adapters'
import { createTrayGlue, type TrayGlue } from './glue/tray'

// First: the main process's heap settings (see there).
tuneMainProcessHeap()
const log = (line: string): void => console.log(`[pve-tray] ${line}`)
// Test hooks never exist in a packaged app, whatever the environment says.
const e2e = e2eEnabled() && !app.isPackaged
const recorder = createE2eRecorder()

// Before `ready`: a fresh profile per e2e run, every renderer sandboxed, no navigation anywhere.
if (e2e && process.env['PVE_TRAY_USER_DATA']) app.setPath('userData', process.env['PVE_TRAY_USER_DATA'])
enableProcessSandbox()
hardenWebContentsCreation(log)
// Windows ties notifications to a Start-menu shortcut through this id: the installer's (see
// core/app/identity.ts) when installed; unpackaged (npm start) no shortcut carries it, and Electron's
// documented development id is the executable's path.
if (process.platform === 'win32') app.setAppUserModelId(app.isPackaged ? APP_USER_MODEL_ID : process.execPath)
// electron-builder's AppImage launcher adds --no-sandbox where user namespaces are restricted: say so.
if (app.commandLine.hasSwitch('no-sandbox')) log(noSandboxNotice())

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  run()
}

function run(): void {
  let core: AppCore | null = null
  let dashboard: Dashboard | null = null
  let tray: TrayGlue | null = null
  let notifications: NotificationService | null = null

  // A second launch focuses the dashboard of the running instance.
  app.on('second-instance', () => dashboard?.show())
  // The app lives in the tray: closing the dashboard must not quit it.
  app.on('window-all-closed', () => undefined)
  app.on('before-quit', (event) => {
    if (core === null) return
    event.preventDefault()
    const c = core
    core = null
    // Quitting stops the monitors: nothing they say on the way out is news.
    notifications?.dispose()
    void stopCore(c).finally(() => {
      tray?.dispose()
      app.exit(0)
    })
  })

  void app.whenReady().then(async () => {
    if (process.platform === 'darwin') app.dock?.hide()
    const paths = appPaths(import.meta.dirname)
    hardenSession(session.defaultSession, { devServerUrl: paths.devServerUrl })
    dashboard = setupDashboard(paths)
    const vault = setupVault()
    core = setupCore(vault, dashboard)
    notifications = setupNotifications(core, dashboard, paths)
    setupIpc(core, dashboard, paths)
    tray = setupTray(core, dashboard, notifications, paths)
    watchPowerEvents(core)
    if (e2e) installE2eHooks(core, tray, recorder)
    await core.start()
    // First start with nothing configured: the demo cluster runs, the dashboard opens on onboarding.
    if (core.getState().demo) dashboard.show({ view: 'onboarding' })
  })
}

function setupVault(): SecretVault {
  return createEncryptedVault(safeStorageBackend(), createElectronSecretRecordStore(app.getPath('userData')), log)
}

function setupCore(vault: SecretVault, dashboard: Dashboard): AppCore {
  let core: AppCore | null = null
  const pollMs = e2e ? Number(process.env['PVE_TRAY_E2E_POLL_MS'] ?? '') : NaN
  core = createAppCore({
    settingsStore: createElectronSettingsStore(app.getPath('userData')),
    vault,
    platform: createPlatformPort({ endpoints: () => core?.settings().clusters.flatMap((c) => c.endpoints) ?? [], log }),
    // Hosts the user already reached with OpenSSH need no question: their keys are pinned from here.
    sshKnownHostsPath: join(homedir(), '.ssh', 'known_hosts'),
    sshKnownHostsLabel: '~/.ssh/known_hosts',
    logger: log,
    // No state deltas are computed while the dashboard is closed.
    rendererOpen: () => dashboard.isOpen(),
    ...(Number.isFinite(pollMs) && pollMs > 0 ? { timings: { pollIntervalMs: pollMs, taskPollMs: Math.min(pollMs, 500) } } : {})
  })
  return core
}

function setupDashboard(paths: AppPaths): Dashboard {
  return createDashboard({
    preloadPath: paths.preload,
    rendererFile: paths.rendererFile,
    devServerUrl: paths.devServerUrl,
    iconPath: process.platform === 'darwin' ? null : `${paths.icons}/${appIconFile(process.platform)}`,
    dev: !app.isPackaged,
    // With the dock icon hidden (LSUIElement) macOS does not activate the app for a window we show:
    // without this the dashboard opens behind the frontmost app.
    ...(process.platform === 'darwin' ? { activateApp: () => app.focus({ steal: true }) } : {})
  })
}

function setupNotifications(core: AppCore, dashboard: Dashboard, paths: AppPaths): NotificationService {
  const notifier = createNotifier({
    onClick: (target) => dashboard.show(target ?? { view: 'overview' }),
    iconPath: process.platform === 'linux' ? `${paths.icons}/app/icon.png` : null,
    ...(e2e ? { onShown: (spec) => void recorder.shown.push(spec) } : {})
  })
  const service = createNotificationService({
    onMonitorEvent: (l) => core.onMonitorEvent(l),
    prefs: () => notifyPrefsFrom(core.settings(), core.getState()),
    now: Date.now,
    display: (spec) => notifier.show(spec),
    log
  })
  return {
    userAction: (spec) => service.userAction(spec),
    dispose: () => {
      service.dispose()
      notifier.dispose()
    }
  }
}

function setupIpc(core: AppCore, dashboard: Dashboard, paths: AppPaths): void {
  registerIpc({ core, dashboard, policy: { rendererFileUrl: paths.devServerUrl ? null : paths.rendererFileUrl, devServerUrl: paths.devServerUrl }, log })
}

function setupTray(core: AppCore, dashboard: Dashboard, notifications: NotificationService, paths: AppPaths): TrayGlue {
  return createTrayGlue({
    core,
    dashboard,
    notify: (spec) => notifications.userAction(spec),
    iconsDir: paths.icons,
    platform: process.platform,
    confirm,
    quit: () => app.quit(),
    log
  })
}

async function confirm(spec: ConfirmSpec): Promise<boolean> {
  if (e2e) return recorder.confirmAnswer
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: spec.title,
    message: spec.title,
    detail: spec.message,
    buttons: [spec.confirmLabel, 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true
  })
  return response === 0
}

/** Monitors stopped and SSH connections closed before exit; a hung stop must not keep the app alive. */
async function stopCore(core: AppCore): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))
  await Promise.race([core.stop().catch((e: unknown) => log(`stop failed: ${e instanceof Error ? e.name : 'error'}`)), limit])
  clearTimeout(timer)
}
