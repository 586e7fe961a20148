// The browser bridge: a 127.0.0.1-only HTTP server that runs a real app core (demo simulator in a
// temp userData dir, or an existing settings dir) and serves the built renderer, so the dashboard
// runs in any browser for development, end-to-end tests and benchmarks.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { type AppCore, type AppCoreTimings, createAppCore } from '../core'
import { demoClusterFrom, demoSshOptions } from '../core/app/default-demo'
import { createDemoSshIdentity } from '../core/app/demo-ssh'
import { createJsonFileSettingsStore } from '../core/settings/json-file-settings-store'
import { type Simulator, type SimulatorOptions, startSimulator } from '../core/simulator'
import { createEncryptedVault } from '../core/vault/encrypted-vault'
import { createJsonFileRecordStore, createKeyFileCipherBackend } from '../core/vault/key-file-backend'
import { createRequestHandler } from './http-handler'
import { newToken } from './security'

export interface BridgeOptions {
  /** Built renderer; default `out/renderer` under the current directory. */
  readonly rendererDir?: string
  /** 0 (default) = any free port. */
  readonly port?: number
  /** Keep settings and secrets here; default: a fresh temp dir, removed on close. */
  readonly userDataDir?: string
  /** Options of the demo simulator the core starts when no cluster is configured. */
  readonly simulator?: SimulatorOptions
  readonly timings?: Partial<AppCoreTimings>
  readonly logger?: (line: string) => void
}

export interface Bridge {
  /** `http://127.0.0.1:<port>/#token=…` — open this. */
  readonly url: string
  readonly origin: string
  readonly token: string
  readonly core: AppCore
  /** The demo simulator while the core runs one (null with configured clusters). */
  readonly sim: Simulator | null
  readonly userDataDir: string
  /** URLs the core asked to open in the browser (the bridge opens none; tests read what would have opened). */
  readonly opened: readonly string[]
  close(): Promise<void>
}

export async function startBridge(opts: BridgeOptions = {}): Promise<Bridge> {
  const log = opts.logger ?? (() => {})
  const ownDir = opts.userDataDir === undefined
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'pve-tray-bridge-'))
  const token = newToken()
  let sim: Simulator | null = null
  const opened: string[] = []

  const core = createAppCore({
    settingsStore: createJsonFileSettingsStore(join(dir, 'settings.json')),
    vault: createEncryptedVault(createKeyFileCipherBackend(join(dir, 'vault.key')), createJsonFileRecordStore(join(dir, 'secrets.json'))),
    platform: {
      openExternal: async (url) => {
        opened.push(url)
        log(`bridge: would open ${url}`)
      },
      setStartAtLogin: async (enabled) => log(`bridge: start at login ${enabled ? 'on' : 'off'} (not applied in the browser bridge)`)
    },
    startDemo: async () => {
      const identity = createDemoSshIdentity()
      const s = await startSimulator({ seed: 1, ...demoSshOptions(identity), ...opts.simulator })
      sim = s
      return demoClusterFrom(s, identity, async () => {
        if (sim === s) sim = null
        await s.close()
      })
    },
    sshKnownHostsPath: join(dir, 'known_hosts'),
    logger: log,
    ...(opts.timings === undefined ? {} : { timings: opts.timings })
  })

  const streams = new Set<ServerResponse>()
  let port = 0
  const server = createServer(createRequestHandler({ core, token, port: () => port, rendererDir: resolve(opts.rendererDir ?? 'out/renderer'), streams }))
  try {
    await core.start()
    await new Promise<void>((res, rej) => {
      server.once('error', rej)
      server.listen(opts.port ?? 0, '127.0.0.1', () => res())
    })
  } catch (e) {
    await core.stop().catch(() => undefined)
    if (ownDir) rmSync(dir, { recursive: true, force: true })
    throw e
  }
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  let closing: Promise<void> | null = null

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    core,
    get sim() {
      return sim
    },
    userDataDir: dir,
    opened,
    close() {
      closing ??= (async () => {
        for (const s of streams) s.end()
        server.closeAllConnections()
        await new Promise<void>((res) => server.close(() => res()))
        await core.stop()
        if (ownDir) rmSync(dir, { recursive: true, force: true })
      })()
      return closing
    }
  }
}
