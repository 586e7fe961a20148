// Who the app is to the operating system. Must equal electron-builder.json's appId: Windows attaches
// notifications to the Start-menu shortcut the installer creates with that AppUserModelId; with any
// other id (Electron's default is the exe path) toasts show as "electron.app.PVE Tray" or not at all.
export const APP_USER_MODEL_ID = 'io.github.pvetray.app'

/** The one log line for an app started without Chromium's sandbox (only electron-builder's AppImage launcher does that). */
export function noSandboxNotice(): string {
  return (
    "started WITHOUT Chromium's sandbox (--no-sandbox): this Linux restricts unprivileged user namespaces (Ubuntu 24.04+ AppArmor) " +
    'and an AppImage cannot carry an AppArmor profile. For a sandboxed app install the .deb, which installs one.'
  )
}
