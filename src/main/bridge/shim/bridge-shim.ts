// The script the bridge serves as /bridge-shim.js: it gives the page the same `window.pveTray` the Electron
// preload gives, over HTTP (invoke) and Server-Sent Events (events). Built for the browser on its own
// (vite.shim.config.ts → out/bridge/bridge-shim.js, one classic script) and served from the bridge's own
// origin, so the page's CSP (`script-src 'self'`) still holds. Typed against the one IPC contract.
import { type InvokeChannel, invokeChannelNames, type RendererEventChannel, rendererEventChannelNames } from '../../../shared/ipc/channels'
import type { EventContract, IpcResponse, PveTrayApi } from '../../../shared/ipc/contract'
import { TOKEN_HEADER } from '../token-header'

const INVOKE: ReadonlySet<string> = new Set<string>(invokeChannelNames)
const EVENTS: ReadonlySet<string> = new Set<string>(rendererEventChannelNames)
const KEY = 'pveTrayBridgeToken'

function takeToken(): string {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''))
  const fromLink = params.get('token')
  if (fromLink === null || fromLink === '') return sessionStorage.getItem(KEY) ?? ''
  sessionStorage.setItem(KEY, fromLink)
  // Keep the token out of the address bar (screenshots, shoulder-surfing); a reload still has it.
  params.delete('token')
  const rest = params.toString()
  history.replaceState(null, '', location.pathname + location.search + (rest !== '' ? `#${rest}` : ''))
  return fromLink
}

const token = takeToken()
const listeners = new Map<string, Set<(payload: unknown) => void>>()
let source: EventSource | null = null

function ensureSource(): void {
  if (source !== null) return
  source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
  for (const name of EVENTS) {
    source.addEventListener(name, (ev: MessageEvent<string>) => {
      let payload: unknown
      try {
        payload = JSON.parse(ev.data)
      } catch {
        return
      }
      for (const l of [...(listeners.get(name) ?? [])]) {
        try {
          l(payload)
        } catch (e) {
          console.error(e)
        }
      }
    })
  }
}

const refused = (message: string): IpcResponse<never> => ({ ok: false, error: { code: 'refused', message } })

const api: PveTrayApi = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !INVOKE.has(channel)) return Promise.resolve(refused(`Unknown channel: ${String(channel).slice(0, 64)}`))
    return fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify({ channel: channel satisfies InvokeChannel, input: input === undefined ? {} : input })
    }).then(
      (res) => (res.ok ? (res.json() as Promise<never>) : refused(`The bridge refused the request (${res.status}). Open the link the bridge printed.`)),
      () => ({ ok: false, error: { code: 'unreachable', message: 'The browser bridge is not running any more.' } }) as const
    )
  },
  on<E extends RendererEventChannel>(event: E, listener: (payload: EventContract[E]) => void): () => void {
    if (typeof event !== 'string' || !EVENTS.has(event) || typeof listener !== 'function') throw new TypeError(`Unknown event: ${String(event).slice(0, 64)}`)
    ensureSource()
    let set = listeners.get(event)
    if (set === undefined) {
      set = new Set()
      listeners.set(event, set)
    }
    const l = listener as (payload: unknown) => void
    set.add(l)
    return () => {
      set.delete(l)
    }
  }
}

Object.defineProperty(window, 'pveTray', { value: Object.freeze(api), writable: false, configurable: false })
