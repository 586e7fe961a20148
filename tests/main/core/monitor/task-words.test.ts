import { describe, expect, it } from 'vitest'

import { taskFailedMessage } from '../../../../src/main/core/monitor/task-words'

/** A task of `type` on pve-a, started by root@pam. */
const task = (type: string): { type: string; node: string; user: string } => ({ type, node: 'pve-a', user: 'root@pam' })

describe('task words', () => {
  it('names the action and the guest as the user knows them', () => {
    expect(taskFailedMessage(task('qmstart'), 106, { vmid: 106, kind: 'qemu', name: 'ci-runner-2' }, false)).toBe(
      'Start of VM 106 (ci-runner-2) on pve-a, started by root@pam, failed'
    )
    expect(taskFailedMessage(task('vzdump'), 201, { vmid: 201, kind: 'lxc', name: 'dns' }, false)).toBe(
      'Backup of CT 201 (dns) on pve-a, started by root@pam, failed'
    )
    expect(taskFailedMessage(task('vzdump'), null, null, false)).toBe('Backup on pve-a, started by root@pam, failed')
  })

  it('keeps an unknown task type visible instead of guessing', () => {
    expect(taskFailedMessage(task('zfscreate'), null, null, false)).toBe('Task zfscreate on pve-a, started by root@pam, failed')
    expect(taskFailedMessage(task('qmfoo'), 7, null, false)).toBe('Task qmfoo of guest 7 on pve-a, started by root@pam, failed')
  })

  it('says who started the failed task', () => {
    const t = { type: 'qmstart', node: 'pve-c', user: 'root@pam' }
    const g = { vmid: 114, kind: 'qemu' as const, name: 'old-erp' }
    expect(taskFailedMessage(t, 114, g, false)).toBe('Start of VM 114 (old-erp) on pve-c, started by root@pam, failed')
    expect(taskFailedMessage(t, 114, g, true)).toBe('Start of VM 114 (old-erp) on pve-c, started from this app, failed')
  })
})
