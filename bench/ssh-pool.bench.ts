// SSH latency: pooled exec vs a fresh ssh2 connection per call vs OpenSSH's own multiplexing, against one
// local sshd (tests/helpers/sshd-server.ts), plus the throughput of 100 concurrent execs on one host.
// Run: npm run bench ssh   (or node --import ./bench/ts-hooks.mjs bench/ssh-pool.bench.ts)   (a missed target fails the run; BENCH_LENIENT=1 only reports it)
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { Socket } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

import ssh2 from 'ssh2'

import { SshPool } from '../src/main/core/ssh/ssh-pool'
import { startSshd } from '../tests/helpers/sshd-server'

const run = promisify(execFile)

const CALLS = 50

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}

const sshd = await startSshd({ maxSessions: 10 })
let failed = false
try {
  const hostId = `${sshd.host}:${sshd.port}`
  const pins = new Map([[hostId, { fingerprint: sshd.hostKeyFingerprint, keyType: sshd.hostKeyType }]])
  const pool = new SshPool({
    auth: { kind: 'key', privateKeyPath: sshd.keyPath },
    hostKeys: { get: (id) => pins.get(id), set: (id, pin) => void pins.set(id, pin) },
    defaultUser: sshd.user,
    defaultPort: sshd.port
  })

  // 1. Pooled: one connection, a channel per exec.
  await timed(5, () => pool.exec(sshd.host, ['true']))
  const pooled = await timed(CALLS, () => pool.exec(sshd.host, ['true']))

  // 2. Fresh ssh2 connection per call (same TCP_NODELAY socket set-up, same key).
  const key = await readFile(sshd.keyPath)
  const fresh = await timed(
    CALLS,
    () =>
      new Promise<void>((resolve, reject) => {
        const sock = new Socket()
        sock.setNoDelay(true)
        const client = new ssh2.Client()
        client.on('error', reject).on('ready', () => {
          client.exec('true', (err, ch) => {
            if (err) return reject(err)
            ch.resume()
            ch.stderr.resume()
            ch.on('close', () => {
              client.end()
              resolve()
            })
          })
        })
        sock.connect(sshd.port, sshd.host)
        client.connect({ sock, username: sshd.user, privateKey: key, hostVerifier: () => true })
      })
  )

  // 3. OpenSSH multiplexing: one master, each `ssh … true` rides on it.
  const knownHosts = join(sshd.dir, 'bench_known_hosts')
  await writeFile(knownHosts, `[${sshd.host}]:${sshd.port} ${sshd.hostKeyPublicLine}\n`)
  const sshArgs = [
    '-p',
    String(sshd.port),
    '-i',
    sshd.keyPath,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    `UserKnownHostsFile=${knownHosts}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'ControlMaster=auto',
    '-o',
    `ControlPath=${join(sshd.dir, 'cm-%C')}`,
    '-o',
    'ControlPersist=60',
    '-l',
    sshd.user,
    sshd.host
  ]
  await timed(5, () => run('ssh', [...sshArgs, 'true']))
  const mux = await timed(CALLS, () => run('ssh', [...sshArgs, 'true']))
  await run('ssh', [...sshArgs, '-O', 'exit']).catch(() => undefined)

  // 4. Throughput: 100 concurrent execs on one host (8 channels at a time, the rest queued).
  const t0 = performance.now()
  const results = await Promise.all(Array.from({ length: 100 }, () => pool.exec(sshd.host, ['true'])))
  const burstMs = performance.now() - t0
  if (results.some((r) => r.code !== 0)) throw new Error('a concurrent exec failed')
  await pool.closeAll()

  const mPooled = median(pooled)
  const mFresh = median(fresh)
  const mMux = median(mux)
  const vsMux = mPooled / mMux
  const vsFresh = mFresh / mPooled
  const row = (name: string, ms: number): string => `  ${name.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms`
  console.log(`ssh exec('true'), median of ${CALLS} calls, sshd on 127.0.0.1:${sshd.port}`)
  console.log(row('pooled (SshPool)', mPooled))
  console.log(row('fresh ssh2 connection per call', mFresh))
  console.log(row('OpenSSH ControlMaster multiplexed', mMux))
  const okMux = vsMux <= 0.9
  const okFresh = vsFresh >= 3
  console.log(`  pooled / OpenSSH mux = ${vsMux.toFixed(2)}x  (target <= 0.9x: ${okMux ? 'met' : 'MISSED'})`)
  console.log(`  fresh / pooled       = ${vsFresh.toFixed(2)}x  (target >= 3x: ${okFresh ? 'met' : 'MISSED'})`)
  console.log(`  100 concurrent execs on one host: ${burstMs.toFixed(0)} ms total, ${(100 / (burstMs / 1000)).toFixed(0)} execs/s`)
  if (process.env.BENCH_LENIENT !== '1' && !(okMux && okFresh)) failed = true
} catch (err) {
  console.error(err)
  failed = true
} finally {
  await sshd.stop()
}
process.exitCode = failed ? 1 : 0
