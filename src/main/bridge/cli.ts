// `npm run dev:web`: the dashboard in a browser, against the demo simulator (default) or a settings
// directory. Prints the one URL that works (it carries this run's token).
//   node out/bridge/cli.mjs [--port 5174] [--user-data <dir>] [--renderer out/renderer] [--fast] [--verbose]
import { parseArgs } from 'node:util'

import { startBridge } from './start-bridge'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'user-data': { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
    fast: { type: 'boolean', default: false },
    // Quiet by default: one line per API call is for debugging, not for someone looking at the dashboard.
    verbose: { type: 'boolean', default: false }
  }
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be 0..65535')
  process.exit(2)
}

const bridge = await startBridge({
  port,
  rendererDir: values.renderer,
  ...(values['user-data'] === undefined ? {} : { userDataDir: values['user-data'] }),
  // --fast: short demo timings, handy to watch tasks and node failures without waiting.
  ...(values.fast ? { simulator: { taskDurationMs: 800, offlineAfterMs: 800, authDelayMs: 200 }, timings: { pollIntervalMs: 2000, taskPollMs: 250 } } : {}),
  logger: values.verbose ? (line) => console.log(line) : () => {}
})

console.log(`\nPVE Tray dashboard: ${bridge.url}\n(127.0.0.1 only; the token in the link is required. Ctrl+C to stop.)`)
if (bridge.sim !== null) console.log(`Demo simulator nodes: ${bridge.sim.endpoints.map((e) => `${e.node}=127.0.0.1:${e.port}`).join(', ')}`)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  void bridge.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
