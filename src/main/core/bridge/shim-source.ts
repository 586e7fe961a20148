// The script the bridge serves as /bridge-shim.js: it gives the page the same `window.pveTray` the
// Electron preload gives, over HTTP (invoke) and Server-Sent Events (events). It is served from the
// bridge's own origin, so the page's CSP (`script-src 'self'`) still holds. Plain ES2020, no imports.
import { invokeChannelNames, rendererEventChannelNames } from '../../../shared/ipc/channels'

export const TOKEN_HEADER = 'x-pve-tray-token'

export function shimSource(): string {
  return `(() => {
  'use strict';
  const INVOKE = new Set(${JSON.stringify(invokeChannelNames)});
  const EVENTS = new Set(${JSON.stringify(rendererEventChannelNames)});
  const KEY = 'pveTrayBridgeToken';
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  let token = params.get('token');
  if (token) {
    sessionStorage.setItem(KEY, token);
    // Keep the token out of the address bar (screenshots, shoulder-surfing); a reload still has it.
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? '#' + rest : ''));
  } else {
    token = sessionStorage.getItem(KEY) || '';
  }
  const listeners = new Map();
  let source = null;
  function ensureSource() {
    if (source !== null) return;
    source = new EventSource('/api/events?token=' + encodeURIComponent(token));
    for (const name of EVENTS) {
      source.addEventListener(name, (ev) => {
        let payload;
        try { payload = JSON.parse(ev.data); } catch { return; }
        for (const l of [...(listeners.get(name) || [])]) {
          try { l(payload); } catch (e) { console.error(e); }
        }
      });
    }
  }
  const api = {
    invoke(channel, input) {
      if (typeof channel !== 'string' || !INVOKE.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'refused', message: 'Unknown channel: ' + String(channel).slice(0, 64) } });
      }
      return fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
        body: JSON.stringify({ channel, input: input === undefined ? {} : input })
      }).then(
        (res) => res.ok ? res.json() : { ok: false, error: { code: 'refused', message: 'The bridge refused the request (' + res.status + '). Open the link the bridge printed.' } },
        () => ({ ok: false, error: { code: 'unreachable', message: 'The browser bridge is not running any more.' } })
      );
    },
    on(event, listener) {
      if (typeof event !== 'string' || !EVENTS.has(event) || typeof listener !== 'function') throw new TypeError('Unknown event: ' + String(event).slice(0, 64));
      ensureSource();
      let set = listeners.get(event);
      if (!set) { set = new Set(); listeners.set(event, set); }
      set.add(listener);
      return () => { set.delete(listener); };
    }
  };
  Object.defineProperty(window, 'pveTray', { value: Object.freeze(api), writable: false, configurable: false });
})();
`
}
