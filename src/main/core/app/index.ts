export type { AppCore, AppCoreDeps, AppCoreTimings, DemoCluster, PlatformPort, SenderInfo } from './app-core-types'
export type { SettingsStore } from '../settings/settings-store'
export type { SecretVault } from '../vault/secret-vault'
export { createAppCore } from './create-app-core'
