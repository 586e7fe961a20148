// Types for electron-launch.mjs (plain JavaScript so it runs before anything is built).
import type { spawnSync } from 'node:child_process'

export type BinaryState = { ok: true; path: string; version: string } | { ok: false; reason: string; version: string | null }
export function electronPackageDir(from?: string): string | null
export function electronBinaryState(pkgDir: string, env?: NodeJS.ProcessEnv): BinaryState
export function installFailureReason(stderr: string): string
export function ensureElectronBinary(o: { pkgDir: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void; run?: typeof spawnSync }): BinaryState
export function missingBinaryLine(state: BinaryState & { ok: false }): string
export function linuxStartProblem(o: {
  platform?: NodeJS.Platform
  uid?: number
  env?: NodeJS.ProcessEnv
  distDir: string
  userNamespacesWork?: () => boolean
  rootRunsWithoutSandbox?: boolean
}): string | null
