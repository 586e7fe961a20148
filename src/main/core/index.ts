// The core's public entry: what the Electron glue, the browser bridge, the bench and the tests start.
export type { AppCore, AppCoreDeps, AppCoreTimings, DemoCluster, PlatformPort, SenderInfo } from './app/app-core-types'
export { realisticDemoTimings,startDefaultDemo } from './app/default-demo'
export { createAppCore } from './create-app-core'
export { createJsonFileSettingsStore } from './settings/json-file-settings-store'
export type { SettingsStore } from './settings/settings-store'
export { type CipherBackend, createEncryptedVault, keyringStatus, type SecretRecordStore } from './vault/encrypted-vault'
export { createJsonFileRecordStore,createKeyFileCipherBackend } from './vault/key-file-backend'
export type { SecretVault } from './vault/secret-vault'
