// One simulated node's sshd: a TCP listener on 127.0.0.1 whose connections are handed to an ssh2 Server
// (so the host key can be replaced on the same port, and a hanging node can hold connections unanswered).
// Public-key login only, for one user and the keys it was given; every exec answers through `run`.
import { createServer, type Server as NetServer, type Socket } from 'node:net'

import ssh2, { type Connection, type ParsedKey } from 'ssh2'

import { fingerprintOf } from '../../ssh/host-key'
import { generateEd25519 } from '../../ssh/keygen'
import type { CommandResult } from './commands'

export interface SimHostKey {
  readonly privateKey: string
  /** OpenSSH `SHA256:…` (as ssh-keygen -lf prints it). */
  readonly fingerprint: string
  readonly keyType: string
}

export function newHostKey(): SimHostKey {
  const pair = generateEd25519()
  const parsed = pair.parsed
  const blob = parsed.getPublicSSH()
  return { privateKey: pair.private, fingerprint: fingerprintOf(blob), keyType: parsed.type }
}

/** up: answers; hang: accepts TCP and never speaks SSH (a frozen node). A refusing node has no listener. */
export type SshAvailability = 'up' | 'hang'

export interface SshListenerDeps {
  readonly user: string
  readonly authorizedKeys: readonly ParsedKey[]
  readonly availability: () => SshAvailability
  readonly run: (command: string) => CommandResult | Promise<CommandResult>
}

function authorized(keys: readonly ParsedKey[], ctx: ssh2.PublicKeyAuthContext): boolean {
  const key = keys.find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data))
  if (key === undefined) return false
  // Without a signature the client only asks whether the key would do; the login itself is signed.
  if (ctx.signature === undefined || ctx.blob === undefined) return true
  return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true
}

export class SimSshListener {
  readonly #deps: SshListenerDeps
  readonly #net: NetServer
  readonly #sockets = new Set<Socket>()
  #ssh: ssh2.Server
  #hostKey: SimHostKey
  port = 0
  listening = false

  constructor(deps: SshListenerDeps) {
    this.#deps = deps
    this.#hostKey = newHostKey()
    this.#ssh = this.#sshServer()
    this.#net = createServer((socket) => {
      this.#sockets.add(socket)
      socket.once('close', () => this.#sockets.delete(socket))
      socket.on('error', () => socket.destroy())
      if (deps.availability() === 'hang') return
      this.#ssh.injectSocket(socket)
    })
  }

  get hostKey(): SimHostKey {
    return this.#hostKey
  }

  /** A reinstalled node: a new host key on the same port; open connections are cut. */
  rotateHostKey(): void {
    this.#hostKey = newHostKey()
    this.#ssh = this.#sshServer()
    this.dropConnections()
  }

  dropConnections(): void {
    for (const s of this.#sockets) s.destroy()
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#net.once('error', reject)
      this.#net.listen(port, '127.0.0.1', () => {
        this.#net.off('error', reject)
        const addr = this.#net.address()
        this.port = typeof addr === 'object' && addr !== null ? addr.port : port
        this.listening = true
        resolve(this.port)
      })
    })
  }

  close(): Promise<void> {
    if (!this.listening) return Promise.resolve()
    this.listening = false
    this.dropConnections()
    return new Promise((resolve) => this.#net.close(() => resolve()))
  }

  #sshServer(): ssh2.Server {
    return new ssh2.Server({ hostKeys: [this.#hostKey.privateKey] }, (client: Connection) => this.#serve(client))
  }

  #serve(client: Connection): void {
    client.on('error', () => undefined)
    client.on('authentication', (ctx) => {
      if (ctx.method === 'publickey' && ctx.username === this.#deps.user && authorized(this.#deps.authorizedKeys, ctx)) ctx.accept()
      else ctx.reject(['publickey'])
    })
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession()
        session.on('exec', (acceptExec, _reject, info) => {
          const stream = acceptExec()
          void Promise.resolve(this.#deps.run(info.command)).then((r) => {
            if (r.stdout !== '') stream.write(r.stdout)
            if (r.stderr !== '') stream.stderr.write(r.stderr)
            stream.exit(r.code)
            stream.end()
          })
        })
      })
    })
  }
}
