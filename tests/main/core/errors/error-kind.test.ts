import { describe, expect, it } from 'vitest'

import { errorCodeOf } from '../../../../src/main/core/ipc/map-error'
import { classifyError } from '../../../../src/main/core/monitor/classify-error'
import { NetworkError, NodeUnreachableError, TimeoutError } from '../../../../src/main/core/proxmox'

const withCode = (code: string): Error => Object.assign(new Error('x'), { code })
const causedBy = (code: string): Error => new Error('fetch failed', { cause: withCode(code) })

describe('one classifier for the monitor and the IPC layer', () => {
  const ctx = { host: '10.0.0.1', port: 8006, path: '/cluster/status' }
  const unreachable = [
    new NetworkError('ECONNREFUSED', false, ctx),
    new NodeUnreachableError('pve-b', 'No route to host', { ...ctx, status: 595 }),
    ...[
      'ECONNREFUSED',
      'ECONNRESET',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EPIPE',
      'ENETDOWN',
      'EHOSTDOWN',
      'UND_ERR_SOCKET',
      'UND_ERR_CLOSED'
    ].map(withCode),
    causedBy('UND_ERR_SOCKET')
  ]
  const timedOut = [
    new TimeoutError('connect', 1000, ctx),
    ...['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'].map(withCode),
    causedBy('ETIMEDOUT')
  ]

  it('agree on what means "unreachable" and "timeout"', () => {
    for (const e of unreachable) expect([classifyError(e).kind, errorCodeOf(e)]).toEqual(['unreachable', 'unreachable'])
    for (const e of timedOut) expect([classifyError(e).kind, errorCodeOf(e)]).toEqual(['timeout', 'timeout'])
  })

  it('agree that a cancelled request is cancelled and that an error of ours is not the network', () => {
    const abort = new DOMException('stop', 'AbortError')
    expect([classifyError(abort).kind, errorCodeOf(abort)]).toEqual(['aborted', 'aborted'])
    const bug = new TypeError('x is undefined')
    expect([classifyError(bug).kind, errorCodeOf(bug)]).toEqual(['unknown', 'internal'])
  })
})
