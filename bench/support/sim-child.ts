// Starts bench/support/sim-process.ts and talks to it (see there).
import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface SimInfo {
  readonly endpoints: ReadonlyArray<{ node: string; host: string; port: number; fingerprint256: string }>
  readonly tokenId: string
  readonly tokenSecret: string
  readonly caPem: string
}
export interface SimStats {
  readonly bytes: number
  readonly resources: number
}
export interface SimChild {
  readonly info: SimInfo
  stats(): Promise<SimStats>
  churn(): Promise<SimStats>
  close(): Promise<void>
}

const here = dirname(fileURLToPath(import.meta.url))

export async function startSimChild(opts: { nodes?: number; guests?: number; demo?: boolean; statsIntervalMs: number }): Promise<SimChild> {
  // The server is not what is measured: it runs from the sources (through the TypeScript hooks) also when
  // this file is bundled into out/bench, found from the repository root (benches run there).
  const dir = import.meta.url.endsWith('.mjs') ? resolve('bench/support') : here
  const args = ['--import', join(dir, '..', 'ts-hooks.mjs'), join(dir, 'sim-process.ts')]
  const child: ChildProcess = spawn(process.execPath, [...args, JSON.stringify(opts)], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const lines = createInterface({ input: child.stdout! })
  const waiting: Array<(line: string) => void> = []
  lines.on('line', (l) => waiting.shift()?.(l))
  const next = (): Promise<string> => new Promise((resolve) => waiting.push(resolve))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const info = JSON.parse(await Promise.race([next(), exited.then(() => Promise.reject(new Error('simulator process ended before it started')))])) as SimInfo
  const ask = async (cmd: string): Promise<SimStats> => {
    const answer = next()
    child.stdin!.write(`${cmd}\n`)
    return JSON.parse(await answer) as SimStats
  }
  return {
    info,
    stats: () => ask('stats'),
    churn: () => ask('churn'),
    async close() {
      child.stdin!.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
  }
}
