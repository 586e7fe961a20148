// Runs one command on an open ssh2 connection: output cap, deadline, abort, and making sure the remote
// process dies when we give up on it.
import type { Client, ClientChannel } from 'ssh2'

import { quoteArgv } from './quote-args'
import { SshError } from './ssh-errors'

export interface ExecResult {
  stdout: string
  stderr: string
  /** Exit status; null when the process was killed by a signal or we closed the channel first. */
  code: number | null
  signal: string | null
  durationMs: number
  /** True when output went past the cap; the channel was then closed and the rest discarded. */
  truncated: boolean
}

/** The command never started (no channel): safe to retry. */
export class ChannelOpenError extends Error {
  readonly reason: 'refused' | 'not-connected'
  constructor(reason: 'refused' | 'not-connected', message: string) {
    super(message)
    this.name = 'ChannelOpenError'
    this.reason = reason
  }
}

/**
 * The remote shell line for an argv. OpenSSH ignores "signal" requests for root sessions (no privilege
 * separation after a root login), so closing the channel alone would leave the process running. The line
 * therefore keeps a watcher in the session's process group (sshd makes the shell a session leader) that
 * waits for stdin, which only ends when the channel closes, and then kills the whole group. The command
 * itself gets /dev/null as stdin and replaces the shell (`exec`), so its exit status is ours; a missing
 * program exits 127.
 */
export function remoteCommandLine(argv: readonly string[]): string {
  return `${REMOTE_LINE_HEAD}${quoteArgv(argv)}${REMOTE_LINE_TAIL}`
}

/** What remoteCommandLine puts around the quoted argv (the simulated host reads lines by these). */
export const REMOTE_LINE_HEAD = 'exec 3<&0; { read -r _ <&3; kill -KILL 0; } >/dev/null 2>&1 & exec '
export const REMOTE_LINE_TAIL = ' </dev/null 3<&-'

export interface RunOptions {
  hostId: string
  /** performance.now() at which the caller's deadline expires. */
  deadline: number
  timeoutMs: number
  startedAt: number
  maxOutputBytes: number
  signal?: AbortSignal | undefined
}

export function timeoutError(hostId: string, timeoutMs: number): SshError {
  return new SshError('command-timeout', `The command on ${hostId} did not finish within ${Math.round((timeoutMs / 1000) * 10) / 10} s and was stopped.`, {
    host: hostId
  })
}

export function abortedError(hostId: string): SshError {
  return new SshError('aborted', `The command on ${hostId} was cancelled.`, { host: hostId })
}

class OutputBuffer {
  readonly #chunks: Buffer[] = []
  #bytes = 0
  readonly #cap: number
  truncated = false
  constructor(cap: number) {
    this.#cap = cap
  }

  /** Returns false once the cap is exceeded. */
  push(chunk: Buffer): boolean {
    const room = this.#cap - this.#bytes
    if (chunk.length > room) {
      if (room > 0) this.#chunks.push(chunk.subarray(0, room))
      this.#bytes = this.#cap
      this.truncated = true
      return false
    }
    this.#chunks.push(chunk)
    this.#bytes += chunk.length
    return true
  }

  text(): string {
    return Buffer.concat(this.#chunks).toString('utf8')
  }
}

export function runOnClient(client: Client, argv: readonly string[], opts: RunOptions): Promise<ExecResult> {
  const line = remoteCommandLine(argv)
  return new Promise<ExecResult>((resolve, reject) => {
    let settled = false
    let channel: ClientChannel | undefined
    const stdout = new OutputBuffer(opts.maxOutputBytes)
    const stderr = new OutputBuffer(opts.maxOutputBytes)
    let code: number | null = null
    let signalName: string | null = null
    let exited = false
    let stoppedByUs = false

    const stop = (ch: ClientChannel): void => {
      stoppedByUs = true
      try {
        ch.signal('KILL')
      } catch {
        // the watcher in remoteCommandLine does the job when the server refuses signals
      }
      ch.end()
      ch.close()
    }
    const finish = (err: Error | undefined, result?: ExecResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (err !== undefined) reject(err)
      else if (result) resolve(result)
    }
    const giveUp = (err: SshError): void => {
      if (channel) stop(channel)
      finish(err)
    }
    const onAbort = (): void => giveUp(abortedError(opts.hostId))
    const timer = setTimeout(() => giveUp(timeoutError(opts.hostId, opts.timeoutMs)), Math.max(0, opts.deadline - performance.now()))
    opts.signal?.addEventListener('abort', onAbort, { once: true })

    try {
      client.exec(line, (err, ch) => {
        if (err) {
          const message = err.message
          if (/channel open failure/i.test(message)) finish(new ChannelOpenError('refused', message))
          else if (/no response from server|not connected/i.test(message)) finish(new ChannelOpenError('not-connected', message))
          else finish(new SshError('channel-failed', `${opts.hostId} refused to run the command (${message}).`, { host: opts.hostId, cause: err }))
          return
        }
        channel = ch
        // Timed out or aborted while the channel was being opened: nothing is wanted from it any more.
        if (settled) {
          stop(ch)
          return
        }
        ch.on('data', (chunk: Buffer) => {
          if (!stdout.push(chunk)) stop(ch)
        })
        ch.stderr.on('data', (chunk: Buffer) => {
          if (!stderr.push(chunk)) stop(ch)
        })
        ch.on('exit', (exitCode: number | null, sig?: string) => {
          exited = true
          if (typeof exitCode === 'number') code = exitCode
          if (typeof sig === 'string') signalName = sig
        })
        ch.on('close', () => {
          if (!exited && !stoppedByUs) {
            finish(
              new SshError('connection-lost', `The connection to ${opts.hostId} ended before the command finished; its result is unknown.`, {
                host: opts.hostId
              })
            )
            return
          }
          finish(undefined, {
            stdout: stdout.text(),
            stderr: stderr.text(),
            code,
            signal: signalName,
            durationMs: performance.now() - opts.startedAt,
            truncated: stdout.truncated || stderr.truncated
          })
        })
      })
    } catch (err) {
      // ssh2 throws synchronously when the socket is gone.
      finish(new ChannelOpenError('not-connected', err instanceof Error ? err.message : String(err)))
    }
  })
}
