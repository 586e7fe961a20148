import type { ChildProcess } from 'node:child_process'
import { execFile, spawn } from 'node:child_process'
import { copyFile, writeFile } from 'node:fs/promises'
import type { Server, Socket } from 'node:net'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SshError } from '../../../../src/main/core/ssh/ssh-errors'
import type { SshdServer } from '../../../helpers/sshd-server'
import { startSshd } from '../../../helpers/sshd-server'
import { makePool, waitFor } from './pool-fixture'

const run = promisify(execFile)
let sshd: SshdServer

beforeAll(async () => {
  sshd = await startSshd()
})

afterAll(async () => {
  await sshd?.stop()
})

async function failure(promise: Promise<unknown>): Promise<SshError> {
  return (await promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: unknown) => e
  )) as SshError
}

describe('authentication against a real sshd', () => {
  it('logs in with ed25519, rsa and a passphrase-protected ecdsa key', async () => {
    const asked: string[] = []
    const pools = [
      makePool(sshd),
      makePool(sshd, { auth: { kind: 'key', privateKeyPath: sshd.rsaKeyPath } }),
      makePool(sshd, {
        auth: {
          kind: 'key',
          privateKeyPath: sshd.encryptedKeyPath,
          getPassphrase: async (path) => {
            asked.push(path)
            return sshd.passphrase
          }
        }
      })
    ]
    try {
      for (const pool of pools) expect((await pool.exec(sshd.host, ['id', '-un'])).stdout).toBe(`${sshd.user}\n`)
      expect(asked).toEqual([sshd.encryptedKeyPath])
    } finally {
      await Promise.all(pools.map((p) => p.closeAll()))
    }
  })

  it('says the key was rejected when the server does not know it', async () => {
    const pool = makePool(sshd, { auth: { kind: 'key', privateKeyPath: sshd.strangerKeyPath } })
    const err = await failure(pool.exec(sshd.host, ['true']))
    expect(err.kind).toBe('key-rejected')
    expect(err.message).toMatch(/authorized_keys/)
    await pool.closeAll()
  })

  it('says the passphrase is wrong, or missing, and never shows it', async () => {
    const secret = 'hunter2-not-it'
    const wrong = makePool(sshd, { auth: { kind: 'key', privateKeyPath: sshd.encryptedKeyPath, getPassphrase: async () => secret } })
    const err = await failure(wrong.exec(sshd.host, ['true']))
    expect(err.kind).toBe('passphrase-wrong')
    expect(`${err.message} ${String(err)} ${JSON.stringify(err)}`).not.toContain(secret)
    const missing = makePool(sshd, { auth: { kind: 'key', privateKeyPath: sshd.encryptedKeyPath, getPassphrase: async () => undefined } })
    expect((await failure(missing.exec(sshd.host, ['true']))).kind).toBe('passphrase-missing')
    const noGetter = makePool(sshd, { auth: { kind: 'key', privateKeyPath: sshd.encryptedKeyPath } })
    expect((await failure(noGetter.exec(sshd.host, ['true']))).kind).toBe('passphrase-missing')
  })

  it('says the key file is unreadable, or not a key', async () => {
    const pool = makePool(sshd, { auth: { kind: 'key', privateKeyPath: join(sshd.dir, 'nope') } })
    const err = await failure(pool.exec(sshd.host, ['true']))
    expect(err.kind).toBe('key-unreadable')
    expect(err.message).toContain('ENOENT')
    const notKey = makePool(sshd, { auth: { kind: 'key', privateKeyPath: join(sshd.dir, 'sshd_config') } })
    expect((await failure(notKey.exec(sshd.host, ['true']))).kind).toBe('key-unreadable')
  })

  it('reads a key path only if it is a regular file under 1 MiB (no FIFO, device, directory or huge file)', async () => {
    const fifo = join(sshd.dir, 'key.fifo')
    await run('mkfifo', [fifo])
    const big = join(sshd.dir, 'big.key')
    await writeFile(big, Buffer.alloc(1024 * 1024 + 1, 0x41))
    for (const path of [fifo, '/dev/zero', sshd.dir, big]) {
      const pool = makePool(sshd, { auth: { kind: 'key', privateKeyPath: path } })
      const t0 = Date.now()
      const err = await failure(pool.exec(sshd.host, ['true']))
      expect(err.kind, path).toBe('key-unreadable')
      expect(err.message, path).toMatch(/not a private key file|cannot be read/)
      expect(Date.now() - t0, path).toBeLessThan(5000)
      await pool.closeAll()
    }
  })

  describe('ssh-agent', () => {
    let agent: ChildProcess | undefined
    const socketPath = (): string => join(sshd.dir, 'agent.sock')

    afterAll(async () => {
      if (agent && agent.exitCode === null) {
        const exited = new Promise((r) => agent?.once('exit', r))
        agent.kill()
        await exited
      }
    })

    it('logs in with a key held by ssh-agent (SSH_AUTH_SOCK)', async () => {
      agent = spawn('ssh-agent', ['-D', '-a', socketPath()], { stdio: 'ignore' })
      await waitFor(
        async () => {
          try {
            await run('ssh-add', ['-l'], { env: { SSH_AUTH_SOCK: socketPath() } })
            return true
          } catch (e) {
            return (e as { code?: number }).code === 1 // "no identities": the agent is up
          }
        },
        5_000,
        'ssh-agent'
      )
      const key = join(sshd.dir, 'agent_key')
      await copyFile(sshd.keyPath, key)
      await run('ssh-add', [key], { env: { SSH_AUTH_SOCK: socketPath() } })
      const pool = makePool(sshd, { auth: { kind: 'agent' }, env: { SSH_AUTH_SOCK: socketPath() } })
      try {
        expect((await pool.exec(sshd.host, ['echo', 'agent'])).stdout).toBe('agent\n')
      } finally {
        await pool.closeAll()
      }
    })

    it('says the agent is unavailable when SSH_AUTH_SOCK is unset or dead', async () => {
      const unset = makePool(sshd, { auth: { kind: 'agent' }, env: {} })
      const err = await failure(unset.exec(sshd.host, ['true']))
      expect(err.kind).toBe('agent-unavailable')
      expect(err.message).toMatch(/ssh-add/)
      const dead = makePool(sshd, { auth: { kind: 'agent', socketPath: join(sshd.dir, 'no-agent.sock') } })
      expect((await failure(dead.exec(sshd.host, ['true']))).kind).toBe('agent-unavailable')
    })
  })
})

describe('connection failures', () => {
  let silent: Server
  const held: Socket[] = []

  beforeAll(async () => {
    // Accepts TCP but never speaks SSH: the handshake cannot finish.
    silent = createServer((s) => held.push(s))
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
  })

  afterAll(async () => {
    for (const s of held) s.destroy()
    await new Promise((r) => silent.close(r))
  })

  it('times out connecting within the connect timeout', async () => {
    const address = silent.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const pool = makePool(sshd, { defaultPort: port, connectTimeoutMs: 300 })
    const started = Date.now()
    const err = await failure(pool.exec(sshd.host, ['true']))
    expect(err.kind).toBe('connect-timeout')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(pool.state()[0]?.status).toBe('failed')
    await pool.closeAll()
  })

  it('reports a refused connection', async () => {
    const port = sshd.port
    const pool = makePool(sshd, { defaultPort: port === 1 ? 2 : 1 })
    const err = await failure(pool.exec(sshd.host, ['true']))
    expect(err.kind).toBe('connection-refused')
    expect(err.message).toMatch(/sshd/)
  })
})
