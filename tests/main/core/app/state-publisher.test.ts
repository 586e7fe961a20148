import { describe, expect, it } from 'vitest'

import { createStatePublisher } from '../../../../src/main/core/app/state-publisher'
import { applyAppStateDelta, type AppStateDelta } from '../../../../src/shared/state-delta'
import type { AppState } from '../../../../src/shared/views'

describe('createStatePublisher', () => {
  it('pushes a delta and the whole state per change, nothing when nothing changed', () => {
    let live: AppState = { demo: true, clusters: [], events: [], notificationsPausedUntil: null }
    const deltas: AppStateDelta[] = []
    const states: AppState[] = []
    const p = createStatePublisher({ read: () => live, emitDelta: (d) => deltas.push(d), emitState: (s) => states.push(s) })
    p.publish()
    p.publish()
    live = { ...live, notificationsPausedUntil: 10 }
    p.publish()
    expect(deltas.map((d) => d.rev)).toEqual([1, 2])
    expect(states).toEqual([{ ...live, notificationsPausedUntil: null }, live])
    // Deltas from revision 0 (the empty state) rebuild what was published.
    const rebuilt = deltas.reduce(applyAppStateDelta, { demo: false, clusters: [], events: [], notificationsPausedUntil: null })
    expect(rebuilt).toEqual(live)
    expect(p.current()).toEqual({ ...live, rev: 2 })
  })

  it('current() publishes a pending change first, so its revision matches the deltas', () => {
    let live: AppState = { demo: false, clusters: [], events: [], notificationsPausedUntil: 1 }
    const deltas: AppStateDelta[] = []
    const p = createStatePublisher({ read: () => live, emitDelta: (d) => deltas.push(d), emitState: () => undefined })
    live = { ...live, notificationsPausedUntil: 2 }
    expect(p.current().rev).toBe(1)
    expect(deltas).toHaveLength(1)
  })

  it('does not publish again from inside a listener', () => {
    let live: AppState = { demo: false, clusters: [], events: [], notificationsPausedUntil: 1 }
    const revs: number[] = []
    const seen: number[] = []
    const p = createStatePublisher({
      read: () => live,
      emitDelta: (d) => revs.push(d.rev),
      emitState: () => {
        // A change made by a listener is published by the next publish(), not from inside this one.
        live = { ...live, notificationsPausedUntil: (live.notificationsPausedUntil ?? 0) + 1 }
        seen.push(p.current().rev)
      }
    })
    p.publish()
    p.publish()
    expect(revs).toEqual([1, 2])
    expect(seen).toEqual([1, 2])
  })

  it('computes no delta while no renderer is there; a renderer that comes later starts from current()', () => {
    let live: AppState = { demo: false, clusters: [], events: [], notificationsPausedUntil: 1 }
    let open = false
    const deltas: AppStateDelta[] = []
    const states: AppState[] = []
    const p = createStatePublisher({ read: () => live, emitDelta: (d) => deltas.push(d), emitState: (s) => states.push(s), deltaWanted: () => open })
    p.publish()
    live = { ...live, notificationsPausedUntil: 2 }
    p.publish()
    p.publish() // nothing changed: nothing published
    expect(deltas).toEqual([])
    expect(states).toEqual([{ ...live, notificationsPausedUntil: 1 }, live])
    const base = p.current()
    expect(base).toEqual({ ...live, rev: 2 })
    open = true
    live = { ...live, demo: true }
    p.publish()
    expect(deltas.map((d) => d.rev)).toEqual([3])
    const { rev, ...renderer } = base
    expect(rev).toBe(deltas[0]!.rev - 1)
    expect(applyAppStateDelta(renderer, deltas[0]!)).toEqual(live)
  })
})
