// What every handler gets: the app core's services (app/app-context), no transport. `IpcHandlers` maps
// EVERY channel of the contract to a handler, so adding a channel without its handler fails to compile.
import type { ChannelParsedInput, ChannelResult, InvokeChannel } from '../../../shared/ipc/contract'
import type { AppContext } from '../app/app-context'

export type HandlerContext = AppContext

export type IpcHandler<C extends InvokeChannel> = (input: ChannelParsedInput<C>, ctx: HandlerContext) => Promise<ChannelResult<C>>
export type IpcHandlers = { readonly [C in InvokeChannel]: IpcHandler<C> }
export type HandlerGroup<K extends InvokeChannel> = { readonly [C in K]: IpcHandler<C> }
