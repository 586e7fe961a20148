// Starts a real OpenSSH sshd on 127.0.0.1 for tests and benchmarks. Shared by tests/main/core/ssh and
// bench/ssh-pool.bench.ts, so it imports Node built-ins only (runs under Vitest and under plain `node`).
import type { ChildProcess } from 'node:child_process'
import { execFile, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SSHD = '/usr/sbin/sshd'

export interface SshdOptions {
  maxSessions?: number
  /** Extra sshd_config lines appended verbatim. */
  extraConfig?: string[]
}

export interface SshdServer {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly dir: string
  /** OpenSSH `SHA256:…` fingerprint and key type of the server's host key. */
  readonly hostKeyFingerprint: string
  readonly hostKeyType: string
  readonly hostKeyPublicLine: string
  /** Authorized, no passphrase. */
  readonly keyPath: string
  /** Authorized rsa key, no passphrase. */
  readonly rsaKeyPath: string
  /** Authorized ecdsa key protected by `passphrase`. */
  readonly encryptedKeyPath: string
  readonly passphrase: string
  /** A valid key that is NOT in authorized_keys. */
  readonly strangerKeyPath: string
  /** Everything sshd printed on stderr (LogLevel VERBOSE) since it started first. */
  log(): string
  /** TCP connections sshd accepted so far (from its log). */
  connectionCount(): number
  /** Pids of the per-connection sshd processes and everything below them (not the listener). */
  sessionPids(): Promise<number[]>
  /** Kills sshd and every session process it forked (as a crash or reboot would). */
  kill(): Promise<void>
  /** Starts sshd again on the same port with the same keys. */
  restart(): Promise<void>
  /** Kill + remove the temp dir. */
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

async function keygen(path: string, type: string, passphrase = '', bits?: number): Promise<string> {
  const args = ['-q', '-t', type, '-N', passphrase, '-C', 'pve-tray-test', '-f', path]
  if (bits) args.push('-b', String(bits))
  await run('ssh-keygen', args)
  return (await readFile(`${path}.pub`, 'utf8')).trim()
}

/** Child pids of `pid`, recursively, read from /proc (sshd's session processes call setsid, so a group kill misses them). */
async function descendants(pid: number): Promise<number[]> {
  const all = new Map<number, number[]>()
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const list = all.get(ppid) ?? []
      list.push(Number(name))
      all.set(ppid, list)
    } catch {
      // process exited while we read
    }
  }
  const out: number[] = []
  const walk = (p: number): void => {
    for (const c of all.get(p) ?? []) {
      out.push(c)
      walk(c)
    }
  }
  walk(pid)
  return out
}

export async function startSshd(options: SshdOptions = {}): Promise<SshdServer> {
  await mkdir('/run/sshd', { recursive: true })
  const dir = await mkdtemp(join(tmpdir(), 'pve-tray-sshd-'))
  const hostKey = join(dir, 'ssh_host_ed25519_key')
  const [hostPub, userPub, rsaPub, encPub] = await Promise.all([
    keygen(hostKey, 'ed25519'),
    keygen(join(dir, 'id_ed25519'), 'ed25519'),
    keygen(join(dir, 'id_rsa'), 'rsa', '', 2048),
    keygen(join(dir, 'id_ecdsa_enc'), 'ecdsa', 'correct horse battery', 256),
    keygen(join(dir, 'id_stranger'), 'ed25519')
  ])
  await writeFile(join(dir, 'authorized_keys'), `${userPub}\n${rsaPub}\n${encPub}\n`, { mode: 0o600 })
  const { stdout: fp } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`])
  const fingerprint = fp.split(' ')[1] ?? ''
  const port = await freePort()
  const configPath = join(dir, 'sshd_config')
  const config = [
    'ListenAddress 127.0.0.1',
    `Port ${port}`,
    `HostKey ${hostKey}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'UsePAM no',
    'StrictModes no',
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    `MaxSessions ${options.maxSessions ?? 10}`,
    'MaxStartups 100:30:200',
    'LogLevel VERBOSE',
    // bash sources ~/.bashrc for sshd sessions unless SHLVL says it is nested; root's .bashrc here (pyenv init)
    // costs ~450 ms per exec, which would drown what the tests and the benchmark measure.
    'SetEnv SHLVL=1',
    ...(options.extraConfig ?? [])
  ]
  await writeFile(configPath, `${config.join('\n')}\n`)

  let logText = ''
  let child: ChildProcess | undefined
  const launch = async (): Promise<void> => {
    const proc = spawn(SSHD, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] })
    child = proc
    proc.stderr?.setEncoding('utf8')
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sshd did not start:\n${logText}`)), 10_000)
      proc.stderr?.on('data', (chunk: string) => {
        logText += chunk
        if (logText.includes(`Server listening on 127.0.0.1 port ${port}`)) {
          clearTimeout(timer)
          resolve()
        }
      })
      proc.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`sshd exited with ${code}:\n${logText}`))
      })
    })
  }
  const kill = async (): Promise<void> => {
    const proc = child
    if (!proc || proc.exitCode !== null || proc.pid === undefined) return
    const kids = await descendants(proc.pid)
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
    proc.kill('SIGKILL')
    for (const pid of kids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    await exited
    child = undefined
  }

  await launch()
  return {
    host: '127.0.0.1',
    port,
    user: userInfo().username,
    dir,
    hostKeyFingerprint: fingerprint,
    hostKeyType: 'ssh-ed25519',
    hostKeyPublicLine: hostPub,
    keyPath: join(dir, 'id_ed25519'),
    rsaKeyPath: join(dir, 'id_rsa'),
    encryptedKeyPath: join(dir, 'id_ecdsa_enc'),
    passphrase: 'correct horse battery',
    strangerKeyPath: join(dir, 'id_stranger'),
    log: () => logText,
    connectionCount: () => (logText.match(/^Connection from /gm) ?? []).length,
    sessionPids: async () => (child?.pid === undefined ? [] : descendants(child.pid)),
    kill,
    restart: async () => {
      await kill()
      await launch()
    },
    stop: async () => {
      await kill()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
