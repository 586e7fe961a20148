// The SSH pool's own errors (built by its own constructors, not imitations) → the IpcErrors the node screen acts on.
import { describe, expect, it } from 'vitest'

import { AppError } from '../../../../src/main/core/errors/app-error'
import { toIpcError } from '../../../../src/main/core/ipc/map-error'
import { hostKeyChangedError, hostKeyUnknownError } from '../../../../src/main/core/ssh/host-key'
import { classifyConnectError, connectionLost, SshError } from '../../../../src/main/core/ssh/ssh-errors'

const FP_A = `SHA256:${'a'.repeat(43)}`
const FP_B = `SHA256:${'b'.repeat(43)}`

describe('SSH errors through toIpcError', () => {
  it('gives an unknown host key as ssh-unknown-host with the fingerprint to confirm', () => {
    const e = toIpcError(hostKeyUnknownError('10.0.0.5:22', { fingerprint: FP_A, keyType: 'ssh-ed25519' }, false), [])
    expect(e).toMatchObject({ code: 'ssh-unknown-host', fields: { host: '10.0.0.5:22', fingerprint: FP_A, keyType: 'ssh-ed25519' } })
    expect(e.message).toContain(FP_A)
  })

  it('gives a changed host key both fingerprints and no one-click fingerprint field', () => {
    const e = toIpcError(hostKeyChangedError('10.0.0.5:22', { fingerprint: FP_A, keyType: 'ssh-ed25519' }, { fingerprint: FP_B, keyType: 'ssh-ed25519' }), [])
    expect(e.code).toBe('ssh-host-key-changed')
    expect(e.fields).toEqual({ host: '10.0.0.5:22', pinnedFingerprint: FP_A, presentedFingerprint: FP_B, keyType: 'ssh-ed25519' })
  })

  it('maps every login failure to ssh-auth and connect failures to unreachable, with the pool message', () => {
    for (const kind of ['key-rejected', 'passphrase-wrong', 'passphrase-missing', 'key-unreadable', 'agent-unavailable'] as const) {
      expect(toIpcError(new SshError(kind, `login failed: ${kind}`), [])).toMatchObject({
        code: 'ssh-auth',
        message: `login failed: ${kind}`,
        fields: { reason: kind }
      })
    }
    expect(toIpcError(classifyConnectError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 'h:22'), []).code).toBe('unreachable')
    expect(toIpcError(classifyConnectError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }), 'h:22'), []).code).toBe('unreachable')
    expect(toIpcError(connectionLost('h:22', new Error('reset')), []).code).toBe('unreachable')
    expect(toIpcError(new SshError('no-address', 'No address is known for node pve-a.'), []).code).toBe('ssh-not-configured')
    expect(toIpcError(new SshError('command-timeout', 'took too long'), []).code).toBe('timeout')
  })

  it('redacts secrets from SSH messages and leaves other errors alone', () => {
    const e = toIpcError(new SshError('passphrase-wrong', 'the passphrase hunter2-secret is wrong'), ['hunter2-secret'])
    expect(e.message).not.toContain('hunter2-secret')
    // Same `kind` name as a client error, but not an SshError: mapped as before.
    expect(toIpcError(Object.assign(new Error('boom'), { kind: 'aborted' }), []).code).toBe('aborted')
    expect(toIpcError(new AppError('refused', 'no'), []).code).toBe('refused')
  })
})
