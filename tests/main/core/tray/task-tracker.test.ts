import { describe, expect, it } from 'vitest'

import { applyTaskProgress, busyLabel, pruneTasks, TASK_RESULT_KEEP_MS, taskFailureNotice } from '../../../../src/main/core/tray/task-tracker'
import { appState, cluster, NOW, progress } from './snapshot-fixtures'

describe('task tracker', () => {
  const state = appState([cluster()])

  it('keeps the latest progress per guest and ignores an older event of the same action', () => {
    let t = applyTaskProgress(new Map(), progress({ phase: 'pending', at: NOW }))
    t = applyTaskProgress(t, progress({ phase: 'ok', exitStatus: 'OK', at: NOW + 2000 }))
    const late = applyTaskProgress(t, progress({ phase: 'running', at: NOW + 1000 }))
    expect(late).toBe(t)
    expect([...t.values()][0]?.phase).toBe('ok')
  })

  it('says what runs, for the busy icon and tooltip', () => {
    const t = applyTaskProgress(new Map(), progress({ phase: 'running' }))
    expect(busyLabel(state, t)).toBe('Starting guest-101 (101)…')
    const two = applyTaskProgress(t, progress({ actionId: 'a2', vmid: 100, action: 'reboot' }))
    expect(busyLabel(state, two)).toBe('2 actions running')
    expect(busyLabel(state, applyTaskProgress(t, progress({ phase: 'ok', at: NOW + 1 })))).toBeNull()
  })

  it('drops finished results after a while but never a running task', () => {
    let t = applyTaskProgress(new Map(), progress({ phase: 'ok', at: NOW }))
    t = applyTaskProgress(t, progress({ actionId: 'a2', vmid: 100, phase: 'running', at: NOW }))
    const pruned = pruneTasks(t, NOW + TASK_RESULT_KEEP_MS + 1)
    expect([...pruned.keys()]).toEqual(['home/100'])
    expect(pruneTasks(pruned, NOW + 1)).toBe(pruned)
  })

  it('turns a failure into one notification with Proxmox exit status, and nothing else into one', () => {
    expect(taskFailureNotice(state, progress({ phase: 'ok', exitStatus: 'OK' }))).toBeNull()
    const n = taskFailureNotice(state, progress({ phase: 'failed', exitStatus: 'start failed: QEMU exited with code 1', message: 'The VM could not start' }))
    expect(n).toEqual({
      id: 'task-failed:a1',
      title: 'Start guest-101 (101) failed',
      body: 'start failed: QEMU exited with code 1 — The VM could not start',
      urgency: 'normal',
      silent: false,
      clickTarget: { view: 'guests', clusterId: 'home', vmid: 101 }
    })
    const http = taskFailureNotice(appState([]), progress({ phase: 'failed', exitStatus: null, message: 'HTTP 403: Permission check failed' }))
    expect(http?.title).toBe('Start VM 101 failed')
    expect(http?.body).toBe('HTTP 403: Permission check failed')
  })
})
