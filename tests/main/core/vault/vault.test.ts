import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { type CipherBackend, createEncryptedVault, type SecretRecordStore } from '../../../../src/main/core/vault/encrypted-vault'
import { createJsonFileRecordStore, createKeyFileCipherBackend } from '../../../../src/main/core/vault/key-file-backend'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pvetray-vault-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const SECRET = '5f0c1a2b-aaaa-bbbb-cccc-0123456789ab'

describe('encrypted vault with the key-file backend', () => {
  it('stores only ciphertext and reads the secret back, across instances', () => {
    const v = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key')), createJsonFileRecordStore(join(dir, 'secrets.json')))
    v.set('cluster:a:token-secret', SECRET)
    expect(readFileSync(join(dir, 'secrets.json')).includes(Buffer.from(SECRET))).toBe(false)
    const again = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key')), createJsonFileRecordStore(join(dir, 'secrets.json')))
    expect(again.get('cluster:a:token-secret')).toBe(SECRET)
    expect(again.has('cluster:a:token-secret')).toBe(true)
    again.delete('cluster:a:token-secret')
    expect(again.has('cluster:a:token-secret')).toBe(false)
    expect(again.get('cluster:a:token-secret')).toBeNull()
  })

  it('says plainly that a key file is not secure', () => {
    const s = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key')), createJsonFileRecordStore(join(dir, 's.json'))).status()
    expect(s).toMatchObject({ backend: 'aes-256-gcm-keyfile', secure: false })
    expect(s.message).toMatch(/key file/)
  })

  it('treats ciphertext from another key as missing, not as a crash', () => {
    const store = createJsonFileRecordStore(join(dir, 's.json'))
    createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key1')), store).set('k', SECRET)
    const other = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key2')), store)
    // has() means "can be decrypted": the UI then asks for the secret again.
    expect(other.has('k')).toBe(false)
    expect(other.get('k')).toBeNull()
  })

  it('keeps __proto__ as a plain key and survives a damaged record file', () => {
    const v = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key')), createJsonFileRecordStore(join(dir, 's.json')))
    v.set('__proto__', 'x')
    expect(v.get('__proto__')).toBe('x')
    expect(v.has('constructor')).toBe(false)
    writeFileSync(join(dir, 's.json'), '{broken')
    expect(v.get('__proto__')).toBeNull()
  })

  it('a file that cannot be read NOW (busy, no permission) is neither set aside nor written over', () => {
    let writes = 0
    let asides = 0
    const store: SecretRecordStore = {
      read: () => {
        throw Object.assign(new Error('resource busy'), { code: 'EBUSY' })
      },
      write: () => void writes++,
      setAside: () => (asides++, null)
    }
    const v = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key')), store)
    expect(v.get('k')).toBeNull()
    expect(() => v.set('k', SECRET)).toThrow(/cannot be read now.*nothing was changed/)
    expect(() => v.delete('k')).toThrow(/cannot be read now/)
    expect({ writes, asides }).toEqual({ writes: 0, asides: 0 })
    expect(v.problem()).toBeNull()
  })

  it('keeps an unreadable secrets file aside and says so: saving another secret never destroys it', () => {
    const path = join(dir, 'secrets.json')
    writeFileSync(path, '{"cluster:a:token-secret": "AAAA", truncated')
    const v = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key')), createJsonFileRecordStore(path))
    v.set('cluster:b:token-secret', SECRET)
    const aside = readdirSync(dir).filter((f) => f.startsWith('secrets.json.unreadable-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"cluster:a:token-secret": "AAAA", truncated')
    expect(v.problem()).toEqual({ message: expect.stringMatching(/could not be read.*entered again/), backupPath: join(dir, aside[0] ?? '') })
    expect(v.get('cluster:b:token-secret')).toBe(SECRET)
    // A readable file that is not an object of records is unreadable too, not an empty vault.
    writeFileSync(path, '[1,2]')
    const w = createEncryptedVault(createKeyFileCipherBackend(join(dir, 'key')), createJsonFileRecordStore(path))
    expect(w.get('x')).toBeNull()
    expect(w.problem()?.backupPath).toMatch(/secrets\.json\.unreadable-/)
  })
})

describe('keyring status', () => {
  const fake = (name: string, available = true): CipherBackend => ({
    encrypt: (s) => Buffer.from(s, 'utf8').reverse(),
    decrypt: (b) => Buffer.from(b).reverse().toString('utf8'),
    isAvailable: () => available,
    backendName: () => name
  })
  const mem = (): SecretRecordStore => {
    let rec: Record<string, string> = {}
    return { read: () => ({ ...rec }), write: (r) => void (rec = { ...r }), setAside: () => null }
  }

  it('reports basic_text (Linux without a keyring) as not secure, in plain words', () => {
    const s = createEncryptedVault(fake('basic_text'), mem()).status()
    expect(s.secure).toBe(false)
    expect(s.message).toMatch(/No system keyring/)
  })

  it('reports a real keyring as secure', () => {
    expect(createEncryptedVault(fake('gnome_libsecret'), mem()).status()).toEqual({ backend: 'gnome_libsecret', secure: true, message: null })
  })

  it('refuses to store when no backend is available', () => {
    const v = createEncryptedVault(fake('unknown', false), mem())
    expect(() => v.set('k', SECRET)).toThrow()
    expect(v.status().secure).toBe(false)
  })
})
