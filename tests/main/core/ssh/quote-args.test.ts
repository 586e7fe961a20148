import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { quoteArg, quoteArgv } from '../../../../src/main/core/ssh/quote-args'
import { SshError } from '../../../../src/main/core/ssh/ssh-errors'
import type { SshPool } from '../../../../src/main/core/ssh/ssh-pool'
import type { SshdServer } from '../../../helpers/sshd-server'
import { startSshd } from '../../../helpers/sshd-server'
import { makePool } from './pool-fixture'

const HOSTILE = [
  '',
  ' ',
  'plain',
  "it's",
  "'",
  "''",
  '"',
  '\\',
  "\\'",
  "'\\''",
  '$(touch /tmp/pve-tray-pwned)',
  '`id`',
  '${HOME}',
  '$HOME',
  'a;b',
  'a|b',
  'a&&b',
  'a&b',
  'x > /tmp/pve-tray-pwned',
  '< /etc/passwd',
  'line1\nline2',
  '\n',
  '\r\n',
  '\t tab',
  '*',
  '?',
  '[a-z]',
  '~',
  '~root',
  '{a,b}',
  '!',
  '!!',
  '#comment',
  '-n',
  '-e',
  '--',
  '--help',
  '-',
  'VAR=value',
  'VM «prod» 🚀 ünïcödé',
  '日本語',
  '\u00a0nbsp',
  '\u202eRTL',
  '%s%n',
  'a\u0007bell',
  '\x1b[31mred'
]

let sshd: SshdServer
let pool: SshPool

beforeAll(async () => {
  sshd = await startSshd()
  pool = makePool(sshd)
})

afterAll(async () => {
  await pool?.closeAll()
  await sshd?.stop()
})

/** printf '%s\0' prints each argument it received followed by NUL: the remote argv, byte for byte. */
function remoteArgv(stdout: string): string[] {
  return stdout.split('\0').slice(0, -1)
}

describe('quoteArg', () => {
  it('leaves harmless words bare and quotes everything else', () => {
    expect(quoteArg('zpool')).toBe('zpool')
    expect(quoteArg('-o')).toBe('-o')
    expect(quoteArg('')).toBe("''")
    expect(quoteArg("it's")).toBe("'it'\\''s'")
    expect(quoteArg('VAR=x')).toBe("'VAR=x'")
    expect(quoteArgv(['ls', 'a b'])).toBe("ls 'a b'")
  })

  it('rejects NUL, lone surrogates, non-strings and an empty argv', () => {
    for (const bad of ['a\0b', '\0', 'x\uD800y']) {
      expect(() => quoteArg(bad)).toThrowError(SshError)
    }
    expect(() => quoteArg(42 as unknown as string)).toThrowError(SshError)
    expect(() => quoteArgv([])).toThrowError(SshError)
  })
})

describe('hostile arguments through the real sshd and shell', () => {
  it('arrive unchanged through the login shell', async () => {
    const result = await pool.exec(sshd.host, ['printf', '%s\\0', ...HOSTILE])
    expect(result.code).toBe(0)
    expect(remoteArgv(result.stdout)).toEqual(HOSTILE)
  })

  it('arrive unchanged through a second, nested /bin/sh -c', async () => {
    const inner = quoteArgv(['printf', '%s\\0', ...HOSTILE])
    const result = await pool.exec(sshd.host, ['/bin/sh', '-c', inner])
    expect(result.code).toBe(0)
    expect(remoteArgv(result.stdout)).toEqual(HOSTILE)
  })

  it('cannot run injected commands', async () => {
    await pool.exec(sshd.host, ['echo', '$(touch /tmp/pve-tray-pwned)', '`touch /tmp/pve-tray-pwned`', ';touch /tmp/pve-tray-pwned'])
    const check = await pool.exec(sshd.host, ['test', '-e', '/tmp/pve-tray-pwned'])
    expect(check.code).toBe(1)
  })

  it('refuses a NUL before anything is sent', async () => {
    const before = pool.state()[0]?.activeChannels ?? 0
    const err = await pool.exec(sshd.host, ['echo', 'a\0b']).catch((e: unknown) => e)
    expect((err as SshError).kind).toBe('invalid-argument')
    expect(pool.state()[0]?.activeChannels ?? 0).toBe(before)
  })
})
