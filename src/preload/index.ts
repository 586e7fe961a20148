// Preload (sandboxed, CommonJS): exposes `window.pveTray`, generated from the channel-name lists.
// THE only file that touches ipcRenderer. It imports channel names and types only (no zod, no
// node_modules), so the bundle stays tiny; main validates every input.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

import { type InvokeChannel, invokeChannelNames, type RendererEventChannel, rendererEventChannelNames } from '../shared/ipc/channels'
import type { EventContract, PveTrayApi } from '../shared/ipc/contract'

const invokable = new Set<string>(invokeChannelNames)
const events = new Set<string>(rendererEventChannelNames)

const api: PveTrayApi = {
  invoke(channel, input) {
    // A hostile or buggy page cannot reach a channel outside the contract through this bridge.
    if (typeof channel !== 'string' || !invokable.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'refused', message: `Unknown channel: ${String(channel).slice(0, 64)}` } })
    }
    return ipcRenderer.invoke(channel satisfies InvokeChannel, input)
  },
  on<E extends RendererEventChannel>(event: E, listener: (payload: EventContract[E]) => void): () => void {
    if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') {
      throw new TypeError(`Unknown event: ${String(event).slice(0, 64)}`)
    }
    // The page never sees the IpcRendererEvent (it would expose `sender`, i.e. ipcRenderer).
    const wrapped = (_e: IpcRendererEvent, payload: EventContract[E]): void => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  }
}

contextBridge.exposeInMainWorld('pveTray', api)
