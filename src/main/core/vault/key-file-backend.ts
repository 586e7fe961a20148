// Node-only cipher backend for tests and the browser bridge: AES-256-GCM with a random key kept in a
// file (mode 0600). Named for what it is — the key sits next to the ciphertext, so status() reports
// it as not secure. The Electron app uses safeStorage instead.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import { asidePath, writeFileAtomic } from '../files/durable-file'
import type { CipherBackend, SecretRecordStore } from './encrypted-vault'

const IV_BYTES = 12
const TAG_BYTES = 16

function loadOrCreateKey(keyPath: string): Buffer {
  if (existsSync(keyPath)) {
    const key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64')
    if (key.length === 32) return key
    throw new Error('vault key file is damaged')
  }
  mkdirSync(dirname(keyPath), { recursive: true })
  const key = randomBytes(32)
  writeFileSync(keyPath, key.toString('base64'), { mode: 0o600, flag: 'wx' })
  return key
}

export function createKeyFileCipherBackend(keyPath: string): CipherBackend {
  let key: Buffer | null = null
  const getKey = (): Buffer => (key ??= loadOrCreateKey(keyPath))
  return {
    encrypt(plain): Buffer {
      const iv = randomBytes(IV_BYTES)
      const c = createCipheriv('aes-256-gcm', getKey(), iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decrypt(cipher): string {
      if (cipher.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short')
      const d = createDecipheriv('aes-256-gcm', getKey(), cipher.subarray(0, IV_BYTES))
      d.setAuthTag(cipher.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([d.update(cipher.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8')
    },
    isAvailable: () => true,
    backendName: () => 'aes-256-gcm-keyfile'
  }
}

/** Secret records as a JSON file of base64 strings. */
export function createJsonFileRecordStore(path: string): SecretRecordStore {
  return {
    read(): Record<string, string> {
      if (!existsSync(path)) return {}
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('the secrets file is not a JSON object')
      const out = Object.create(null) as Record<string, string>
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v
      return out
    },
    write(rec): void {
      writeFileAtomic(path, JSON.stringify(rec))
    },
    setAside(): string | null {
      if (!existsSync(path)) return null
      const target = asidePath(path, 'unreadable')
      renameSync(path, target)
      return target
    }
  }
}
