// What handlers get: the app core's services (app/app-context), no transport. Each handler group names the
// slice of them it uses (`HandlerGroup<channels, Pick<HandlerContext, …>>`), so its signature says what it
// touches. `IpcHandlers` maps EVERY channel of the contract to a handler, so adding a channel without its
// handler fails to compile.
import type { ChannelParsedInput, ChannelResult, InvokeChannel } from '../../../shared/ipc/contract'
import type { AppContext } from '../app/app-context'

export type HandlerContext = AppContext

export type IpcHandler<C extends InvokeChannel, Ctx = HandlerContext> = (input: ChannelParsedInput<C>, ctx: Ctx) => Promise<ChannelResult<C>>
export type IpcHandlers = { readonly [C in InvokeChannel]: IpcHandler<C> }
export type HandlerGroup<K extends InvokeChannel, Ctx = HandlerContext> = { readonly [C in K]: IpcHandler<C, Ctx> }
