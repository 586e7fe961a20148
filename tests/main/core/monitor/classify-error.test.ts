import { describe, expect, it } from 'vitest'

import { classifyError } from '../../../../src/main/core/monitor/classify-error'
import { AuthenticationError, NetworkError, PermissionDeniedError, TimeoutError, TlsFingerprintMismatchError } from '../../../../src/main/core/proxmox'

describe('classifyError with the real client errors', () => {
  it('maps kinds and keeps the missing privilege, in our own words', () => {
    const ctx = { host: '10.0.0.1', port: 8006, path: '/cluster/status' }
    expect(classifyError(new AuthenticationError('Authentication failed!', ctx)).kind).toBe('auth')
    expect(classifyError(new NetworkError('ECONNREFUSED', false, ctx)).kind).toBe('unreachable')
    expect(classifyError(new TimeoutError('connect', 1000, ctx)).kind).toBe('timeout')
    expect(classifyError(new TlsFingerprintMismatchError('AA', 'BB', ctx)).kind).toBe('tls')
    const perm = classifyError(new PermissionDeniedError('Permission check failed (/, Sys.Audit)', ctx))
    expect(perm).toMatchObject({ kind: 'permission', privilege: { path: '/', privilege: 'Sys.Audit' }, message: 'token lacks Sys.Audit on /' })
    // Nothing of the original text (hosts, paths) is copied into the message.
    expect(classifyError(new NetworkError('ECONNREFUSED', false, ctx)).message).not.toContain('10.0.0.1')
  })

  it('treats an aborted request as aborted, not as a failure', () => {
    expect(classifyError(new DOMException('stop', 'AbortError')).kind).toBe('aborted')
  })
})
