import { createRng, pick } from './prng'
import type { SimClusterSpec, SimGuestSpec, SimNodeSpec } from './types'

export interface ClusterGeneratorOptions {
  nodes: number
  guests: number
  seed?: number
}

const GiB = 1024 ** 3
const ROLES = ['web', 'db', 'cache', 'worker', 'api', 'build', 'mq', 'proxy', 'mon', 'dev']
const TAGS = ['prod', 'staging', 'dev', 'web', 'db', 'k8s', 'ci', 'backup']

/** A big synthetic cluster for benchmarks (e.g. 50 nodes, 5000 guests); deterministic for a seed. */
export function generateCluster(o: ClusterGeneratorOptions): SimClusterSpec {
  const rng = createRng(o.seed ?? 42)
  const nodes: SimNodeSpec[] = []
  for (let i = 0; i < o.nodes; i++) {
    nodes.push({
      name: `node${String(i + 1).padStart(2, '0')}`,
      level: i % 7 === 6 ? '' : 'c',
      maxcpu: pick(rng, [16, 32, 64, 128]),
      maxmem: pick(rng, [128, 256, 512]) * GiB,
      maxdisk: 100 * GiB
    })
  }
  const guests: SimGuestSpec[] = []
  for (let i = 0; i < o.guests; i++) {
    const node = nodes[i % Math.max(1, nodes.length)]
    if (!node) break
    const type = rng() < 0.7 ? 'qemu' : 'lxc'
    const r = rng()
    const status = r < 0.75 ? 'running' : r < 0.77 && type === 'qemu' ? 'paused' : 'stopped'
    const g: SimGuestSpec = {
      vmid: 100 + i,
      type,
      node: node.name,
      name: `${pick(rng, ROLES)}-${String(i).padStart(4, '0')}`,
      status,
      maxcpu: pick(rng, [1, 2, 4, 8]),
      maxmem: pick(rng, [1, 2, 4, 8, 16]) * GiB,
      maxdisk: pick(rng, [8, 32, 64, 128]) * GiB,
      load: rng() * 0.7
    }
    if (rng() < 0.6) g.tags = [...new Set([pick(rng, TAGS), pick(rng, TAGS)])].sort().join(';')
    if (rng() < 0.1) g.hastate = status === 'running' ? 'started' : 'stopped'
    if (rng() < 0.01) g.lock = 'backup'
    if (rng() < 0.01 && status === 'stopped') g.template = true
    guests.push(g)
  }
  return {
    name: 'bench',
    nodes,
    guests,
    storages: [
      { storage: 'local', plugintype: 'dir', content: 'backup,iso,vztmpl', shared: false, maxdisk: 98 * GiB, used: 0.3 },
      { storage: 'local-lvm', plugintype: 'lvmthin', content: 'images,rootdir', shared: false, maxdisk: 2000 * GiB, used: 0.5 },
      { storage: 'ceph', plugintype: 'rbd', content: 'images,rootdir', shared: true, maxdisk: 100_000 * GiB, used: 0.6 }
    ],
    pools: [],
    tasks: []
  }
}
