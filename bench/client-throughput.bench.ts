// Proxmox client overhead and connection reuse, against a local HTTPS server that behaves like pveproxy on the
// connection level (no Keep-Alive header, silent idle close, Connection: close on the 100th answer):
//  1. requests/second of PveClient.version() vs raw undici Pool.request on the same keep-alive connection (target >= 0.9x);
//     and CPU and wall time of /cluster/resources at 5,000 guests, gzipped, client vs raw (target <= 1.1x);
//  2. TCP connections opened for 1,000 sequential calls, without limits (target 1) and with pveproxy's
//     100-request limit (target 10, the minimum).
// Run: npm run bench client   (or node --import ./bench/ts-hooks.mjs bench/client-throughput.bench.ts)   (a missed target fails the run; BENCH_LENIENT=1 only reports it)
import { promisify } from 'node:util'
import { gunzip, gzipSync } from 'node:zlib'

import { RESOURCE_FIELDS } from '../src/main/core/monitor/parse-resources'
import { ResourceReader } from '../src/main/core/monitor/resource-reader'
import { FlatListScanner } from '../src/main/core/proxmox/flat-list-scanner'
import { PveClient } from '../src/main/core/proxmox/index'
import { generateCluster, startSimulator } from '../src/main/core/simulator/index'
import { pveJson, startTestServer } from '../tests/main/core/proxmox/helpers/test-https-server'

const TOKEN_ID = 'bench@pve!tray'
const SECRET = 'bench-secret-0000'
const VERSION = { data: { version: '9.1.1', release: '9.1', repoid: '0123456789abcdef' } }
const ROUNDS = 101
const CALLS = 100

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 })
}

async function timeSequential(n: number, call: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < n; i++) await call()
  return n / ((performance.now() - started) / 1000)
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

// ---- 1. throughput: client vs raw undici on the same keep-alive connection ----
const server = await startTestServer((_req, res) => pveJson(res, 200, VERSION), { idleCloseMs: 5000 })
const client = new PveClient({
  id: 'bench',
  name: 'bench',
  endpoints: [{ host: server.host, port: server.port, fingerprint256: server.fingerprint256 }],
  tokenId: TOKEN_ID,
  tokenSecret: SECRET
})
// Raw undici on the client's own keep-alive connection (same pool, same socket): the ratio is the client's overhead only.
const raw = client.dispatcherFor(client.config.endpoints[0]!)
const rawCall = async (): Promise<unknown> => {
  const res = await raw.request({
    path: '/api2/json/version',
    method: 'GET',
    headers: { authorization: `PVEAPIToken=${TOKEN_ID}=${SECRET}`, accept: 'application/json' }
  })
  return JSON.parse(await res.body.text()) as unknown
}
const clientCall = (): Promise<unknown> => client.version()

await timeSequential(300, rawCall)
await timeSequential(300, clientCall)
// Small alternating batches: load from other processes on the machine then hits both sides alike.
const rawRates: number[] = []
const clientRates: number[] = []
for (let r = 0; r < ROUNDS; r++) {
  rawRates.push(await timeSequential(CALLS, rawCall))
  clientRates.push(await timeSequential(CALLS, clientCall))
}
const rawRate = median(rawRates)
const clientRate = median(clientRates)
const ratio = median(rawRates.map((raw, i) => (clientRates[i] ?? 0) / raw))
await client.close()
await server.close()

console.log(`throughput, sequential GET /version, ${ROUNDS} alternating rounds of ${CALLS} calls per side (medians):`)
console.log(`  raw undici Pool.request : ${fmt(rawRate)} req/s`)
console.log(`  PveClient.version()     : ${fmt(clientRate)} req/s`)
console.log(`  ratio client/raw (median of per-round ratios): ${ratio.toFixed(2)}x   (target >= 0.90x) ${ratio >= 0.9 ? 'OK' : 'MISSED'}`)

// ---- 1b. /cluster/resources at 5,000 guests, gzipped as pveproxy sends it: client vs raw undici ----
// Raw does what any client must: ask for gzip, inflate, JSON.parse, read each item (the monitor's lenient
// reader). The client adds endpoint rules, deadlines and the sliced decoding. CPU and wall per call, medians.
const cluster = generateCluster({ nodes: 50, guests: 5000, seed: 7 })
const simForBody = await startSimulator({ cluster, authDelayMs: 0 })
const bodyClient = new PveClient({
  id: 'b',
  name: 'b',
  endpoints: [simForBody.endpoints[0]!],
  tokenId: simForBody.tokens.auditor.id,
  tokenSecret: simForBody.tokens.auditor.secret
})
const resourcesJson = JSON.stringify({ data: await bodyClient.clusterResourceItems((x) => x) })
await bodyClient.close()
await simForBody.close()
const gz = gzipSync(resourcesJson, { level: 9, memLevel: 9 })
const big = await startTestServer(
  (req, res) => {
    if (!/gzip/.test(req.acceptEncoding ?? '')) return pveJson(res, 200, JSON.parse(resourcesJson))
    res.writeHead(200, 'OK', { 'content-type': 'application/json;charset=UTF-8', 'content-encoding': 'gzip', 'content-length': gz.length })
    res.end(gz)
  },
  { idleCloseMs: 5000 }
)
const bigClient = new PveClient({
  id: 'b',
  name: 'b',
  endpoints: [{ host: big.host, port: big.port, fingerprint256: big.fingerprint256 }],
  tokenId: TOKEN_ID,
  tokenSecret: SECRET
})
const bigRaw = bigClient.dispatcherFor(bigClient.config.endpoints[0]!)
const gunzipAsync = promisify(gunzip)
// Each side keeps its reader from call to call, as the monitor keeps one per cluster.
const rawReader = new ResourceReader()
const rawResources = async (): Promise<number> => {
  const res = await bigRaw.request({
    path: '/api2/json/cluster/resources',
    method: 'GET',
    headers: { authorization: `PVEAPIToken=${TOKEN_ID}=${SECRET}`, accept: 'application/json', 'accept-encoding': 'gzip' }
  })
  const text = (await gunzipAsync(Buffer.from(await res.body.arrayBuffer()))).toString('utf8')
  return rawReader.finish((JSON.parse(text) as { data: unknown[] }).data.map((i) => rawReader.read(i))).guests.length
}
// As the monitor reads it: one reader and one scanner per cluster, kept from poll to poll.
const clientReader = new ResourceReader()
const clientScanner = new FlatListScanner(RESOURCE_FIELDS)
const clientResources = async (): Promise<number> =>
  clientReader.finish(await bigClient.clusterResourceItems((i) => clientReader.read(i), { scanner: clientScanner })).guests.length
async function measure(call: () => Promise<number>): Promise<{ cpu: number; wall: number }> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  if ((await call()) !== 5000) throw new Error('expected 5,000 guests')
  const used = process.cpuUsage(cpu0)
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - t0 }
}
for (let i = 0; i < 5; i++) {
  await measure(rawResources)
  await measure(clientResources)
}
const rawBig: { cpu: number; wall: number }[] = []
const clientBig: { cpu: number; wall: number }[] = []
for (let i = 0; i < 41; i++) {
  rawBig.push(await measure(rawResources))
  clientBig.push(await measure(clientResources))
}
await bigClient.close()
await big.close()
const cpuRatio = median(rawBig.map((r, i) => (clientBig[i]?.cpu ?? 0) / r.cpu))
const wallRatio = median(rawBig.map((r, i) => (clientBig[i]?.wall ?? 0) / r.wall))
console.log(`GET /cluster/resources, 5,000 guests, ${gz.length} bytes gzipped (${resourcesJson.length} plain), 41 alternating calls per side (medians):`)
console.log(
  `  raw undici + gunzip + JSON.parse + reader : CPU ${median(rawBig.map((r) => r.cpu)).toFixed(1)} ms, wall ${median(rawBig.map((r) => r.wall)).toFixed(1)} ms`
)
console.log(
  `  PveClient.clusterResourceItems + scanner: CPU ${median(clientBig.map((r) => r.cpu)).toFixed(1)} ms, wall ${median(clientBig.map((r) => r.wall)).toFixed(1)} ms`
)
console.log(
  `  ratio client/raw: CPU ${cpuRatio.toFixed(2)}x, wall ${wallRatio.toFixed(2)}x   (target <= 1.10x each) ${cpuRatio <= 1.1 && wallRatio <= 1.1 ? 'OK' : 'MISSED'}`
)

// ---- 2. TCP connections for 1,000 sequential calls ----
async function connectionsFor(maxRequestsPerSocket: number): Promise<number> {
  const srv = await startTestServer((_req, res) => pveJson(res, 200, VERSION), { idleCloseMs: 5000, maxRequestsPerSocket })
  const c = new PveClient({
    id: 'bench',
    name: 'bench',
    endpoints: [{ host: srv.host, port: srv.port, fingerprint256: srv.fingerprint256 }],
    tokenId: TOKEN_ID,
    tokenSecret: SECRET
  })
  try {
    for (let i = 0; i < 1000; i++) await c.version()
    return srv.connections()
  } finally {
    await c.close()
    await srv.close()
  }
}
const unlimited = await connectionsFor(0)
const limited = await connectionsFor(100)
console.log('TCP/TLS connections opened for 1,000 sequential calls to one endpoint:')
console.log(`  no server limit              : ${unlimited}   (target 1) ${unlimited === 1 ? 'OK' : 'MISSED'}`)
console.log(`  pveproxy 100-request limit   : ${limited}   (target 10, the minimum) ${limited === 10 ? 'OK' : 'MISSED'}`)

const missed = ratio < 0.9 || cpuRatio > 1.1 || wallRatio > 1.1 || unlimited !== 1 || limited !== 10
// A missed target fails the run (BENCH_LENIENT=1 only reports it, e.g. on a machine known to be loaded).
if (missed && process.env.BENCH_LENIENT !== '1') process.exit(1)
