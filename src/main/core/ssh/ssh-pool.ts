// The SSH connection pool: one connection per host+port+user, opened on first use and shared by all callers,
// with a FIFO channel limit per connection, typed errors and an observable state for the dashboard.
import type { ReleaseSlot } from './channel-queue'
import { ChannelQueue } from './channel-queue'
import { hostIdOf } from './host-key'
import { knownHostsLookup } from './known-hosts'
import type { ExecResult } from './remote-exec'
import { abortedError, ChannelOpenError, remoteCommandLine, runOnClient, timeoutError } from './remote-exec'
import { resolveAuth } from './ssh-auth'
import type { SshConnection } from './ssh-connection'
import { openConnection } from './ssh-connection'
import { connectionLost, SshError } from './ssh-errors'
import type { ExecOptions, HostState, HostStatus, SshPoolOptions, SshTarget } from './ssh-pool-types'

export type { ExecResult } from './remote-exec'
export type * from './ssh-pool-types'

interface Entry {
  key: string
  host: string
  port: number
  user: string
  status: HostStatus
  reason?: string | undefined
  connection?: SshConnection | undefined
  connecting?: Promise<SshConnection> | undefined
  queue: ChannelQueue
}

const MiB = 1024 * 1024

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      }
    )
  })
}

export class SshPool {
  readonly #opts: SshPoolOptions
  readonly #entries = new Map<string, Entry>()
  readonly #listeners = new Set<(state: HostState[]) => void>()
  #notifyScheduled = false
  readonly #maxChannels: number
  readonly #lookupKnownHosts

  constructor(options: SshPoolOptions) {
    this.#opts = options
    this.#maxChannels = options.maxChannelsPerConnection ?? 8
    this.#lookupKnownHosts = options.knownHostsPath ? knownHostsLookup(options.knownHostsPath) : undefined
  }

  /** Runs argv on host (each argument quoted for the remote shell). Rejects only with SshError. */
  async exec(target: string | SshTarget, argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const startedAt = performance.now()
    remoteCommandLine(argv) // throws invalid-argument before anything is queued
    const entry = this.#entryFor(typeof target === 'string' ? { host: target } : target)
    const hostId = hostIdOf(entry.host, entry.port)
    const timeoutMs = options.timeoutMs ?? this.#opts.defaultTimeoutMs ?? 30_000
    const deadline = startedAt + timeoutMs
    // One signal for "stop waiting" (queue, connect) that carries our typed error as its reason.
    const stopWaiting = new AbortController()
    const timer = setTimeout(() => stopWaiting.abort(timeoutError(hostId, timeoutMs)), timeoutMs)
    const onUserAbort = (): void => stopWaiting.abort(abortedError(hostId))
    if (options.signal?.aborted) onUserAbort()
    options.signal?.addEventListener('abort', onUserAbort, { once: true })
    let release: ReleaseSlot | undefined
    try {
      release = await entry.queue.acquire(stopWaiting.signal)
      let lostRetries = 0
      let refusedRetries = 0
      for (;;) {
        const connection = await raceSignal(this.#connect(entry), stopWaiting.signal)
        try {
          return await runOnClient(connection.client, argv, {
            hostId,
            deadline,
            timeoutMs,
            startedAt,
            maxOutputBytes: options.maxOutputBytes ?? this.#opts.defaultMaxOutputBytes ?? MiB,
            signal: options.signal
          })
        } catch (err) {
          if (!(err instanceof ChannelOpenError)) throw err
          if (err.reason === 'not-connected') {
            // The connection died before the command started: safe to run it on a fresh one.
            this.#drop(entry, connection)
            if (++lostRetries > 2) throw connectionLost(hostId, err)
            continue
          }
          // The server allows fewer sessions than we assumed: run fewer at once, keep this call's turn.
          const others = entry.queue.active - 1
          if (others === 0 && ++refusedRetries > 3) {
            throw new SshError('channel-failed', `${hostId} refuses to open a session (${err.message}). Check MaxSessions in the node's sshd_config.`, {
              host: hostId,
              cause: err
            })
          }
          entry.queue.setLimit(Math.max(1, others))
          release()
          release = undefined
          release = await entry.queue.acquire(stopWaiting.signal, true)
          if (others === 0) await raceSignal(new Promise((r) => setTimeout(r, 50 * refusedRetries)), stopWaiting.signal)
        }
      }
    } finally {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onUserAbort)
      release?.()
    }
  }

  /** Runs argv on a cluster node, found by the settings' override or the cluster's own status. */
  async execOnNode(nodeName: string, argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const override = this.#opts.nodeOverride?.(nodeName)
    if (override) return this.exec(override, argv, options)
    const address = this.#opts.resolveNodeAddress ? await this.#opts.resolveNodeAddress(nodeName) : undefined
    if (!address) {
      throw new SshError(
        'no-address',
        `No address is known for node ${nodeName}: the cluster status lists no IP for it. Set the node's SSH address in the settings.`
      )
    }
    return this.exec({ host: address }, argv, options)
  }

  state(): HostState[] {
    return [...this.#entries.values()].map((e) => {
      const s: HostState = {
        key: e.key,
        host: e.host,
        port: e.port,
        user: e.user,
        status: e.status,
        activeChannels: e.queue.active,
        queued: e.queue.queued
      }
      if (e.reason !== undefined) s.reason = e.reason
      return s
    })
  }

  /** Called (coalesced per tick) with a fresh snapshot whenever any host's state changes. */
  onChange(listener: (state: HostState[]) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Ends every connection gracefully; resolves when all sockets are closed. Queued calls are rejected. */
  async closeAll(): Promise<void> {
    const closing: Promise<void>[] = []
    for (const entry of this.#entries.values()) {
      entry.queue.failAll(new SshError('pool-closed', 'The SSH pool was closed (the app is shutting down).', { host: entry.key }))
      if (entry.connection) closing.push(entry.connection.end())
      if (entry.connecting)
        closing.push(
          entry.connecting.then(
            (c) => c.end(),
            () => undefined
          )
        )
    }
    await Promise.all(closing)
  }

  #entryFor(target: SshTarget): Entry {
    const port = target.port ?? this.#opts.defaultPort ?? 22
    const user = target.user ?? this.#opts.defaultUser ?? 'root'
    const key = `${user}@${hostIdOf(target.host, port)}`
    let entry = this.#entries.get(key)
    if (!entry) {
      entry = { key, host: target.host, port, user, status: 'idle', queue: new ChannelQueue(this.#maxChannels, () => this.#changed()) }
      this.#entries.set(key, entry)
    }
    return entry
  }

  #connect(entry: Entry): Promise<SshConnection> {
    if (entry.connection?.alive) return Promise.resolve(entry.connection)
    if (entry.connecting) return entry.connecting
    this.#setStatus(entry, 'connecting')
    const attempt = (async () => {
      const auth = await resolveAuth(this.#opts.auth, this.#opts.env ?? process.env)
      const pin = await this.#opts.hostKeys.get(hostIdOf(entry.host, entry.port))
      return openConnection({
        host: entry.host,
        port: entry.port,
        user: entry.user,
        auth,
        connectTimeoutMs: this.#opts.connectTimeoutMs ?? 10_000,
        keepaliveIntervalMs: this.#opts.keepaliveIntervalMs ?? 15_000,
        keepaliveCountMax: this.#opts.keepaliveCountMax ?? 3,
        pinnedKeyType: pin?.keyType,
        hostKeys: { store: this.#opts.hostKeys, trustOnFirstUse: this.#opts.trustOnFirstUse, lookupKnownHosts: this.#lookupKnownHosts }
      })
    })()
    entry.connecting = attempt
    attempt.then(
      (connection) => {
        entry.connecting = undefined
        entry.connection = connection
        entry.queue.setLimit(this.#maxChannels)
        connection.onGone((reason) => {
          if (entry.connection !== connection) return
          entry.connection = undefined
          this.#setStatus(entry, 'idle', reason ? reason.message : 'The connection was closed.')
        })
        if (connection.alive) this.#setStatus(entry, 'connected')
        else this.#drop(entry, connection)
      },
      (err: unknown) => {
        entry.connecting = undefined
        this.#setStatus(entry, 'failed', err instanceof Error ? err.message : String(err))
      }
    )
    return attempt
  }

  #drop(entry: Entry, connection: SshConnection): void {
    connection.destroy()
    if (entry.connection === connection) {
      entry.connection = undefined
      this.#setStatus(entry, 'idle', 'The connection was lost.')
    }
  }

  #setStatus(entry: Entry, status: HostStatus, reason?: string): void {
    entry.status = status
    entry.reason = reason
    this.#changed()
  }

  #changed(): void {
    if (this.#notifyScheduled || this.#listeners.size === 0) return
    this.#notifyScheduled = true
    queueMicrotask(() => {
      this.#notifyScheduled = false
      const snapshot = this.state()
      for (const l of this.#listeners) l(snapshot)
    })
  }
}
