// Thousands of random and hostile payloads on every channel: each answer is {ok:false} with an error,
// nothing crashes, and nothing changes (settings file bytes, simulator request counts).
import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { invokeChannelNames } from '../../../../src/shared/ipc/channels'
import { clusterInput, type Harness, makeHarness, until } from '../app/app-core-harness'

let sim: Simulator
let h: Harness

// Deterministic PRNG so a failure can be replayed.
let seed = 0x9e3779b9
function rnd(): number {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 0x1_0000_0000
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T

const HOSTILE_STRINGS = [
  '../../etc',
  'a;rm -rf /',
  '$(reboot)',
  '`id`',
  '\u0000',
  'x'.repeat(1024 * 1024),
  '<script>alert(1)</script>',
  '',
  ' ',
  '%2e%2e%2f',
  'pve-a\nHost: evil',
  '__proto__',
  'constructor'
]
const HOSTILE_NUMBERS = [NaN, Infinity, -Infinity, -1, -100, 1.5, 2 ** 53, -(2 ** 31), 1e308]

function randomValue(depth: number): unknown {
  const r = rnd()
  if (depth > 3 || r < 0.3) return pick<unknown>([...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, true, false, null, undefined, [], {}])
  if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(depth + 1))
  const o: Record<string, unknown> = {}
  const keys = [
    'clusterId',
    'node',
    'vmid',
    'kind',
    'action',
    'host',
    'port',
    'tokenId',
    'tokenSecret',
    'endpoints',
    'mode',
    'name',
    'target',
    'minutes',
    'guests',
    'batchId',
    '__proto__',
    'constructor',
    'prototype',
    'url',
    'extra'
  ]
  for (let i = 0; i < 1 + Math.floor(rnd() * 5); i++)
    Object.defineProperty(o, pick(keys), { value: randomValue(depth + 1), enumerable: true, configurable: true, writable: true })
  return o
}

/** Near-valid payloads with one hostile part: these reach zod's inner checks, not just the top-level type. */
function nearValid(channel: string, clusterId: string): unknown {
  // Values no field accepts (free-text fields such as a cluster name accept '../../etc' legitimately).
  const bad = pick<unknown>(['x'.repeat(1024 * 1024), '', ' ', ...HOSTILE_NUMBERS, null, {}, [], { __proto__: { polluted: 1 } }])
  const guest = { clusterId, node: 'pve-a', kind: 'qemu', vmid: 108 }
  const base: Record<string, Record<string, unknown>> = {
    'guests:action': { ...guest, action: 'start' },
    'guests:bulk-action': { action: 'reboot', guests: [guest, { ...guest, vmid: 110, node: 'pve-c' }] },
    'guests:bulk-cancel': { batchId: 'b1' },
    'guests:set-alerts': { clusterId, vmid: 108, enabled: true },
    'mute:set': { target: { clusterId, node: 'pve-a' }, mode: 'always' },
    'nodes:rrd': { clusterId, node: 'pve-a', timeframe: 'hour' },
    'nodes:health': { clusterId, node: 'pve-a' },
    'tasks:list': { clusterId, limit: 5 },
    'notifications:pause': { minutes: 5 },
    'settings:update': { pollIntervalSec: 10 },
    'settings:save-cluster': clusterInput(sim),
    'settings:remove-cluster': { clusterId },
    'onboarding:probe-certificate': { host: '127.0.0.1', port: 8006 },
    'onboarding:test-connection': { endpoint: { host: '127.0.0.1', port: 8006 }, tokenId: 'a@pve!b', tokenSecret: 'x' },
    'ssh:trust-host-key': { clusterId, node: 'pve-a', fingerprint: 'SHA256:' + 'A'.repeat(43) },
    'ssh:forget-host-key': { clusterId, node: 'pve-a' },
    'ssh:test': { clusterId, node: 'pve-a' },
    'ssh:known-hosts': { clusterId },
    'ssh:import-known-host': { clusterId, node: 'pve-a', fingerprint: 'SHA256:' + 'A'.repeat(43) },
    'app:open-web-ui': { clusterId, vmid: 100, console: true },
    'guests:addresses': { clusterId, vmid: 100 },
    'guests:show-figures': { all: false, guests: [{ clusterId, vmid: 100 }] },
    'clusters:refresh': { clusterId },
    'backups:info': { clusterId, refresh: true },
    'tasks:cluster': { clusterId, limit: 5 },
    'tasks:log': { clusterId, upid: 'UPID:pve-a:00001234:00000001:5F000000:qmstart:100:root@pam:', start: 0, limit: 10 },
    'upkeep:get': { clusterId },
    'upkeep:check': { clusterId, node: 'pve-a' }
  }
  const b = base[channel] ?? {}
  const keys = Object.keys(b)
  const out: Record<string, unknown> = { ...b }
  if (keys.length === 0 || rnd() < 0.3) Object.defineProperty(out, pick(['__proto__', 'constructor', 'url', 'extra']), { value: bad, enumerable: true })
  else out[pick(keys)] = bad
  return out
}

let clusterId = ''
beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, taskDurationMs: 100, seed: 9 })
  h = makeHarness({ timings: { taskPollMs: 50, pollIntervalMs: 3_600_000, connectTimeoutMs: 1000, upkeepTickMs: 3_600_000 } })
  const r = await h.core.dispatch('settings:save-cluster', clusterInput(sim))
  if (!r.ok) throw new Error(r.error.message)
  clusterId = (r.value as { clusters: { id: string }[] }).clusters[0]?.id ?? ''
  await h.core.start()
  await until(() => h.core.getState().clusters[0]?.fetchedAt !== null)
  await new Promise((r2) => setTimeout(r2, 300))
})
afterAll(async () => {
  await h?.cleanup()
  await sim?.close()
})

describe('IPC fuzz', () => {
  it('refuses every hostile payload on every channel and changes nothing', async () => {
    const settingsBefore = readFileSync(h.settingsPath)
    const secretsBefore = readFileSync(h.secretsPath)
    const requestsBefore = sim.requests().length
    let count = 0
    for (const channel of invokeChannelNames) {
      for (let i = 0; i < 150; i++) {
        const payload = i % 2 === 0 ? randomValue(0) : nearValid(channel, clusterId)
        // Payloads that happen to be valid for parameterless channels are not hostile: skip those.
        // (An object whose values are all undefined is `{}` once cloned across IPC.)
        if (
          payload === undefined ||
          (typeof payload === 'object' && payload !== null && !Array.isArray(payload) && Object.values(payload).every((v) => v === undefined))
        )
          continue
        const r = await h.core.dispatch(channel, payload)
        count++
        expect(r.ok, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false)
        if (!r.ok) {
          expect(typeof r.error.code).toBe('string')
          expect(r.error.message.length).toBeGreaterThan(0)
        }
      }
    }
    // Unknown channels and non-string channel names.
    for (const ch of ['__proto__', 'constructor', 'toString', 'settings:get ', '', 42, null, { toString: 'x' }]) {
      const r = await h.core.dispatch(ch as string, {})
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
    // A cyclic object and a deeply nested one.
    const cyc: Record<string, unknown> = { clusterId }
    cyc.self = cyc
    let deep: unknown = 'x'
    for (let i = 0; i < 10_000; i++) deep = [deep]
    for (const p of [cyc, deep]) expect((await h.core.dispatch('guests:action', p)).ok).toBe(false)
    expect(count).toBeGreaterThan(2000)
    expect(readFileSync(h.settingsPath).equals(settingsBefore)).toBe(true)
    expect(readFileSync(h.secretsPath).equals(secretsBefore)).toBe(true)
    expect(sim.requests().length).toBe(requestsBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 120_000)
})
