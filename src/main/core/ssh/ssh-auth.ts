// Turns the configured authentication into ssh2 options, failing early with typed errors that say which
// part is wrong (key file, passphrase, agent) instead of ssh2's generic "authentication methods failed".
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { connect } from 'node:net'

import ssh2 from 'ssh2'

import { SshError } from './ssh-errors'

export type PassphraseGetter = (keyPath: string) => Promise<string | undefined>

export type SshAuth =
  | {
      kind: 'key'
      /** ed25519, ecdsa or rsa private key in OpenSSH or PEM format. */
      privateKeyPath: string
      /** Asked only when the key is encrypted (the vault). */
      getPassphrase?: PassphraseGetter
    }
  | {
      /** A key held in memory (the demo's own identity, generated at start); never a user's key. */
      kind: 'key-data'
      privateKey: string
      describe: string
    }
  | {
      kind: 'agent'
      /** Defaults to SSH_AUTH_SOCK. */
      socketPath?: string
    }

export interface ResolvedAuth {
  privateKey?: Buffer
  passphrase?: string
  agent?: string
  describe: string
}

function agentUnavailable(detail: string): SshError {
  return new SshError(
    'agent-unavailable',
    `The SSH agent is not available (${detail}). Start ssh-agent and add your key (ssh-add), or choose a key file in the settings.`
  )
}

async function agentReachable(path: string, timeoutMs: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const sock = connect({ path })
    const timer = setTimeout(() => {
      sock.destroy()
      reject(agentUnavailable(`no answer on ${path}`))
    }, timeoutMs)
    sock.once('connect', () => {
      clearTimeout(timer)
      sock.end()
      resolve()
    })
    sock.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(agentUnavailable(`${path}: ${err.code ?? err.message}`))
    })
  })
}

/** A private key is a small regular file: never a device, a FIFO, a directory or something huge. */
const MAX_KEY_BYTES = 1024 * 1024

async function keyAuth(path: string, getPassphrase: PassphraseGetter | undefined): Promise<ResolvedAuth> {
  let data: Buffer
  try {
    // Checked on the opened file (no swap between check and read); non-blocking so a FIFO cannot hang us.
    const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      const st = await fh.stat()
      if (!st.isFile() || st.size > MAX_KEY_BYTES) {
        throw new SshError(
          'key-unreadable',
          `The SSH key file ${path} is not a private key file (${st.isFile() ? 'larger than 1 MiB' : 'not a regular file'}). Check the path in the settings.`
        )
      }
      data = await fh.readFile()
    } finally {
      await fh.close()
    }
  } catch (err) {
    if (err instanceof SshError) throw err
    const code = (err as NodeJS.ErrnoException).code ?? 'error'
    throw new SshError(
      'key-unreadable',
      `The SSH key file ${path} cannot be read (${code}). Check the path in the settings and that the app may read the file.`,
      { cause: err }
    )
  }
  const plain = ssh2.utils.parseKey(data)
  if (!(plain instanceof Error)) return { privateKey: data, describe: `key ${path}` }
  if (!/no passphrase given/i.test(plain.message)) {
    throw new SshError(
      'key-unreadable',
      `${path} is not a private key this app can use (${plain.message}). Use an ed25519, ecdsa or rsa key in OpenSSH or PEM format.`
    )
  }
  const passphrase = getPassphrase ? await getPassphrase(path) : undefined
  if (passphrase === undefined || passphrase === '') {
    throw new SshError(
      'passphrase-missing',
      `The SSH key ${path} is protected by a passphrase, and none is stored. Enter the passphrase in the settings (it is kept in the vault).`
    )
  }
  const decrypted = ssh2.utils.parseKey(data, passphrase)
  if (decrypted instanceof Error) {
    // The ssh2 message never contains the passphrase, but we do not forward it anyway.
    throw new SshError('passphrase-wrong', `The stored passphrase does not unlock the SSH key ${path}. Enter the right passphrase in the settings.`)
  }
  return { privateKey: data, passphrase, describe: `key ${path}` }
}

export async function resolveAuth(auth: SshAuth, env: NodeJS.ProcessEnv): Promise<ResolvedAuth> {
  if (auth.kind === 'key') return keyAuth(auth.privateKeyPath, auth.getPassphrase)
  if (auth.kind === 'key-data') return { privateKey: Buffer.from(auth.privateKey), describe: auth.describe }
  const path = auth.socketPath ?? env.SSH_AUTH_SOCK
  if (!path) throw agentUnavailable('SSH_AUTH_SOCK is not set')
  await agentReachable(path, 2_000)
  return { agent: path, describe: `ssh-agent ${path}` }
}
