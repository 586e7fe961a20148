import { describe, expect, it } from 'vitest'

import { type AppStateDelta, diffAppState } from '../../src/shared/state-delta'
import { createStateReplica } from '../../src/shared/state-replica'
import type { AppState } from '../../src/shared/views'

const state = (paused: number): AppState => ({ demo: false, clusters: [], events: [], notificationsPausedUntil: paused })
// Revision r has notificationsPausedUntil = r, so every delta is a real change.
const delta = (rev: number): AppStateDelta => diffAppState(state(rev - 1), state(rev), rev) as AppStateDelta

describe('createStateReplica', () => {
  it('starts from a whole state, then applies consecutive deltas and ignores old ones', () => {
    const r = createStateReplica()
    expect(r.onFull({ ...state(3), rev: 3 })).toEqual(state(3))
    expect(r.onDelta(delta(4))).toEqual({ kind: 'applied', state: state(4) })
    expect(r.onDelta(delta(4))).toEqual({ kind: 'ignored' })
    expect(r.onDelta(delta(2))).toEqual({ kind: 'ignored' })
    expect(r.rev).toBe(4)
  })

  it('asks for a resync on a gap, and applies the deltas that raced the answer', () => {
    const r = createStateReplica()
    r.onFull({ ...state(1), rev: 1 })
    expect(r.onDelta(delta(3))).toEqual({ kind: 'resync' })
    expect(r.rev).toBeNull()
    // While waiting: kept, and the caller may ask again (it fetches one at a time).
    expect(r.onDelta(delta(5)).kind).toBe('resync')
    expect(r.onDelta(delta(4)).kind).toBe('resync')
    expect(r.onFull({ ...state(3), rev: 3 })).toEqual(state(5))
    expect(r.rev).toBe(5)
    expect(r.onDelta(delta(6))).toEqual({ kind: 'applied', state: state(6) })
  })

  it('keeps deltas that arrive before the first whole state', () => {
    const r = createStateReplica()
    expect(r.onDelta(delta(2)).kind).toBe('resync')
    expect(r.onFull({ ...state(1), rev: 1 })).toEqual(state(2))
  })

  it('drops a whole state older than its copy', () => {
    const r = createStateReplica()
    r.onFull({ ...state(5), rev: 5 })
    expect(r.onFull({ ...state(4), rev: 4 })).toBeNull()
    expect(r.rev).toBe(5)
  })

  it('resyncs when a delta does not fit the copy', () => {
    const r = createStateReplica()
    r.onFull({ ...state(1), rev: 1 })
    const bad: AppStateDelta = {
      rev: 2,
      fields: {},
      clusters: { added: [], changed: [{ clusterId: 'nope', fields: {}, merged: {}, nodes: null, guests: null, storage: null }], removed: [], order: null },
      events: null
    }
    expect(r.onDelta(bad)).toEqual({ kind: 'resync' })
    expect(r.onFull({ ...state(2), rev: 2 })).toEqual(state(2))
  })
})
