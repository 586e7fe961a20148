// One SSH connection: our own TCP socket (TCP_NODELAY: ssh2 leaves Nagle on, which doubles the latency of
// every small request/response), a deadline for connect + handshake + auth, host key pinning, and
// liveness tracked from socket/ssh2 events.
import { Socket } from 'node:net'

import type { ConnectConfig } from 'ssh2'
import ssh2 from 'ssh2'

import type { HostKeyCheckInput } from './host-key'
import { checkHostKey, hostIdOf, hostKeyAlgorithmsFor } from './host-key'
import type { ResolvedAuth } from './ssh-auth'
import type { SshError } from './ssh-errors'
import { classifyConnectError, connectionLost, SshError as SshErrorClass } from './ssh-errors'

const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa'
] as const

export interface ConnectionParams {
  host: string
  port: number
  user: string
  auth: ResolvedAuth
  connectTimeoutMs: number
  keepaliveIntervalMs: number
  keepaliveCountMax: number
  hostKeys: Omit<HostKeyCheckInput, 'host' | 'port'>
  /** Key type pinned for this host, asked for first so the server presents the pinned key. */
  pinnedKeyType?: string | undefined
}

export class SshConnection {
  readonly client: ssh2.Client
  readonly hostId: string
  #alive = true
  readonly #socketClosed: Promise<void>
  readonly #goneListeners = new Set<(reason: SshError | undefined) => void>()

  constructor(client: ssh2.Client, socket: Socket, hostId: string) {
    this.client = client
    this.hostId = hostId
    this.#socketClosed = new Promise<void>((resolve) => {
      if (socket.destroyed && socket.closed) resolve()
      else socket.once('close', () => resolve())
    })
    const gone = (reason: SshError | undefined): void => {
      if (!this.#alive) return
      this.#alive = false
      for (const l of this.#goneListeners) l(reason)
    }
    // Any of these means the transport is finished; ssh2's keepalive failure arrives as 'error'.
    client.on('error', (err: Error) => gone(connectionLost(hostId, err)))
    client.on('end', () => gone(undefined))
    client.on('close', () => gone(undefined))
    socket.once('close', () => gone(undefined))
  }

  /** False once the socket or the SSH session reported its end; never becomes true again. */
  get alive(): boolean {
    return this.#alive
  }

  onGone(listener: (reason: SshError | undefined) => void): void {
    this.#goneListeners.add(listener)
  }

  /** Graceful close (SSH disconnect, then FIN); resolves when the socket is closed. */
  async end(graceMs = 2_000): Promise<void> {
    this.client.end()
    const timer = setTimeout(() => this.client.destroy(), graceMs)
    await this.#socketClosed
    clearTimeout(timer)
  }

  destroy(): void {
    this.client.destroy()
  }
}

function hostKeyAlgorithms(pinned: string | undefined): ConnectConfig['algorithms'] {
  // A store that does not know the key type (or knows one ssh2 lacks) just keeps ssh2's default order.
  const first = pinned ? hostKeyAlgorithmsFor(pinned).filter((a) => (HOST_KEY_ALGORITHMS as readonly string[]).includes(a)) : []
  if (first.length === 0) return undefined
  const rest = HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))
  return { serverHostKey: [...first, ...rest] as NonNullable<ConnectConfig['algorithms']>['serverHostKey'] }
}

export function openConnection(params: ConnectionParams): Promise<SshConnection> {
  const hostId = hostIdOf(params.host, params.port)
  const socket = new Socket()
  socket.setNoDelay(true)
  const client = new ssh2.Client()
  return new Promise<SshConnection>((resolve, reject) => {
    let settled = false
    let tcpConnected = false
    let hostKeyError: SshError | undefined
    let timer: NodeJS.Timeout | undefined
    const fail = (err: SshError): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      client.removeAllListeners('ready')
      socket.destroy()
      client.destroy()
      reject(err)
    }
    const armDeadline = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        const what = tcpConnected ? 'did not finish the SSH handshake and login' : 'did not accept a connection'
        fail(
          new SshErrorClass(
            'connect-timeout',
            `${hostId} ${what} within ${params.connectTimeoutMs / 1000} s. Check that the node is up and that SSH (port ${params.port}) is not blocked.`,
            { host: hostId }
          )
        )
      }, params.connectTimeoutMs)
    }
    armDeadline()
    socket.once('connect', () => {
      tcpConnected = true
    })
    client.once('ready', () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(connection)
    })
    client.on('error', (err: Error & { level?: string }) => {
      if (hostKeyError) fail(hostKeyError)
      else if (err.level === 'client-authentication' && params.auth.agent) {
        fail(
          new SshErrorClass(
            'key-rejected',
            `${hostId} accepted none of the keys the SSH agent offered. Add one of them to the node's authorized_keys, or choose a key file.`,
            { host: hostId, cause: err }
          )
        )
      } else fail(classifyConnectError(err, hostId))
    })
    client.on('close', () => fail(hostKeyError ?? connectionLost(hostId, new Error('closed during the handshake'), 'handshake-failed')))
    const connection = new SshConnection(client, socket, hostId)
    const config: ConnectConfig = {
      sock: socket,
      username: params.user,
      readyTimeout: 0,
      keepaliveInterval: params.keepaliveIntervalMs,
      keepaliveCountMax: params.keepaliveCountMax,
      algorithms: hostKeyAlgorithms(params.pinnedKeyType),
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void): void => {
        // The user may take a while to answer the trust question: that time is not the server's fault.
        clearTimeout(timer)
        checkHostKey({ ...params.hostKeys, host: params.host, port: params.port }, key).then(
          () => {
            armDeadline()
            verify(true)
          },
          (err: unknown) => {
            hostKeyError = err instanceof SshErrorClass ? err : connectionLost(hostId, err, 'handshake-failed')
            verify(false)
          }
        )
      }
    }
    if (params.auth.privateKey) config.privateKey = params.auth.privateKey
    if (params.auth.passphrase) config.passphrase = params.auth.passphrase
    if (params.auth.agent) config.agent = params.auth.agent
    socket.connect({ host: params.host, port: params.port })
    client.connect(config)
  })
}
