// A Proxmox simulator in a process of its own, so a bench measures only the app's process (the server's
// JSON encoding and gzip would otherwise count against the app). Started by bench/support/sim-child.ts:
//   node --import bench/ts-hooks.mjs bench/support/sim-process.ts '{"nodes":50,"guests":5000,...}'
// Prints one JSON line (endpoints, token, CA), then answers one JSON line per line read on stdin:
//   "stats" → { bytes, resources }   bytes written on the wire, /cluster/resources answers so far
//   "churn" → flips a few guests' power state, as users and HA do on a live cluster
import { createInterface } from 'node:readline'

import { demoCluster, generateCluster, startSimulator } from '../../src/main/core/simulator'

interface Options {
  readonly nodes?: number
  readonly guests?: number
  readonly demo?: boolean
  readonly statsIntervalMs: number
}

const opts = JSON.parse(process.argv[2] ?? '{}') as Options
const cluster = opts.demo === true ? demoCluster() : generateCluster({ nodes: opts.nodes ?? 3, guests: opts.guests ?? 30, seed: 7 })
const sim = await startSimulator({ cluster, statsIntervalMs: opts.statsIntervalMs, authDelayMs: 0, offlineAfterMs: 60_000, seed: 7 })

let churned = 0
function churn(): void {
  for (let k = 0; k < 5; k++) {
    const all = sim.cluster.guests()
    const g = all[(churned++ * 37) % all.length]
    if (g && !g.template && !g.lock) sim.cluster.updateGuest(g.vmid, { status: g.status === 'running' ? 'stopped' : 'running' })
  }
}

process.stdout.write(`${JSON.stringify({ endpoints: sim.endpoints, tokenId: sim.tokens.admin.id, tokenSecret: sim.tokens.admin.secret, caPem: sim.caPem })}\n`)
const rl = createInterface({ input: process.stdin })
rl.on('line', (line) => {
  if (line === 'churn') churn()
  const resources = sim.requests({ path: '/cluster/resources' }).length
  process.stdout.write(`${JSON.stringify({ bytes: sim.bytesSent(), resources })}\n`)
})
rl.on('close', () => void sim.close().then(() => process.exit(0)))
