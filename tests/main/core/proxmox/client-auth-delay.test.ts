import { afterAll, beforeAll, expect, test } from 'vitest'

import { AuthenticationError } from '../../../../src/main/core/proxmox'
import type { Simulator } from '../../../../src/main/core/simulator'
import { startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from './helpers/sim-client'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator() // real pveproxy timing: 401 answers are delayed 3 s
})
afterAll(async () => {
  await sim.close()
})

test('wrong secret with the real 3 s 401 delay: one request, AuthenticationError after the delay, no retry', async () => {
  const { client } = simClient(sim, { id: sim.tokens.auditor.id, secret: 'wrong-secret-0000' })
  try {
    const before = sim.requests().length
    const started = Date.now()
    const err = await client.clusterResources().catch((e: unknown) => e)
    const elapsed = Date.now() - started
    expect(err).toBeInstanceOf(AuthenticationError)
    expect(err).toMatchObject({ reason: 'failed', status: 401 })
    expect(elapsed).toBeGreaterThanOrEqual(2900)
    expect(sim.requests().length - before).toBe(1)
  } finally {
    await client.close()
  }
})
