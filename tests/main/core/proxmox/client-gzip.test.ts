// pveproxy gzips answers over 1 KB when asked: the client asks, inflates, and bounds the inflated size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MalformedResponseError, PveClient } from '../../../../src/main/core/proxmox'
import { FlatListScanner } from '../../../../src/main/core/proxmox/flat-list-scanner'
import { ResponseTooLargeError } from '../../../../src/main/core/proxmox/outcome-errors'
import { generateCluster, type Simulator, startSimulator } from '../../../../src/main/core/simulator'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ cluster: generateCluster({ nodes: 3, guests: 600, seed: 3 }), authDelayMs: 0 })
})
afterAll(async () => {
  await sim.close()
})

function client(maxResponseBytes?: number, from: Simulator = sim): PveClient {
  const ep = from.endpoints[0]!
  return new PveClient({
    id: 'gz',
    name: 'Gzip',
    tokenId: from.tokens.auditor.id,
    tokenSecret: from.tokens.auditor.secret,
    endpoints: [{ host: ep.host, port: ep.port, fingerprint256: ep.fingerprint256 }],
    ...(maxResponseBytes === undefined ? {} : { maxResponseBytes })
  })
}

describe('compressed answers', () => {
  it('asks for gzip, reads the same items, and moves a fraction of the bytes', async () => {
    const c = client()
    try {
      const before = sim.bytesSent()
      const items = await c.clusterResourceItems((x) => x)
      const wire = sim.bytesSent() - before
      const plain = Buffer.byteLength(JSON.stringify({ data: items }))
      expect(items.filter((i) => (i as { type?: string }).type === 'qemu' || (i as { type?: string }).type === 'lxc')).toHaveLength(600)
      // The simulator compresses only when the request says Accept-Encoding: gzip (as pveproxy does).
      expect(wire).toBeLessThan(plain / 3)
      // The validated call reads the same list.
      expect((await c.clusterResources()).length).toBe(items.length)
    } finally {
      await c.close()
    }
  })

  it('bounds the inflated size, not only the bytes on the wire (no decompression bomb)', async () => {
    const c = client(64 * 1024)
    try {
      await expect(c.clusterResourceItems((x) => x)).rejects.toBeInstanceOf(ResponseTooLargeError)
      await expect(c.clusterResourceItems((x) => x, { scanner: new FlatListScanner(['vmid']) })).rejects.toBeInstanceOf(ResponseTooLargeError)
    } finally {
      await c.close()
    }
  })

  it('reads the same items from the bytes with a scanner as from the text, and a broken answer fails alike', async () => {
    const c = client()
    const keys = ['type', 'vmid', 'node', 'name', 'status', 'cpu', 'mem', 'maxmem', 'uptime', 'tags', 'storage', 'disk']
    const copy = (item: unknown): Record<string, unknown> => {
      const r = item as Record<string, unknown>
      return Object.fromEntries(keys.map((k) => [k, r[k]]))
    }
    try {
      const scanner = new FlatListScanner(keys)
      // The simulator's figures move with time: two reads at the same instant of its clock are compared.
      const [fromText, fromBytes] = await Promise.all([c.clusterResourceItems(copy), c.clusterResourceItems(copy, { scanner })])
      expect(fromBytes).toHaveLength(fromText.length)
      const byId = (xs: Record<string, unknown>[]) => new Map(xs.map((x) => [`${String(x.type)}/${String(x.vmid ?? x.node)}/${String(x.storage)}`, x]))
      const text = byId(fromText)
      for (const [id, item] of byId(fromBytes))
        expect({ id, ...item, cpu: undefined, mem: undefined, uptime: undefined }).toEqual({
          id,
          ...text.get(id),
          cpu: undefined,
          mem: undefined,
          uptime: undefined
        })
      const fault = sim.faults.malformedJson({ path: '/api2/json/cluster/resources' })
      try {
        await expect(c.clusterResourceItems(copy, { scanner })).rejects.toBeInstanceOf(MalformedResponseError)
      } finally {
        fault.remove()
      }
    } finally {
      await c.close()
    }
  })
})

describe('large compressed answers (inflated into one buffer sized from the gzip trailer)', () => {
  it('reads them whole, and bounds their inflated size as well', async () => {
    const big = await startSimulator({ cluster: generateCluster({ nodes: 8, guests: 3000, seed: 5 }), authDelayMs: 0 })
    const [whole, bounded] = [client(undefined, big), client(512 * 1024, big)]
    try {
      const before = big.bytesSent()
      // The scanner lends each item: the map copies what it needs.
      const types = await whole.clusterResourceItems((x) => (x as { type?: string }).type, { scanner: new FlatListScanner(['type']) })
      // Larger than the smallest piece (64 KiB), inflated whole.
      expect(big.bytesSent() - before).toBeGreaterThan(64 * 1024)
      expect(types.filter((t) => t === 'qemu' || t === 'lxc')).toHaveLength(3000)
      await expect(bounded.clusterResourceItems((x) => x)).rejects.toBeInstanceOf(ResponseTooLargeError)
      await expect(bounded.clusterResourceItems((x) => x, { scanner: new FlatListScanner(['type']) })).rejects.toBeInstanceOf(ResponseTooLargeError)
      // Two large reads at once: the second does not get the reused buffer, so neither reads the other's bytes.
      const vmids = (x: unknown): unknown => (x as { vmid?: unknown }).vmid
      const reads = await Promise.all([0, 1, 2].map(() => whole.clusterResourceItems(vmids, { scanner: new FlatListScanner(['vmid']) })))
      for (const r of reads) expect(r.filter((v) => typeof v === 'number').sort()).toEqual(reads[0]?.filter((v) => typeof v === 'number').sort())
      expect(reads[0]?.filter((v) => typeof v === 'number')).toHaveLength(3000)
    } finally {
      await whole.close()
      await bounded.close()
      await big.close()
    }
  })
})
