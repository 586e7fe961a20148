// The one way the dashboard reaches main: `window.pveTray` (preload in Electron, bridge shim in a
// browser), handed down through context so components never read globals themselves.
import type { ChannelInput, ChannelResult, InvokeChannel, IpcError, PveTrayApi } from '@shared/ipc/contract'
import { createContext, useContext } from 'react'

export const ApiContext = createContext<PveTrayApi | null>(null)

export function findPveTrayApi(): PveTrayApi | null {
  const api = (window as unknown as { pveTray?: PveTrayApi }).pveTray
  return api ?? null
}

export function useApi(): PveTrayApi {
  const api = useContext(ApiContext)
  if (api === null) throw new Error('useApi outside <ApiContext.Provider>')
  return api
}

/** Result of a call: the value, or the IpcError main returned (a rejected invoke becomes one too). */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export async function call<C extends InvokeChannel>(api: PveTrayApi, channel: C, input: ChannelInput<C>): Promise<CallResult<ChannelResult<C>>> {
  try {
    const res = await api.invoke(channel, input)
    return res.ok ? { ok: true, value: res.value } : { ok: false, error: res.error }
  } catch (e) {
    const message = e instanceof Error ? e.message : 'The app did not answer.'
    return { ok: false, error: { code: 'internal', message } }
  }
}
