// Channel names only, without schemas: the sandboxed preload imports this file (not zod) to
// whitelist what the renderer may call. contract.ts must define exactly these channels (checked by
// `satisfies` there).
export const invokeChannelNames = [
  'app:get-state',
  'app:open-web-ui',
  'clusters:refresh',
  'guests:action',
  'guests:set-alerts',
  'mute:set',
  'nodes:rrd',
  'nodes:health',
  'tasks:list',
  'notifications:pause',
  'settings:get',
  'settings:update',
  'settings:save-cluster',
  'settings:remove-cluster',
  'onboarding:probe-certificate',
  'onboarding:test-connection',
  'ssh:trust-host-key',
  'ssh:state',
  'ssh:forget-host-key'
] as const

export const eventChannelNames = ['state:changed', 'task:progress', 'ssh:state', 'ui:navigate'] as const

export type InvokeChannel = (typeof invokeChannelNames)[number]
export type EventChannel = (typeof eventChannelNames)[number]
