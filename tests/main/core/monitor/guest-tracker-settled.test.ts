// The guest tracker skips a poll whose judged guests are the very ones it judged last, but only while nothing
// awaits confirmation: a guest-down or guest-up is still confirmed by the next poll even when that poll is the same.
import { describe, expect, it } from 'vitest'

import { GuestTracker, type JudgedGuest } from '../../../../src/main/core/monitor/guest-tracker'
import { EventFactory } from '../../../../src/main/core/monitor/monitor-events'
import { MuteBook } from '../../../../src/main/core/monitor/mutes'
import type { ParsedTask } from '../../../../src/main/core/monitor/parse-tasks'
import type { MonitorEvent } from '../../../../src/shared/snapshot'

const T0 = 1_700_000_000_000
const web = (state: JudgedGuest['state']): JudgedGuest =>
  Object.freeze({ vmid: 100, kind: 'qemu', name: 'web', node: 'pve-a', state, lock: null, stale: false, alerts: true })
const db: JudgedGuest = Object.freeze({ vmid: 101, kind: 'qemu', name: 'db', node: 'pve-a', state: 'running', lock: null, stale: false, alerts: true })

describe('guest tracker on unchanged polls', () => {
  it('confirms a pending change on an identical poll, then has nothing to say', () => {
    const t = new GuestTracker()
    const events: MonitorEvent[] = []
    const factory = new EventFactory('c1', 'Lab')
    const judge = (list: readonly JudgedGuest[], at: number, tasks: ParsedTask[] | null = [], baseline = false) =>
      t.observe(list, { now: at, baseline, events, factory, mutes: new MuteBook(), clearedMutes: [], tasks, userActions: new Map(), explainWindowMs: 600_000 })
    judge([web('running'), db], T0, null, true)
    expect(judge([web('running'), db], T0 + 1000)).toEqual({ pending: false, wantTasks: false })
    const down = [web('stopped'), db]
    // Stopped behind our back: awaits confirmation with the task list.
    expect(judge(down, T0 + 2000)).toEqual({ pending: true, wantTasks: true })
    expect(events.map((e) => e.kind)).toEqual(['guest-state'])
    // The very same list again: confirmed, not skipped.
    expect(judge(down, T0 + 3000)).toEqual({ pending: false, wantTasks: false })
    expect(events.map((e) => e.kind)).toEqual(['guest-state', 'guest-down'])
    expect(judge(down, T0 + 4000)).toEqual({ pending: false, wantTasks: false })
    const up = [web('running'), db]
    expect(judge(up, T0 + 5000)).toEqual({ pending: true, wantTasks: false })
    expect(judge(up, T0 + 6000)).toEqual({ pending: false, wantTasks: false })
    expect(judge(up, T0 + 7000)).toEqual({ pending: false, wantTasks: false })
    expect(events.map((e) => e.kind)).toEqual(['guest-state', 'guest-down', 'guest-state', 'guest-up'])
  })
})
