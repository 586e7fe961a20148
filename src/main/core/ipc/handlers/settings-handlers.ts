import type { HandlerGroup } from '../handler-types'

export const settingsHandlers: HandlerGroup<'settings:get' | 'settings:update' | 'settings:save-cluster' | 'settings:remove-cluster' | 'notifications:pause'> = {
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

  'notifications:pause': async (input, ctx) => {
    const pausedUntil = input.minutes === 0 ? null : ctx.now() + input.minutes * 60_000
    ctx.settings.pauseNotifications(pausedUntil)
    ctx.stateChanged()
    return { pausedUntil }
  }
}
