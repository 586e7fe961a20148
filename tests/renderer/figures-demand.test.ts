// The dashboard's figures demand (guests:show-figures): sent once at the start, then only when it changed, with
// at most one call in flight and the latest demand sent after it (a scroll does not become a call per frame).
import { MAX_FIGURE_GUESTS } from '@shared/ipc/contract'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createFiguresDemand, type FigureDemand, NO_FIGURES } from '../../src/renderer/src/lib/figures-demand'
import type { GuestRow } from '../../src/renderer/src/lib/guest-query'
import { FIGURE_MARGIN_ROWS, figuresWindow } from '../../src/renderer/src/views/guests/figures-window'
import type { GuestView } from '../../src/shared/snapshot'

const GAP = 80
const RETRY = 5000

/** A main that answers when told to: every send waits until `answer` is called. */
function slowMain(): { sent: FigureDemand[]; answer: (ok?: boolean) => Promise<void>; demand: ReturnType<typeof createFiguresDemand> } {
  const sent: FigureDemand[] = []
  const waiting: ((ok: boolean) => void)[] = []
  const demand = createFiguresDemand(
    (d) => {
      sent.push(d)
      return new Promise<boolean>((resolve) => waiting.push(resolve))
    },
    { gapMs: GAP, retryMs: RETRY }
  )
  return {
    sent,
    demand,
    answer: async (ok = true) => {
      waiting.shift()?.(ok)
      await vi.advanceTimersByTimeAsync(0)
    }
  }
}

const some = (...vmids: number[]): FigureDemand => ({ all: false, guests: vmids.map((vmid) => ({ clusterId: 'c1', vmid })) })

describe('createFiguresDemand', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('the start sends "none" once when nothing set a demand before', async () => {
    const m = slowMain()
    m.demand.start()
    await m.answer()
    await vi.advanceTimersByTimeAsync(GAP)
    m.demand.start()
    m.demand.set(NO_FIGURES)
    await vi.advanceTimersByTimeAsync(GAP * 3)
    expect(m.sent).toEqual([NO_FIGURES])
  })

  it('a demand set before the start (the guests view runs its effect first) is what is sent; the start sends nothing over it', async () => {
    const m = slowMain()
    m.demand.set(some(100, 101))
    m.demand.start()
    await m.answer()
    await vi.advanceTimersByTimeAsync(GAP * 3)
    m.demand.start()
    await vi.advanceTimersByTimeAsync(GAP * 3)
    expect(m.sent).toEqual([some(100, 101)])
  })

  it('while a call is in flight and in the pause after it, changes wait; then only the latest is sent', async () => {
    const m = slowMain()
    m.demand.set(some(100))
    m.demand.set(some(101))
    m.demand.set(some(102))
    expect(m.sent).toEqual([some(100)])
    await m.answer()
    m.demand.set(some(103))
    await vi.advanceTimersByTimeAsync(GAP - 1)
    expect(m.sent).toEqual([some(100)])
    await vi.advanceTimersByTimeAsync(1)
    expect(m.sent).toEqual([some(100), some(103)])
  })

  it('a demand that did not change (same guests in another order) is not sent again, nor one changed and changed back meanwhile', async () => {
    const m = slowMain()
    m.demand.set(some(100, 101))
    await m.answer()
    await vi.advanceTimersByTimeAsync(GAP)
    m.demand.set(some(101, 100))
    expect(m.sent).toEqual([some(100, 101)])
    m.demand.set(some(102))
    m.demand.set({ all: true, guests: [] })
    m.demand.set(some(102))
    await m.answer()
    await vi.advanceTimersByTimeAsync(GAP * 3)
    expect(m.sent).toEqual([some(100, 101), some(102)])
  })

  it('a demand main did not take is sent again after the retry pause, not in a tight loop', async () => {
    const m = slowMain()
    m.demand.set(some(100))
    await m.answer(false)
    await vi.advanceTimersByTimeAsync(RETRY - 1)
    expect(m.sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(m.sent).toEqual([some(100), some(100)])
    await m.answer(true)
    await vi.advanceTimersByTimeAsync(RETRY * 2)
    expect(m.sent).toHaveLength(2)
  })
})

function row(vmid: number, clusterId = 'c1'): GuestRow {
  return { key: `${clusterId}/${vmid}`, clusterId, clusterName: clusterId, guest: { vmid } as GuestView }
}
const rows = Array.from({ length: 1000 }, (_, i) => row(100 + i))
const vmidsOf = (d: FigureDemand): number[] => d.guests.map((g) => g.vmid)

describe('figuresWindow', () => {
  it('sorted by a figure: every guest', () => {
    for (const sort of ['cpu', 'mem', 'uptime', 'diskio', 'netio'] as const)
      expect(figuresWindow(rows, { start: 0, end: 30 }, undefined, sort)).toEqual({ all: true, guests: [] })
  })

  it('otherwise the rendered rows and at least the margin above and below, no more than a few steps beyond', () => {
    const d = figuresWindow(rows, { start: 300, end: 330 }, undefined, 'vmid')
    expect(d.all).toBe(false)
    const idx = vmidsOf(d).map((v) => v - 100)
    expect(Math.min(...idx)).toBeLessThanOrEqual(300 - FIGURE_MARGIN_ROWS)
    expect(Math.max(...idx)).toBeGreaterThanOrEqual(330 + FIGURE_MARGIN_ROWS)
    expect(idx.length).toBeLessThanOrEqual(31 + 2 * FIGURE_MARGIN_ROWS + 40)
    // Contiguous: every row between its ends.
    expect(idx).toEqual(Array.from({ length: idx.length }, (_, i) => (idx[0] ?? 0) + i))
  })

  it('a scroll by a row or two keeps the same demand (the window moves in steps)', () => {
    const a = figuresWindow(rows, { start: 301, end: 331 }, undefined, 'name')
    const b = figuresWindow(rows, { start: 302, end: 332 }, undefined, 'name')
    expect(b).toEqual(a)
  })

  it('the ends of the table clip the window; no rows or no range: none', () => {
    expect(vmidsOf(figuresWindow(rows, { start: 0, end: 20 }, undefined, 'vmid'))[0]).toBe(100)
    expect(vmidsOf(figuresWindow(rows, { start: 970, end: 999 }, undefined, 'vmid')).at(-1)).toBe(1099)
    expect(figuresWindow([], { start: 0, end: -1 }, undefined, 'vmid')).toBe(NO_FIGURES)
    expect(figuresWindow(rows, null, undefined, 'vmid')).toBe(NO_FIGURES)
  })

  it('the open details add their guest once, also when it is filtered out of the table', () => {
    const off = row(7777, 'c2')
    const d = figuresWindow(rows, { start: 0, end: 20 }, off, 'vmid')
    expect(d.guests.at(-1)).toEqual({ clusterId: 'c2', vmid: 7777 })
    const inside = figuresWindow(rows, { start: 0, end: 20 }, rows[5], 'vmid')
    expect(inside).toEqual(figuresWindow(rows, { start: 0, end: 20 }, undefined, 'vmid'))
    expect(figuresWindow([], null, off, 'vmid')).toEqual({ all: false, guests: [{ clusterId: 'c2', vmid: 7777 }] })
  })

  it('a window past the contract limit asks for all instead', () => {
    const many = Array.from({ length: 2000 }, (_, i) => row(100 + i))
    const d = figuresWindow(many, { start: 100, end: 100 + MAX_FIGURE_GUESTS }, undefined, 'vmid')
    expect(d).toEqual({ all: true, guests: [] })
    expect(figuresWindow(many, { start: 100, end: 130 }, undefined, 'vmid').guests.length).toBeLessThanOrEqual(MAX_FIGURE_GUESTS)
  })
})
