// App-wide Electron hardening: nothing may navigate, open windows, attach webviews or get a
// permission; the renderer's CSP is also sent as a header for the app's own loads.
import { app, type Session } from 'electron'

import { withCspHeader } from '../core/security/content-security-policy'

/** Before `ready`: every renderer sandboxed, whatever its webPreferences say. */
export function enableProcessSandbox(): void {
  app.enableSandbox()
}

export function hardenSession(session: Session, opts: { readonly devServerUrl: string | null }): void {
  // No notifications-from-the-page, media, geolocation, clipboard, …: the dashboard needs none.
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  // The dev server (vite) needs its own inline preamble and websocket: leave its headers alone.
  if (opts.devServerUrl === null) {
    session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCspHeader(details.responseHeaders) }))
  }
}

/** Every webContents the app ever creates: no navigation away, no new windows, no webviews. */
export function hardenWebContentsCreation(log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      event.preventDefault()
      log(`blocked navigation to ${safeUrlForLog(url)}`)
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      log(`blocked window.open of ${safeUrlForLog(url)}`)
      return { action: 'deny' }
    })
  })
}

/** Scheme + host only: a URL's path or query could carry something private. */
function safeUrlForLog(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}`
  } catch {
    return '(invalid URL)'
  }
}
