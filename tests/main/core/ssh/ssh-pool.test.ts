import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SshError } from '../../../../src/main/core/ssh/ssh-errors'
import type { HostState } from '../../../../src/main/core/ssh/ssh-pool'
import type { SshdServer } from '../../../helpers/sshd-server'
import { startSshd } from '../../../helpers/sshd-server'
import { establishedOnPort, makePool, pidsRunning, waitFor } from './pool-fixture'

let sshd: SshdServer

beforeAll(async () => {
  sshd = await startSshd({ maxSessions: 10 })
})

afterAll(async () => {
  await sshd?.stop()
})

describe('SshPool against a real sshd', () => {
  it('runs commands and reports stdout, stderr, exit code and duration', async () => {
    const pool = makePool(sshd)
    try {
      const ok = await pool.exec(sshd.host, ['echo', 'hello world'])
      expect(ok).toMatchObject({ stdout: 'hello world\n', stderr: '', code: 0, signal: null, truncated: false })
      expect(ok.durationMs).toBeGreaterThan(0)
      const failing = await pool.exec(sshd.host, ['sh', '-c', 'echo oops >&2; exit 3'])
      expect(failing).toMatchObject({ stdout: '', stderr: 'oops\n', code: 3 })
      const missing = await pool.exec(sshd.host, ['no-such-command-pve-tray'])
      expect(missing.code).toBe(127)
    } finally {
      await pool.closeAll()
    }
  })

  it('reuses one TCP connection for many execs, and concurrent first calls share one handshake', async () => {
    const pool = makePool(sshd)
    try {
      const before = sshd.connectionCount()
      const first = await Promise.all([1, 2, 3, 4, 5].map((i) => pool.exec(sshd.host, ['echo', String(i)])))
      expect(first.map((r) => r.stdout)).toEqual(['1\n', '2\n', '3\n', '4\n', '5\n'])
      for (let i = 0; i < 10; i++) await pool.exec(sshd.host, ['true'])
      expect(sshd.connectionCount() - before).toBe(1)
      expect(await establishedOnPort(sshd.port)).toBe(2) // our end + sshd's end of the same connection
    } finally {
      await pool.closeAll()
    }
  })

  it('finishes 100 parallel execs on one host (sshd MaxSessions 10), queueing FIFO', async () => {
    const pool = makePool(sshd)
    try {
      let maxActive = 0
      let maxQueued = 0
      pool.onChange((states) => {
        for (const s of states) {
          maxActive = Math.max(maxActive, s.activeChannels)
          maxQueued = Math.max(maxQueued, s.queued)
        }
      })
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => pool.exec(sshd.host, ['echo', String(i)])))
      expect(results.map((r) => r.stdout)).toEqual(Array.from({ length: 100 }, (_, i) => `${i}\n`))
      expect(maxActive).toBe(8)
      expect(maxQueued).toBeGreaterThan(50)
    } finally {
      await pool.closeAll()
    }
  })

  it('retries "Channel open failure" from the queue when the pool allows more channels than sshd', async () => {
    const pool = makePool(sshd, { maxChannelsPerConnection: 30 })
    const logStart = sshd.log().length
    try {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.exec(sshd.host, ['sh', '-c', `sleep 0.05; echo ${i}`])))
      expect(results).toHaveLength(40)
      expect(results.every((r, i) => r.code === 0 && r.stdout === `${i}\n`)).toBe(true)
      // The refusals were real: sshd logged them, yet no call failed.
      expect(sshd.log().slice(logStart)).toMatch(/no more sessions/)
    } finally {
      await pool.closeAll()
    }
  })

  it('reconnects on the next call after sshd was killed and restarted', async () => {
    const pool = makePool(sshd)
    try {
      expect((await pool.exec(sshd.host, ['echo', 'before'])).stdout).toBe('before\n')
      const before = sshd.connectionCount()
      await sshd.restart()
      await waitFor(() => pool.state()[0]?.status === 'idle', 5_000, 'the pool to notice the dead connection')
      expect((await pool.exec(sshd.host, ['echo', 'after'])).stdout).toBe('after\n')
      expect(sshd.connectionCount() - before).toBe(1)
    } finally {
      await pool.closeAll()
    }
  })

  it('reconnects when the connection died unnoticed just before a call', async () => {
    const pool = makePool(sshd)
    try {
      await pool.exec(sshd.host, ['true'])
      await sshd.restart()
      // No waiting: the call itself must cope with the dead connection.
      expect((await pool.exec(sshd.host, ['echo', 'again'])).stdout).toBe('again\n')
    } finally {
      await pool.closeAll()
    }
  })

  it('drops a connection whose keepalives go unanswered and reconnects on the next call', async () => {
    const pool = makePool(sshd, { keepaliveIntervalMs: 100, keepaliveCountMax: 2 })
    let frozen: number[] = []
    try {
      await pool.exec(sshd.host, ['true'])
      const before = sshd.connectionCount()
      // Freeze the server side of this connection: TCP stays up, but nothing answers any more.
      frozen = await sshd.sessionPids()
      expect(frozen.length).toBeGreaterThan(0)
      for (const pid of frozen) process.kill(pid, 'SIGSTOP')
      await waitFor(() => pool.state()[0]?.status === 'idle', 5_000, 'the keepalive timeout')
      expect(pool.state()[0]?.reason).toMatch(/keepalive/i)
      expect((await pool.exec(sshd.host, ['echo', 'fresh'])).stdout).toBe('fresh\n')
      expect(sshd.connectionCount() - before).toBe(1)
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT')
      await pool.closeAll()
    }
  })

  it('times out a command and the remote process is gone afterwards', async () => {
    const pool = makePool(sshd)
    const argv = ['sleep', '313.25']
    try {
      const err = await pool.exec(sshd.host, argv, { timeoutMs: 700 }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(SshError)
      expect((err as SshError).kind).toBe('command-timeout')
      await waitFor(async () => (await pidsRunning(argv)).length === 0, 3_000, 'the remote sleep to die')
      // The connection is still usable afterwards.
      expect((await pool.exec(sshd.host, ['echo', 'still here'])).stdout).toBe('still here\n')
    } finally {
      await pool.closeAll()
    }
  })

  it('aborts a running command via AbortSignal and kills it remotely', async () => {
    const pool = makePool(sshd)
    const argv = ['sleep', '313.5']
    try {
      const controller = new AbortController()
      const pending = pool.exec(sshd.host, argv, { signal: controller.signal })
      await waitFor(async () => (await pidsRunning(argv)).length === 1, 3_000, 'the remote sleep to start')
      controller.abort()
      const err = await pending.catch((e: unknown) => e)
      expect((err as SshError).kind).toBe('aborted')
      await waitFor(async () => (await pidsRunning(argv)).length === 0, 3_000, 'the remote sleep to die')
      const already = await pool.exec(sshd.host, ['true'], { signal: AbortSignal.abort() }).catch((e: unknown) => e)
      expect((already as SshError).kind).toBe('aborted')
    } finally {
      await pool.closeAll()
    }
  })

  it('caps output and says so', async () => {
    const pool = makePool(sshd)
    try {
      const capped = await pool.exec(sshd.host, ['head', '-c', '3000000', '/dev/zero'], { maxOutputBytes: 1024 * 1024 })
      expect(capped.truncated).toBe(true)
      expect(capped.stdout.length).toBe(1024 * 1024)
      // An endless producer is stopped, not drained forever.
      const endless = await pool.exec(sshd.host, ['yes'], { maxOutputBytes: 10_000 })
      expect(endless.truncated).toBe(true)
      expect(endless.stdout.length).toBe(10_000)
      const small = await pool.exec(sshd.host, ['echo', 'short'], { maxOutputBytes: 100 })
      expect(small.truncated).toBe(false)
    } finally {
      await pool.closeAll()
    }
  })

  it('closeAll() ends every connection and leaves no open socket', async () => {
    const pool = makePool(sshd)
    await Promise.all([pool.exec(sshd.host, ['true']), pool.exec({ host: 'localhost' }, ['true'])])
    expect(pool.state().filter((s) => s.status === 'connected')).toHaveLength(2)
    expect(await establishedOnPort(sshd.port)).toBe(4)
    await pool.closeAll()
    expect(await establishedOnPort(sshd.port)).toBe(0)
    expect(pool.state().map((s) => s.status)).toEqual(['idle', 'idle'])
  })

  it('makes its state observable: connecting → connected → idle, with channel counts', async () => {
    const pool = makePool(sshd)
    const seen: HostState[][] = []
    const unsubscribe = pool.onChange((s) => seen.push(s))
    expect(pool.state()).toEqual([])
    try {
      const running = pool.exec(sshd.host, ['sleep', '0.3'])
      // The slot is taken at once; the connection is being opened.
      expect(pool.state()[0]?.activeChannels).toBe(1)
      await waitFor(() => pool.state()[0]?.status === 'connecting', 3_000, 'connecting')
      await waitFor(() => pool.state()[0]?.status === 'connected', 3_000, 'connected')
      expect(pool.state()[0]).toMatchObject({ host: sshd.host, port: sshd.port, user: sshd.user, activeChannels: 1, queued: 0 })
      await running
      expect(pool.state()[0]?.activeChannels).toBe(0)
      await pool.closeAll()
      await waitFor(() => seen.at(-1)?.[0]?.status === 'idle', 3_000, 'idle')
      const statuses = seen.map((s) => s[0]?.status)
      expect(statuses).toContain('connecting')
      expect(statuses).toContain('connected')
      unsubscribe()
      const count = seen.length
      await pool.exec(sshd.host, ['true'])
      expect(seen.length).toBe(count)
    } finally {
      await pool.closeAll()
    }
  })

  it('reports a refused connection as failed, with a reason', async () => {
    const pool = makePool(sshd, { defaultPort: 1 })
    const err = await pool.exec(sshd.host, ['true']).catch((e: unknown) => e)
    expect((err as SshError).kind).toBe('connection-refused')
    expect(pool.state()[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/refused/) })
    await pool.closeAll()
  })

  it('execOnNode resolves addresses from the cluster status or the settings override', async () => {
    const asked: string[] = []
    const pool = makePool(sshd, {
      resolveNodeAddress: async (node) => {
        asked.push(node)
        return node === 'pve1' ? '127.0.0.1' : undefined
      },
      nodeOverride: (node) => (node === 'pve2' ? { host: 'localhost', port: sshd.port } : undefined)
    })
    try {
      expect((await pool.execOnNode('pve1', ['echo', 'one'])).stdout).toBe('one\n')
      expect((await pool.execOnNode('pve2', ['echo', 'two'])).stdout).toBe('two\n')
      const err = await pool.execOnNode('pve3', ['true']).catch((e: unknown) => e)
      expect((err as SshError).kind).toBe('no-address')
      expect(asked).toEqual(['pve1', 'pve3'])
    } finally {
      await pool.closeAll()
    }
  })
})
