// A SecretVault in memory (plain text, tests only): what the settings service stores, where tests can see it.
import type { SecretVault } from '../../src/main/core/vault/secret-vault'

export function memoryVault(values = new Map<string, string>()): SecretVault & { readonly values: Map<string, string> } {
  return {
    values,
    set: (k, v) => void values.set(k, v),
    get: (k) => values.get(k) ?? null,
    has: (k) => values.has(k),
    delete: (k) => void values.delete(k),
    keys: () => [...values.keys()],
    status: () => ({ backend: 'test', secure: true, message: null }),
    problem: () => null
  }
}
