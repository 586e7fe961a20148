import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { type Simulator, startSimulator } from '../../../../src/main/core/simulator'
import apiSubset from '../../../../src/main/core/simulator/api-subset.json'
import { checkValue, loadSchemaIndex, type SchemaNode } from './schema-check'
import { call, get } from './sim-client'

const schema = loadSchemaIndex()
let sim: Simulator
let upid = ''

// Fields real PVE sends although the schema's `returns` does not list them (reference §1, §6, §7).
const KNOWN_EXTRAS: Record<string, string[]> = {
  '/nodes': ['id', 'type', 'disk', 'maxdisk'],
  '/nodes/{node}/status': ['idle', 'kversion', 'wait', 'ksm', 'swap', 'uptime', 'mhz', 'flags', 'user_hz', 'vendor', 'family', 'hvm'],
  '/nodes/{node}/qemu': ['disk'],
  '/nodes/{node}/qemu/{vmid}/status/current': ['disk'],
  '/nodes/{node}/lxc': ['type', 'maxswap', 'swap', 'pid'],
  '/nodes/{node}/lxc/{vmid}/status/current': ['type', 'maxswap', 'swap', 'pid'],
  '/nodes/{node}/tasks/{upid}/status': ['tokenid'],
  '/nodes/{node}/tasks': ['tokenid'],
  '/cluster/tasks': ['node', 'pid', 'pstart', 'starttime', 'type', 'id', 'user', 'status', 'endtime', 'tokenid'],
  // The schema lists only `id`; PVE::API2::Replication status returns the job's config and its pvesr state.
  '/nodes/{node}/replication': [
    'guest',
    'jobnum',
    'type',
    'target',
    'source',
    'schedule',
    'vmtype',
    'disable',
    'last_sync',
    'last_try',
    'duration',
    'fail_count',
    'error',
    'next_sync'
  ]
}

beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 50, taskDurationMs: 50, seed: 7 })
  const t = sim.cluster.tasks().find((x) => x.node === 'pve-a' && x.status === 'stopped')
  upid = t?.upid ?? ''
})
afterAll(() => sim.close())

function concrete(path: string): string {
  const q = path.endsWith('/rrddata') ? '?timeframe=hour' : ''
  return (
    path
      .replace('{node}', 'pve-a')
      .replace('{upid}', encodeURIComponent(upid))
      .replace(/\/(qemu|lxc)\/\{vmid\}/, (_, k: string) => `/${k}/${k === 'qemu' ? 100 : 200}`) + q
  )
}

describe('§0 conformance: every GET endpoint the simulator serves matches the official schema returns', () => {
  const gets = Object.keys(apiSubset as Record<string, unknown>).filter((k) => k.startsWith('GET '))
  test.each(gets)('%s', async (key) => {
    const path = key.slice(4)
    const returns = schema.get(path)?.info?.GET?.returns
    expect(returns, `schema has ${path}`).toBeDefined()
    const r = await call(sim, 'GET', concrete(path))
    expect(r.status, r.reason).toBe(200)
    expect(r.headers['content-type']).toBe('application/json;charset=UTF-8')
    const body = r.json as { data: unknown }
    expect(Object.keys(body)).toContain('data')
    const problems: string[] = []
    const extras = new Set<string>()
    checkValue(body.data, returns as SchemaNode, 'data', problems, extras)
    expect(problems).toEqual([])
    const allowed = KNOWN_EXTRAS[path] ?? []
    expect([...extras].filter((k) => !allowed.includes(k))).toEqual([])
    if (Array.isArray(body.data)) expect(body.data.length).toBeGreaterThan(0)
  })

  test('§1 /cluster/resources items of every type carry their id format and JSON types', async () => {
    const items = await get<Record<string, unknown>[]>(sim, '/cluster/resources')
    const types = new Set(items.map((i) => i.type))
    for (const t of ['pool', 'qemu', 'lxc', 'node', 'storage', 'sdn', 'network']) expect(types).toContain(t)
    for (const i of items) {
      if (i.type === 'pool') expect(i.id).toBe(`/pool/${String(i.pool)}`)
      if (i.type === 'qemu' || i.type === 'lxc') {
        expect(i.id).toBe(`${String(i.type)}/${String(i.vmid)}`)
        expect(Number.isInteger(i.vmid)).toBe(true)
        expect([0, 1]).toContain(i.template)
      }
      if (i.type === 'node') expect(i.id).toBe(`node/${String(i.node)}`)
      if (i.type === 'storage') {
        expect(i.id).toBe(`storage/${String(i.node)}/${String(i.storage)}`)
        expect([0, 1]).toContain(i.shared)
      }
    }
  })
})
