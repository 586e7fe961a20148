// Electron adapters for the core's storage ports: electron-store files for the settings document
// and the vault's ciphertext records, and `safeStorage` as the vault's cipher backend.
import { copyFileSync, existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'

import { safeStorage } from 'electron'
import Store from 'electron-store'

import { asidePath } from '../core/files/durable-file'
import type { SettingsStore } from '../core/settings/settings-store'
import type { CipherBackend, SecretRecordStore } from '../core/vault/encrypted-vault'

type Doc = Record<string, unknown>

/**
 * An electron-store file that never silently drops a corrupt document: `clearInvalidConfig: false`
 * makes opening throw, the caller (core settings) backs it up and starts from defaults.
 */
class StoreFile {
  private store: Store<Doc> | null = null
  readonly path: string

  constructor(
    private readonly dir: string,
    private readonly name: string
  ) {
    this.path = join(dir, `${name}.json`)
  }

  private open(): Store<Doc> {
    this.store ??= new Store<Doc>({ name: this.name, cwd: this.dir, clearInvalidConfig: false, accessPropertiesByDotNotation: false, configFileMode: 0o600 })
    return this.store
  }

  read(): Doc | undefined {
    if (!existsSync(this.path)) return undefined
    return { ...this.open().store }
  }

  write(doc: Doc): void {
    try {
      this.open().store = doc
    } catch {
      // Still unreadable (the core has taken its backup by now): move it aside, start a fresh file.
      this.setAside()
      this.open().store = doc
    }
  }

  /** Renames an unreadable file out of the way (never deletes it); the next write starts a fresh one. */
  setAside(): string | null {
    if (!existsSync(this.path)) return null
    const target = asidePath(this.path, 'unreadable')
    renameSync(this.path, target)
    this.store = null
    return target
  }
  backup(): string | null {
    if (!existsSync(this.path)) return null
    const target = asidePath(this.path, 'corrupt')
    copyFileSync(this.path, target)
    return target
  }
}

function asDoc(doc: unknown): Doc {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('settings: the document must be an object')
  return doc as Doc
}

export function createElectronSettingsStore(dir: string): SettingsStore {
  const file = new StoreFile(dir, 'settings')
  return { load: () => file.read(), save: (doc) => file.write(asDoc(doc)), backup: () => file.backup() }
}

export function createElectronSecretRecordStore(dir: string): SecretRecordStore {
  const file = new StoreFile(dir, 'secrets')
  return {
    read(): Record<string, string> {
      const out: Record<string, string> = {}
      for (const [k, v] of Object.entries(file.read() ?? {})) if (typeof v === 'string') out[k] = v
      return out
    },
    write: (rec) => file.write(rec),
    setAside: () => file.setAside()
  }
}

export function safeStorageBackend(platform: NodeJS.Platform = process.platform): CipherBackend {
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    backendName(): string {
      if (platform === 'linux') return safeStorage.getSelectedStorageBackend()
      if (platform === 'darwin') return 'keychain'
      if (platform === 'win32') return 'dpapi'
      return 'unknown'
    }
  }
}
