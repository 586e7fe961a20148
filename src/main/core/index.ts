// The core's public entry: what the Electron glue, the browser bridge, the bench and the tests start.
export type { AppCore, AppCoreDeps, AppCoreTimings, DemoCluster, PlatformPort, SenderInfo } from './app/app-core-types'
export type { SettingsStore } from './settings/settings-store'
export type { SecretVault } from './vault/secret-vault'
export { createAppCore } from './create-app-core'
export { startDefaultDemo, realisticDemoTimings } from './app/default-demo'
export { createJsonFileSettingsStore } from './settings/json-file-settings-store'
export { createEncryptedVault, keyringStatus, type CipherBackend, type SecretRecordStore } from './vault/encrypted-vault'
export { createKeyFileCipherBackend, createJsonFileRecordStore } from './vault/key-file-backend'
