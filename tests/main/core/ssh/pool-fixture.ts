// Shared set-up for the SSH pool tests: an in-memory pin store and a pool pointed at the test sshd.
import { readdir, readFile } from 'node:fs/promises'

import type { HostKeyPin, HostKeyStore } from '../../../../src/main/core/ssh/host-key'
import type { SshPoolOptions } from '../../../../src/main/core/ssh/ssh-pool'
import { SshPool } from '../../../../src/main/core/ssh/ssh-pool'
import type { SshdServer } from '../../../helpers/sshd-server'
import { waitFor as sharedWaitFor } from '../../../helpers/wait-for'

export class MemoryHostKeyStore implements HostKeyStore {
  readonly pins = new Map<string, HostKeyPin>()
  get(hostId: string): HostKeyPin | undefined {
    return this.pins.get(hostId)
  }

  set(hostId: string, pin: HostKeyPin): void {
    this.pins.set(hostId, pin)
  }
}

/** A store that already trusts the test server, as after a confirmed first connection. */
export function pinnedStore(sshd: SshdServer): MemoryHostKeyStore {
  const store = new MemoryHostKeyStore()
  for (const name of [sshd.host, 'localhost']) store.set(`${name}:${sshd.port}`, { fingerprint: sshd.hostKeyFingerprint, keyType: sshd.hostKeyType })
  return store
}

export function makePool(sshd: SshdServer, overrides: Partial<SshPoolOptions> = {}): SshPool {
  return new SshPool({
    auth: { kind: 'key', privateKeyPath: sshd.keyPath },
    hostKeys: pinnedStore(sshd),
    defaultUser: sshd.user,
    defaultPort: sshd.port,
    connectTimeoutMs: 5_000,
    ...overrides
  })
}

/** ESTABLISHED TCP connections (either direction) that have `port` on one end, from /proc/net/tcp. */
export async function establishedOnPort(port: number): Promise<number> {
  const hex = port.toString(16).toUpperCase().padStart(4, '0')
  const text = await readFile('/proc/net/tcp', 'utf8')
  return text
    .split('\n')
    .slice(1)
    .filter((line) => {
      const cols = line.trim().split(/\s+/)
      if (cols.length < 4 || cols[3] !== '01') return false
      return cols[1]?.endsWith(`:${hex}`) === true || cols[2]?.endsWith(`:${hex}`) === true
    }).length
}

/** Pids whose argv equals `argv` exactly (zombies have an empty cmdline and do not count). */
export async function pidsRunning(argv: readonly string[]): Promise<number[]> {
  const want = `${argv.join('\0')}\0`
  const out: number[] = []
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      if ((await readFile(`/proc/${name}/cmdline`, 'utf8')) === want) out.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  return out
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  await sharedWaitFor(check, { timeoutMs, intervalMs: 25, what })
}
