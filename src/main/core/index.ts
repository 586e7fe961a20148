// The core's public entry: what the Electron glue, the browser bridge, the bench and the tests start.
export type { AppCore, AppCoreDeps, AppCoreTimings, DemoCluster, PlatformPort } from './app/app-core-types'
export { startDefaultDemo } from './app/default-demo'
export { createAppCore } from './create-app-core'
export type { SecretVault } from './vault/secret-vault'
