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
  // A volume's content type and guest kind: pvesm and the web UI read them (Storage/Content.pm index).
  '/nodes/{node}/storage/{storage}/content': ['content', 'subtype'],
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
      .replace('{storage}', 'nfs-backup')
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

  test('every served endpoint takes its permission check, proxying and parameters from the official schema', () => {
    const strip = (o: unknown): unknown =>
      Array.isArray(o)
        ? o.map(strip)
        : o !== null && typeof o === 'object'
          ? Object.fromEntries(
              Object.entries(o)
                .filter(([k]) => !['description', 'typetext', 'format_description', 'verbose_description'].includes(k))
                .map(([k, v]) => [k, strip(v)])
            )
          : o
    for (const [key, info] of Object.entries(apiSubset as Record<string, { permissions: unknown; parameters: unknown; proxyto?: string }>)) {
      const [method = '', path = ''] = key.split(' ')
      const official = schema.get(path)?.info?.[method] as { permissions: unknown; parameters: unknown; proxyto?: string | null } | undefined
      expect(official, `schema has ${key}`).toBeDefined()
      expect(info.permissions, key).toEqual(strip(official?.permissions))
      expect(info.proxyto ?? null, key).toEqual(official?.proxyto ?? null)
      expect(Object.keys((info.parameters as { properties?: object }).properties ?? {}).sort(), key).toEqual(
        Object.keys((official?.parameters as { properties?: object } | undefined)?.properties ?? {}).sort()
      )
    }
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

describe('HA status and Ceph health (the app reads them at the slow cadence)', () => {
  test('/cluster/ha/status/current: quorum, the manager, one LRM per node, one service per HA guest', async () => {
    const items = await get<Record<string, unknown>[]>(sim, '/cluster/ha/status/current')
    expect(items.filter((i) => i.type === 'quorum')).toEqual([{ id: 'quorum', type: 'quorum', node: 'pve-a', status: 'OK', quorate: 1 }])
    expect(items.find((i) => i.type === 'master')).toMatchObject({ id: 'master', node: 'pve-a', status: expect.stringMatching(/^pve-a \(active, /) })
    expect(items.filter((i) => i.type === 'lrm').map((i) => i.id)).toEqual(['lrm:pve-a', 'lrm:pve-b', 'lrm:pve-c', 'lrm:pve-d'])
    const haGuests = sim.cluster.guests().filter((g) => g.hastate !== undefined)
    const services = items.filter((i) => i.type === 'service')
    expect(services).toHaveLength(haGuests.length)
    for (const sv of services) expect(sv.status).toBe(`${String(sv.sid)} (${String(sv.node)}, ${String(sv.state)})`)
  })

  test('an HA resource set to error shows as error in both HA status and /cluster/resources', async () => {
    sim.cluster.updateGuest(101, { hastate: 'error' })
    try {
      const items = await get<Record<string, unknown>[]>(sim, '/cluster/ha/status/current')
      expect(items.find((i) => i.sid === 'vm:101')).toMatchObject({ state: 'error', crm_state: 'error', request_state: 'started' })
      const res = await get<Record<string, unknown>[]>(sim, '/cluster/resources')
      expect(res.find((i) => i.vmid === 101)?.hastate).toBe('error')
    } finally {
      sim.cluster.updateGuest(101, { hastate: 'started' })
    }
  })

  test('/cluster/ceph/status: health with its checks; without Ceph the call fails as on a node without pveceph', async () => {
    const st = await get<{ health: { status: string; checks: Record<string, { summary: { message: string } }> } }>(sim, '/cluster/ceph/status')
    expect(st.health.status).toBe('HEALTH_WARN')
    expect(st.health.checks.OSDMAP_FLAGS?.summary.message).toBe('noout flag(s) set')
    sim.cluster.setCeph(null)
    try {
      const r = await call(sim, 'GET', '/cluster/ceph/status')
      expect(r.status).toBe(500)
      expect((r.json as { message: string }).message).toMatch(/^binary not installed: \/usr\/bin\/ceph-mon/)
    } finally {
      sim.cluster.setCeph({ health: 'HEALTH_WARN', checks: { OSDMAP_FLAGS: { severity: 'HEALTH_WARN', summary: 'noout flag(s) set' } } })
    }
  })

  test('both check their privilege on / as the schema says (HA: Sys.Audit; Ceph: Sys.Audit or Datastore.Audit)', async () => {
    const t = sim.cluster.addToken({ id: 'storeonly@pve!tray', acls: [{ path: '/', privs: ['Datastore.Audit'] }] })
    expect((await call(sim, 'GET', '/cluster/ha/status/current', { token: t })).status).toBe(403)
    expect((await call(sim, 'GET', '/cluster/ceph/status', { token: t })).status).toBe(200)
    const none = sim.cluster.addToken({ id: 'vmsonly@pve!tray', acls: [{ path: '/vms', privs: ['VM.Audit'] }] })
    expect((await call(sim, 'GET', '/cluster/ceph/status', { token: none })).status).toBe(403)
  })
})
