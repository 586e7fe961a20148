import { describe, expect, it } from 'vitest'

import { taskFailedMessage } from '../../src/main/core/monitor/task-words'
import { actionVerb } from '../../src/main/core/tray/task-tracker'
import { ACTION_WORDS } from '../../src/shared/action-words'
import type { PowerAction } from '../../src/shared/snapshot'

const ACTIONS: readonly PowerAction[] = ['start', 'stop', 'shutdown', 'reboot', 'suspend', 'resume']

describe('one word per action', () => {
  it('the tray menu labels every action with the words the dashboard takes too', () => {
    for (const a of ACTIONS) expect(actionVerb(a)).toBe(ACTION_WORDS[a].label)
    expect(actionVerb('shutdown')).toBe('Shut down')
    expect(actionVerb('suspend')).toBe('Pause')
  })

  it('the timeline names the same action with its noun', () => {
    const g = { vmid: 106, kind: 'qemu' as const, name: 'ci' }
    const task = (type: string): { type: string; node: string; user: string } => ({ type, node: 'pve-a', user: 'root@pam' })
    expect(taskFailedMessage(task('qmshutdown'), 106, g, false)).toMatch(/^Shutdown of VM 106 \(ci\) on pve-a,/)
    expect(taskFailedMessage(task('qmsuspend'), 106, g, true)).toMatch(/^Pause of VM 106 \(ci\) on pve-a,/)
  })
})
