// One cached /access/permissions: read once, shared, read again when old, after a refusal, never in a storm.
import { describe, expect, it } from 'vitest'

import { createPermissionsCache, PERMISSIONS_REFRESH_MS } from '../../../../src/main/core/clusters/permissions-cache'
import type { Permissions } from '../../../../src/main/core/clusters/privileges'

function setup(answers: (Permissions | Error)[]): {
  cache: ReturnType<typeof createPermissionsCache>
  reads: () => number
  clock: { t: number }
  changes: () => number
} {
  const clock = { t: 1_000_000 }
  let reads = 0
  let changes = 0
  const cache = createPermissionsCache(
    async () => {
      const a = answers[Math.min(reads, answers.length - 1)]
      reads++
      if (a instanceof Error || a === undefined) throw a ?? new Error('no answer')
      return a
    },
    () => clock.t,
    () => void changes++
  )
  return { cache, reads: () => reads, clock, changes: () => changes }
}

const A: Permissions = { '/': { 'VM.Audit': true } }
const B: Permissions = { '/': { 'VM.Audit': true, 'VM.PowerMgmt': true } }

describe('permissions cache', () => {
  it('reads once and shares the answer; concurrent askers wait for the same read', async () => {
    const { cache, reads, changes } = setup([A])
    expect(cache.current()).toBeNull()
    const [x, y] = await Promise.all([cache.get(), cache.get()])
    expect(x).toBe(A)
    expect(y).toBe(A)
    expect(cache.current()).toBe(A)
    expect(reads()).toBe(1)
    expect(changes()).toBe(1)
  })

  it('reads again when old, and at once after a refusal (invalidate)', async () => {
    const { cache, reads, clock } = setup([A, B, A])
    await cache.get()
    clock.t += PERMISSIONS_REFRESH_MS - 1
    expect(await cache.get()).toBe(A)
    expect(reads()).toBe(1)
    clock.t += 1
    expect(await cache.get()).toBe(B)
    expect(reads()).toBe(2)
    cache.invalidate()
    expect(await cache.get()).toBe(A)
    expect(reads()).toBe(3)
  })

  it('keeps the last answer when a later read fails, and does not ask again for every guest meanwhile', async () => {
    const { cache, reads, clock } = setup([A, new Error('unreachable')])
    await cache.get()
    clock.t += PERMISSIONS_REFRESH_MS
    expect(await cache.get()).toBe(A)
    expect(reads()).toBe(2)
    for (let i = 0; i < 100; i++) expect(cache.current()).toBe(A)
    await Promise.resolve()
    expect(reads()).toBe(2)
    clock.t += 30_000
    cache.current()
    expect(reads()).toBe(3)
  })

  it('after a failed read, get() waits 30 s before reading again (no timeout per guest of a bulk check); invalidate() reads at once', async () => {
    const { cache, reads, clock } = setup([new Error('unreachable'), A])
    expect(await cache.get()).toBeNull()
    expect(reads()).toBe(1)
    clock.t += 29_999
    for (let i = 0; i < 20; i++) expect(await cache.get()).toBeNull()
    expect(reads()).toBe(1)
    cache.invalidate()
    expect(await cache.get()).toBe(A)
    expect(reads()).toBe(2)
  })

  it('says null (let Proxmox decide) while nothing could be read', async () => {
    const { cache } = setup([new Error('unreachable')])
    expect(await cache.get()).toBeNull()
    expect(cache.current()).toBeNull()
  })
})
