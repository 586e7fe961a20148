// A call about node X that had to go through another endpoint and failed names node X, the endpoint it
// tried first and why, and the endpoint that gave the final answer (the client's error as the IPC layer
// turns it into the message the dashboard shows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { toIpcError } from '../../../../src/main/core/ipc/map-error'
import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { simClient } from '../proxmox/helpers/sim-client'

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 20, offlineAfterMs: 300, seed: 4 })
}, 60_000)

afterAll(async () => {
  await sim?.close()
})

describe('a node-scoped call that failed over', () => {
  it('names the node, the endpoint tried first with its reason, and the one that answered', async () => {
    const down = sim.endpoints.find((e) => e.node === 'pve-d')
    const { client } = simClient(sim, sim.tokens.admin)
    await sim.faults.nodeDown('pve-d', 'refuse')
    try {
      const err = await client.nodeStatus('pve-d').catch((e: unknown) => e)
      const ipc = toIpcError(err, [sim.tokens.admin.secret])
      expect(ipc.code).toBe('unreachable')
      expect(ipc.message).toMatch(/^Node pve-d: /)
      expect(ipc.message).toContain(`Tried first: ${down?.host}:${down?.port} (could not connect); then 127.0.0.1:`)
      expect(ipc.message).not.toContain(sim.tokens.admin.secret)
    } finally {
      await client.close()
      await sim.faults.nodeUp('pve-d')
    }
  })
})
