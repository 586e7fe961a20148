import { AppError } from '../../errors/app-error'
import type { HandlerContext, HandlerGroup } from '../handler-types'

export const settingsHandlers: HandlerGroup<
  'settings:get' | 'settings:update' | 'settings:save-cluster' | 'settings:remove-cluster' | 'settings:trust-certificate' | 'notifications:pause',
  Pick<HandlerContext, 'settings' | 'platform' | 'probeCertificate' | 'timings' | 'now' | 'stateChanged'>
> = {
  'settings:get': async (_input, ctx) => ctx.settings.view(),

  'settings:update': async (input, ctx) => {
    const before = ctx.settings.doc().startAtLogin
    ctx.settings.updateGeneral(input)
    if (input.startAtLogin !== undefined && input.startAtLogin !== before) await ctx.platform.setStartAtLogin(input.startAtLogin)
    return ctx.settings.view()
  },

  'settings:save-cluster': async (input, ctx) => {
    ctx.settings.saveCluster(input)
    return ctx.settings.view()
  },

  'settings:remove-cluster': async (input, ctx) => {
    ctx.settings.removeCluster(input.clusterId)
    return ctx.settings.view()
  },

  'settings:trust-certificate': async (input, ctx) => {
    // Only the certificate the endpoint presents right now, whatever the caller says it saw.
    const presented = await ctx.probeCertificate(input.host, input.port, ctx.timings.connectTimeoutMs).catch(() => null)
    if (presented === null)
      throw new AppError('unreachable', `${input.host}:${input.port} did not answer: its certificate cannot be checked now. Nothing was changed.`)
    if (presented.fingerprint256.toUpperCase() !== input.fingerprint256) {
      throw new AppError(
        'refused',
        `${input.host}:${input.port} now presents ${presented.fingerprint256}, not the certificate you compared. Nothing was changed; compare again.`
      )
    }
    ctx.settings.retrustEndpoint(input.clusterId, input.host, input.port, input.fingerprint256)
    return ctx.settings.view()
  },

  'notifications:pause': async (input, ctx) => {
    const pausedUntil = input.minutes === 0 ? null : ctx.now() + input.minutes * 60_000
    ctx.settings.pauseNotifications(pausedUntil)
    ctx.stateChanged()
    return { pausedUntil }
  }
}
