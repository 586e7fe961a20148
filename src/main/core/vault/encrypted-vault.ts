// A SecretVault over an encryption backend (Electron safeStorage in the app, a key file in tests and
// the bridge) and a record store (electron-store / a JSON file). Only base64 ciphertext is stored.
import type { KeyringStatus } from '../../../shared/views'
import type { SecretsProblem, SecretVault } from './secret-vault'

export interface CipherBackend {
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
  isAvailable(): boolean
  /** safeStorage.getSelectedStorageBackend() on Linux ('basic_text', 'gnome_libsecret', 'kwallet5', ...), else e.g. 'keychain'/'dpapi'. */
  backendName(): string
}

export interface SecretRecordStore {
  /** Throws when the stored file cannot be read as records. */
  read(): Record<string, string>
  write(rec: Record<string, string>): void
  /** Moves an unreadable file out of the way (renamed, never deleted); returns where it went. */
  setAside(): string | null
}

/** Backends that only obfuscate: the secret can be read by anyone who can read the file. */
const INSECURE_BACKENDS = new Set(['basic_text', 'aes-256-gcm-keyfile', 'unknown'])

export function keyringStatus(backend: CipherBackend): KeyringStatus {
  const name = backend.backendName()
  if (!backend.isAvailable()) {
    return {
      backend: name,
      secure: false,
      message: 'No secure storage is available on this system, so secrets cannot be saved. Unlock or install the system keyring and restart the app.'
    }
  }
  if (name === 'basic_text') {
    return {
      backend: name,
      secure: false,
      message:
        'No system keyring (GNOME Keyring or KWallet) was found, so token secrets are only obfuscated on disk: anyone who can read your files can read them. Install or unlock a keyring and restart the app to protect them.'
    }
  }
  if (name === 'aes-256-gcm-keyfile') {
    // The browser bridge and tests: the key lies beside the secrets, which protects them no better.
    return {
      backend: name,
      secure: false,
      message: 'They are encrypted with a key file kept next to them, so anyone who can read your files can read the token secrets.'
    }
  }
  if (INSECURE_BACKENDS.has(name))
    return { backend: name, secure: false, message: 'The app cannot tell how this system stores secrets, so they may not be protected.' }
  return { backend: name, secure: true, message: null }
}

function own(rec: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined
}

/** A secrets file whose bytes are not records (damaged): JSON.parse's SyntaxError, or a store's own. */
function isDamaged(e: unknown): boolean {
  return e instanceof SyntaxError || (typeof e === 'object' && e !== null && (e as { damaged?: unknown }).damaged === true)
}

export function createEncryptedVault(backend: CipherBackend, store: SecretRecordStore, log: (line: string) => void = () => undefined): SecretVault {
  let problem: SecretsProblem | null = null
  /** The records, or null when the file cannot be read now (I/O error, or damaged and not movable): nothing may be written then. */
  const load = (): Record<string, string> | null => {
    try {
      // A null-prototype copy: keys like "__proto__" stay data.
      return Object.assign(Object.create(null) as Record<string, string>, store.read())
    } catch (e) {
      if (!isDamaged(e)) {
        // Locked, no permission, busy: the file may be fine. Never set it aside or write over it for that.
        log(`vault: secrets file not readable now (${typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'error'})`)
        return null
      }
      // Damaged. Never write over it: saving one cluster's secret must not destroy the others'. Keep it aside, say so.
      let backupPath: string | null
      try {
        backupPath = store.setAside()
      } catch {
        log('vault: the unreadable secrets file could not be moved aside; nothing will be written')
        problem = {
          message: 'The file holding the token secrets is damaged and could not be moved aside: no secret can be saved until it is moved or repaired.',
          backupPath: null
        }
        return null
      }
      problem = {
        message: 'The file holding the token secrets could not be read (it may be damaged), so the clusters need their secrets entered again.',
        backupPath
      }
      log('vault: secrets file unreadable; kept aside')
      return Object.create(null) as Record<string, string>
    }
  }
  const read = (): Record<string, string> => load() ?? (Object.create(null) as Record<string, string>)
  const writable = (): Record<string, string> => {
    const rec = load()
    if (rec === null) throw new Error('the secrets file cannot be read now, so it is not written (nothing was changed)')
    return rec
  }
  return {
    set(key, value): void {
      if (!backend.isAvailable()) throw new Error('secret storage unavailable')
      const rec = writable()
      rec[key] = backend.encrypt(value).toString('base64')
      store.write({ ...rec })
    },
    get(key): string | null {
      const b64 = own(read(), key)
      if (b64 === undefined || !backend.isAvailable()) return null
      try {
        return backend.decrypt(Buffer.from(b64, 'base64'))
      } catch {
        // Encrypted under another keyring/key: treat as missing, the user enters it again.
        return null
      }
    },
    // "Has a secret" means one that can be decrypted: an undecryptable one must be entered again.
    has(key): boolean {
      return this.get(key) !== null
    },
    delete(key): void {
      const rec = writable()
      if (own(rec, key) === undefined) return
      delete rec[key]
      store.write({ ...rec })
    },
    keys: () => Object.keys(read()),
    status: () => keyringStatus(backend),
    problem(): SecretsProblem | null {
      read()
      return problem
    }
  }
}
