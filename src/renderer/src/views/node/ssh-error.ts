// Turns an SSH-related IpcError into what the node screen can act on.
import type { IpcError } from '@shared/ipc/contract'

export type SshProblem =
  | { readonly kind: 'host-key'; readonly fingerprint: string; readonly message: string }
  | { readonly kind: 'auth'; readonly message: string }
  | { readonly kind: 'other'; readonly message: string }

const FINGERPRINT = /SHA256:[A-Za-z0-9+/]{43}/

export function classifySshError(e: IpcError): SshProblem {
  const fp = e.fields?.fingerprint ?? e.message.match(FINGERPRINT)?.[0] ?? null
  if (fp !== null && FINGERPRINT.test(fp) && /host|fingerprint|key/i.test(`${e.code} ${e.message}`)) {
    return { kind: 'host-key', fingerprint: fp, message: e.message }
  }
  if (e.code === 'auth' || /ssh-auth|auth/i.test(e.code) || /authenticat|permission denied|passphrase/i.test(e.message)) {
    return { kind: 'auth', message: e.message }
  }
  return { kind: 'other', message: e.message }
}
