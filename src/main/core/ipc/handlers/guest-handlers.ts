import type { HandlerContext, HandlerGroup } from '../handler-types'
import { guestBulkAction, guestBulkCancel } from './bulk-action'
import { guestAction } from './guest-action'
import { guestAddresses } from './guest-addresses'
import { runtimeCluster } from './lookup'

export const guestHandlers: HandlerGroup<
  'guests:action' | 'guests:bulk-action' | 'guests:bulk-cancel' | 'guests:addresses' | 'guests:show-figures' | 'guests:set-alerts' | 'mute:set',
  Pick<HandlerContext, 'clusters' | 'prefs' | 'showGuestFigures' | 'newId' | 'now' | 'emit' | 'track' | 'timings' | 'stopping'>
> = {
  'guests:action': guestAction,
  'guests:bulk-action': guestBulkAction,
  'guests:bulk-cancel': guestBulkCancel,
  'guests:addresses': guestAddresses,

  // A cluster removed since the renderer looked is simply not asked for.
  'guests:show-figures': async (input, ctx) => {
    ctx.showGuestFigures(input)
    return null
  },

  'guests:set-alerts': async (input, ctx) => {
    runtimeCluster(ctx, input.clusterId)
    ctx.prefs.setGuestAlert(input.clusterId, input.vmid, input.enabled)
    return null
  },

  'mute:set': async (input, ctx) => {
    runtimeCluster(ctx, input.target.clusterId)
    const t = input.target
    ctx.prefs.setMute(
      { clusterId: t.clusterId, ...(t.node === undefined ? {} : { node: t.node }), ...(t.vmid === undefined ? {} : { vmid: t.vmid }) },
      input.mode,
      ctx.now()
    )
    return null
  }
}
