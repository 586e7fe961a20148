// Channel names only, without schemas: the sandboxed preload imports this file (not zod) to
// whitelist what the renderer may call. contract.ts must define exactly these channels (checked by
// `satisfies` there).
export const invokeChannelNames = [
  'app:get-state',
  'app:open-web-ui',
  'clusters:refresh',
  'guests:action',
  'guests:bulk-action',
  'guests:bulk-cancel',
  'guests:set-alerts',
  'guests:addresses',
  'guests:show-figures',
  'mute:set',
  'nodes:rrd',
  'nodes:health',
  'nodes:diagnose',
  'nodes:restart-pveproxy',
  'tasks:list',
  'notifications:pause',
  'settings:get',
  'settings:update',
  'settings:save-cluster',
  'settings:remove-cluster',
  'settings:trust-certificate',
  'onboarding:probe-certificate',
  'onboarding:test-connection',
  'ssh:trust-host-key',
  'ssh:state',
  'ssh:forget-host-key',
  'ssh:test',
  'ssh:known-hosts',
  'ssh:import-known-host',
  'backups:info',
  'tasks:cluster',
  'tasks:log',
  'upkeep:get',
  'upkeep:check'
] as const

/** Every event the core raises (AppCore.on). */
export const eventChannelNames = ['state:changed', 'state:delta', 'task:progress', 'ssh:state', 'ui:navigate'] as const

/**
 * The events pushed to a renderer (preload, browser bridge). Not `state:changed`: the whole AppState is
 * ~2 MiB at 5,000 guests, so renderers get `state:delta` and fetch the whole state with `app:get-state`.
 */
export const rendererEventChannelNames = [
  'state:delta',
  'task:progress',
  'ssh:state',
  'ui:navigate'
] as const satisfies readonly (typeof eventChannelNames)[number][]

export type InvokeChannel = (typeof invokeChannelNames)[number]
export type EventChannel = (typeof eventChannelNames)[number]
export type RendererEventChannel = (typeof rendererEventChannelNames)[number]
