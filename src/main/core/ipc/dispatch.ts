// dispatch: unknown channel refused → bounded-size check → zod parse (nothing runs on invalid input)
// → handler → typed result or a mapped IpcError. Never throws, whatever the payload.
import type { IpcResponse } from '../../../shared/ipc/contract'
import { type InvokeChannel, invokeChannelNames, invokeContract } from '../../../shared/ipc/contract'
import type { HandlerContext, IpcHandlers } from './handler-types'
import { exceedsBudget } from './input-guard'
import { toIpcError } from './map-error'

const CHANNELS = new Set<string>(invokeChannelNames)

function isChannel(c: unknown): c is InvokeChannel {
  return typeof c === 'string' && CHANNELS.has(c)
}

function issuesToFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields = Object.create(null) as Record<string, string>
  for (const i of issues.slice(0, 50)) {
    const key =
      i.path
        .map((p) => String(p))
        .join('.')
        .slice(0, 200) || '_'
    fields[key] ??= i.message.slice(0, 300)
  }
  return { ...fields }
}

export interface Dispatcher {
  dispatch(channel: unknown, rawInput: unknown): Promise<IpcResponse<unknown>>
}

export function createDispatcher(handlers: IpcHandlers, ctx: HandlerContext, secrets: () => Iterable<string>): Dispatcher {
  return {
    async dispatch(channel, rawInput): Promise<IpcResponse<unknown>> {
      try {
        if (!isChannel(channel)) return { ok: false, error: { code: 'unknown-channel', message: 'This request is not supported.' } }
        const tooBig = exceedsBudget(rawInput)
        if (tooBig !== null) return { ok: false, error: { code: 'invalid-input', message: `The request was refused: ${tooBig}.` } }
        const parsed = invokeContract[channel].input.safeParse(rawInput === undefined ? {} : rawInput)
        if (!parsed.success) {
          return {
            ok: false,
            error: { code: 'invalid-input', message: 'Some values are not valid; nothing was changed.', fields: issuesToFields(parsed.error.issues) }
          }
        }
        const handler = handlers[channel] as (input: unknown, c: HandlerContext) => Promise<unknown>
        const value = await handler(parsed.data, ctx)
        return { ok: true, value }
      } catch (e) {
        let list: string[]
        try {
          list = [...secrets()]
        } catch {
          list = []
        }
        const error = toIpcError(e, list)
        if (error.code === 'internal') ctx.log(`ipc: ${String(channel).slice(0, 40)} failed (${e instanceof Error ? e.name : typeof e})`)
        return { ok: false, error }
      }
    }
  }
}
