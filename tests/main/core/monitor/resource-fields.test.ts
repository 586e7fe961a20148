// The monitor reads /cluster/resources through the client's scanner, which hands over only RESOURCE_FIELDS: what it
// reads must be exactly what the general path (JSON.parse of the same answer) reads, and a guest whose figures
// alone moved keeps its record (its figures are read in place), while any field the tray or tracker shows renews it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseResources, RESOURCE_FIELDS } from '../../../../src/main/core/monitor/parse-resources'
import { ResourceReader } from '../../../../src/main/core/monitor/resource-reader'
import { PveClient } from '../../../../src/main/core/proxmox'
import { FlatListScanner } from '../../../../src/main/core/proxmox/flat-list-scanner'
import { generateCluster, type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import { withFigureValues } from './fixtures'

let sim: Simulator
let client: PveClient
beforeAll(async () => {
  sim = await startSimulator({ cluster: generateCluster({ nodes: 4, guests: 400, seed: 11 }), authDelayMs: 0 })
  const ep = sim.endpoints[0]!
  client = new PveClient({
    id: 'rf',
    name: 'Fields',
    tokenId: sim.tokens.admin.id,
    tokenSecret: sim.tokens.admin.secret,
    endpoints: [{ host: ep.host, port: ep.port, fingerprint256: ep.fingerprint256 }]
  })
})
afterAll(async () => {
  await client.close()
  await sim.close()
})

describe('RESOURCE_FIELDS', () => {
  it('are every field the reader reads: the scanner path gives what the text path gives, for nodes, guests and storage', async () => {
    // One answer, read both ways (the simulator's figures move with its clock).
    const raw = (await client.clusterResourceItems((x) => x)) as Record<string, unknown>[]
    const body = Buffer.from(JSON.stringify({ data: raw }))
    const reader = new ResourceReader()
    const scanned = await new FlatListScanner(RESOURCE_FIELDS).scan(body, (item) => reader.read(item))
    expect(scanned).not.toBeNull()
    const viaScanner = reader.finish(scanned ?? [])
    expect(withFigureValues(viaScanner)).toEqual(withFigureValues(parseResources(raw)))
    expect(viaScanner.guests.some((g) => g.figures.cpu !== null && g.figures.cpu > 0 && g.figures.uptime !== null)).toBe(true)
    expect(viaScanner.guests).toHaveLength(400)
    expect(viaScanner.guests.some((g) => g.tags.length > 0 && g.hastate !== null)).toBe(true)
  })
})

describe('a guest record', () => {
  const item = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'qemu/100',
    type: 'qemu',
    vmid: 100,
    node: 'pve-a',
    name: 'web',
    status: 'running',
    template: 0,
    tags: 'prod;web',
    maxcpu: 2,
    maxmem: 2048,
    maxdisk: 4096,
    cpu: 0.1,
    mem: 512,
    uptime: 100,
    hastate: 'started',
    pool: 'prod',
    ...over
  })

  it('keeps a guest whose figures alone moved, and renews one where any other field changed, as a fresh read has it', () => {
    const changes: Record<string, unknown>[] = [
      { node: 'pve-b' },
      { name: 'web-2' },
      { status: 'stopped' },
      { template: 1 },
      { tags: 'prod' },
      { maxcpu: 4 },
      { maxmem: 4096 },
      { maxdisk: 8192 },
      { lock: 'backup' },
      { hastate: 'error' },
      { pool: 'test' }
    ]
    for (const change of changes) {
      const reader = new ResourceReader()
      const first = reader.finish([reader.read(item())]).guests[0]
      expect(reader.finish([reader.read(item({ cpu: 0.9, mem: 900, uptime: 110 }))]).guests[0]).toBe(first)
      expect(first?.figures.cpu).toBe(0.9)
      const next = reader.finish([reader.read(item(change))]).guests[0]
      expect(next, JSON.stringify(change)).not.toBe(first)
      const fresh = new ResourceReader()
      expect(withFigureValues({ nodes: [], storage: [], guests: next === undefined ? [] : [next] })).toEqual(
        withFigureValues(fresh.finish([fresh.read(item(change))]))
      )
    }
  })
})
