// Test side: builds the stand-in once, then runs the BUILT app (out/main/index.js) in a child Node
// process with it, and talks to it over the child-process IPC channel.
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { build } from 'vite'

import { waitFor } from '../helpers/wait-for'
import type { CallRecord } from './electron'
import type { ChildMessage, Command, MenuItemView, NotificationView, TrayView, WindowView } from './protocol'

export const root = join(import.meta.dirname, '../..')
const outDir = join(root, 'test-results', 'electron-standin')
export const builtMain = join(root, 'out', 'main', 'index.js')

let built: Promise<void> | null = null
/** Bundles the stand-in (TypeScript) into plain ESM that `node --import` can load. */
export function buildStandIn(): Promise<void> {
  built ??= build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: {
          electron: join(import.meta.dirname, 'electron.ts'),
          register: join(import.meta.dirname, 'register.ts'),
          hooks: join(import.meta.dirname, 'hooks.ts')
        },
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        preserveEntrySignatures: 'strict',
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
      }
    }
  }).then(() => undefined)
  return built
}

/** The suite tests what was built: refuse a build older than the sources it came from. */
function assertFreshBuild(): void {
  if (!existsSync(builtMain)) throw new Error(`${builtMain} is missing: run npm run build:app first (npm test does)`)
  const built = statSync(builtMain).mtimeMs
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|css|html)$/.test(e.name))
      .reduce((m, e) => Math.max(m, statSync(join(e.parentPath, e.name)).mtimeMs), 0)
  const src = Math.max(newest(join(root, 'src', 'main')), newest(join(root, 'src', 'preload')), newest(join(root, 'src', 'shared')))
  if (src > built) throw new Error(`${builtMain} is older than the sources: run npm run build:app first (npm test does)`)
}

export interface LaunchOptions {
  readonly platform?: NodeJS.Platform
  readonly packaged?: boolean
  readonly lockDenied?: boolean
  readonly switches?: readonly string[]
  readonly env?: Record<string, string>
}

export interface StandInApp {
  readonly child: ChildProcess
  readonly userData: string
  readonly home: string
  call<T = unknown>(cmd: Command): Promise<T>
  ready(): Promise<void>
  calls(): Promise<CallRecord[]>
  tray(): Promise<TrayView | null>
  notifications(): Promise<NotificationView[]>
  windows(): Promise<WindowView[]>
  /** Resolves when the process has ended on its own. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** The exit code the app passed to app.exit(), once it did. */
  exitCode(): number | null
  /** Everything the app did to Electron, as sent with app.exit(). */
  finalCalls(): readonly CallRecord[]
  /** process.getActiveResourcesInfo() when the app called app.exit(). */
  openAtExit(): readonly string[]
  output(): string
  /** Kills the process if it is still running and removes its profile. */
  dispose(): Promise<void>
}

export async function launchStandIn(o: LaunchOptions = {}): Promise<StandInApp> {
  assertFreshBuild()
  await buildStandIn()
  const home = mkdtempSync(join(tmpdir(), 'pve-tray-standin-home-'))
  const userData = join(home, 'profile')
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('PVE_TRAY_') && !k.startsWith('ELECTRON_') && k !== 'NODE_OPTIONS') env[k] = v
  Object.assign(env, {
    HOME: home,
    ELECTRON_STANDIN_USER_DATA: userData,
    ELECTRON_STANDIN_APP_PATH: root,
    ELECTRON_STANDIN_RESOURCES: join(root, 'resources'),
    ...(o.platform ? { ELECTRON_STANDIN_PLATFORM: o.platform } : {}),
    ...(o.packaged ? { ELECTRON_STANDIN_PACKAGED: '1' } : {}),
    ...(o.lockDenied ? { ELECTRON_STANDIN_LOCK: 'denied' } : {}),
    ...(o.switches ? { ELECTRON_STANDIN_SWITCHES: o.switches.join(',') } : {}),
    ...o.env
  })
  const child = fork(builtMain, [], {
    cwd: root,
    env,
    execArgv: ['--import', join(outDir, 'register.mjs')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc']
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  let nextId = 1
  let appExit: number | null = null
  let exitCalls: readonly CallRecord[] = []
  let openAtExit: readonly string[] = []
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  child.on('message', (m: ChildMessage) => {
    if ('type' in m) {
      appExit = m.code
      exitCalls = m.calls
      openAtExit = m.openAtExit
      return
    }
    const p = pending.get(m.id)
    pending.delete(m.id)
    if (!p) return
    if (m.ok) p.resolve(m.value)
    else p.reject(new Error(m.error))
  })
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  )
  void ended.then(() => {
    for (const p of pending.values()) p.reject(new Error(`the app process ended; its output:\n${out}`))
    pending.clear()
  })
  const call = <T>(cmd: Command): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`the app process is not connected; its output:\n${out}`))
      const id = nextId++
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      child.send({ id, cmd })
    })
  return {
    child,
    userData,
    home,
    call,
    ready: () => call({ op: 'ready' }),
    calls: () => call({ op: 'calls' }),
    tray: () => call({ op: 'tray' }),
    notifications: () => call({ op: 'notifications' }),
    windows: () => call({ op: 'windows' }),
    ended,
    exitCode: () => appExit,
    finalCalls: () => exitCalls,
    openAtExit: () => openAtExit,
    output: () => out,
    async dispose(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await ended
      }
      rmSync(home, { recursive: true, force: true })
    }
  }
}

export function flattenMenu(items: readonly MenuItemView[] | null | undefined): MenuItemView[] {
  return (items ?? []).flatMap((i) => [i, ...flattenMenu(i.submenu)])
}

export function until<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  return waitFor(fn, { what, timeoutMs })
}
