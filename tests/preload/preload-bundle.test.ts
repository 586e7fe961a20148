// The BUILT preload bundle (out/preload/index.cjs), run the way a sandboxed renderer runs it: a fresh
// context whose `require` knows only what Electron's sandboxed preload gets (electron's renderer
// modules, events, timers, url), with contextBridge and ipcRenderer stand-ins typed against
// electron.d.ts. It must load there, expose exactly `window.pveTray`, and never hand the page
// ipcRenderer or an IPC event.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createContext, runInContext } from 'node:vm'

import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron'
import { describe, expect, it } from 'vitest'

import { invokeChannelNames, rendererEventChannelNames } from '../../src/shared/ipc/channels'
import type { PveTrayApi } from '../../src/shared/ipc/contract'

const bundle = join(import.meta.dirname, '../../out/preload/index.cjs')

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void

function loadPreload() {
  const exposed = new Map<string, unknown>()
  const invoked: { channel: string; args: unknown[] }[] = []
  const listeners = new Map<string, Set<Listener>>()
  const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
    exposeInMainWorld: (apiKey: string, api: unknown) => void exposed.set(apiKey, api)
  }
  const ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'> = {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args })
      return Promise.resolve({ ok: true, value: `answer to ${channel}` })
    },
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return ipcRenderer as IpcRenderer
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer as IpcRenderer
    }
  }
  const required: string[] = []
  const sandboxRequire = (id: string): unknown => {
    required.push(id)
    if (id === 'electron') return { contextBridge, ipcRenderer }
    if (id === 'events' || id === 'timers' || id === 'url') return {}
    throw new Error(`module not found: ${id} (a sandboxed preload can only require electron, events, timers and url)`)
  }
  const module = { exports: {} }
  const context = createContext({ console })
  const globalsBefore = new Set(Object.keys(runInContext('globalThis', context) as object))
  // Electron wraps a sandboxed preload in a function, as Node wraps a CommonJS module.
  const wrapped = runInContext(`(function (exports, require, module) {${readFileSync(bundle, 'utf8')}\n})`, context, { filename: bundle }) as (
    e: unknown,
    r: unknown,
    m: unknown
  ) => void
  wrapped(module.exports, sandboxRequire, module)
  const newGlobals = Object.keys(runInContext('globalThis', context) as object).filter((k) => !globalsBefore.has(k))
  return { exposed, invoked, listeners, required, newGlobals }
}

describe('the built preload bundle in a sandbox-like context', () => {
  it('exists (npm test builds the app first)', () => {
    expect(existsSync(bundle), bundle).toBe(true)
  })

  it('loads with only electron, and exposes exactly window.pveTray with invoke and on', () => {
    const p = loadPreload()
    expect(p.required).toEqual(['electron'])
    expect([...p.exposed.keys()]).toEqual(['pveTray'])
    expect(p.newGlobals).toEqual([])
    const api = p.exposed.get('pveTray') as PveTrayApi
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
  })

  it('forwards contract channels to ipcRenderer.invoke and refuses any other channel without calling it', async () => {
    const p = loadPreload()
    const api = p.exposed.get('pveTray') as PveTrayApi
    for (const channel of invokeChannelNames) await api.invoke(channel, { x: 1 } as never)
    expect(p.invoked.map((i) => i.channel)).toEqual([...invokeChannelNames])
    expect(p.invoked[0]?.args).toEqual([{ x: 1 }])
    const refused = await api.invoke('electron-store-get-data' as never, {} as never)
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(p.invoked).toHaveLength(invokeChannelNames.length)
  })

  it('delivers event payloads only (never the IpcRendererEvent) and unsubscribes', () => {
    const p = loadPreload()
    const api = p.exposed.get('pveTray') as PveTrayApi
    const got: unknown[][] = []
    const event = rendererEventChannelNames[0]
    expect(event).toBeDefined()
    if (!event) return
    const off = api.on(event, (...args: unknown[]) => void got.push(args))
    const [listener] = p.listeners.get(event) ?? []
    listener?.({ sender: 'ipcRenderer itself' } as unknown as IpcRendererEvent, { payload: 1 })
    expect(got).toEqual([[{ payload: 1 }]])
    off()
    expect(p.listeners.get(event)?.size).toBe(0)
    expect(() => api.on('not-an-event' as never, () => undefined)).toThrow(/Unknown event/)
  })
})
