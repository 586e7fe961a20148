// Who may call the app core over IPC: only the dashboard's own top-level frame, showing the app's
// own renderer (the packaged index.html, or the dev server in development). A page that got into
// a frame by any other route (navigation, an injected iframe) is refused even if it has the preload.

export interface SenderPolicy {
  /** `file:///…/out/renderer/index.html` of this build; null when the renderer comes from a dev server. */
  readonly rendererFileUrl: string | null
  /** `ELECTRON_RENDERER_URL` in development (e.g. http://localhost:5173/); null in a packaged app. */
  readonly devServerUrl: string | null
}

export interface SenderFacts {
  /** `event.senderFrame?.url`; null when the frame is gone (navigated away, destroyed). */
  readonly frameUrl: string | null
  /** The frame is the top-level frame of its page. */
  readonly isMainFrame: boolean
  /** The sending webContents is the dashboard window's. */
  readonly isDashboard: boolean
}

export type SenderVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string }

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** The renderer's own document (any #route or ?query), nothing else on disk, nothing remote. */
export function isAppRendererUrl(url: string, policy: SenderPolicy): boolean {
  const u = parse(url)
  if (!u) return false
  if (policy.rendererFileUrl !== null) {
    const own = parse(policy.rendererFileUrl)
    if (own && u.protocol === 'file:' && own.protocol === 'file:' && u.host === own.host && u.pathname === own.pathname) return true
  }
  if (policy.devServerUrl !== null) {
    const dev = parse(policy.devServerUrl)
    // Only plain-http loopback dev servers: anything else would be remote content.
    if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin && isLoopback(dev.hostname)) return true
  }
  return false
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

export function checkSender(facts: SenderFacts, policy: SenderPolicy): SenderVerdict {
  if (!facts.isDashboard) return { ok: false, reason: 'sender is not the dashboard window' }
  if (facts.frameUrl === null) return { ok: false, reason: 'sender frame is gone' }
  if (!facts.isMainFrame) return { ok: false, reason: 'sender is a sub-frame' }
  if (!isAppRendererUrl(facts.frameUrl, policy)) return { ok: false, reason: 'sender is not the app renderer' }
  return { ok: true }
}
