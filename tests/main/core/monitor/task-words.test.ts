import { describe, expect, it } from 'vitest'

import { taskFailedMessage, taskWhat } from '../../../../src/main/core/monitor/task-words'

describe('task words', () => {
  it('names the action and the guest as the user knows them', () => {
    expect(taskWhat('qmstart', 106, { vmid: 106, kind: 'qemu', name: 'ci-runner-2' })).toBe('Start of VM 106 (ci-runner-2)')
    expect(taskWhat('vzdump', 201, { vmid: 201, kind: 'lxc', name: 'dns' })).toBe('Backup of CT 201 (dns)')
    expect(taskWhat('vzdump', null, null)).toBe('Backup')
  })

  it('keeps an unknown task type visible instead of guessing', () => {
    expect(taskWhat('zfscreate', null, null)).toBe('Task zfscreate')
    expect(taskWhat('qmfoo', 7, null)).toBe('Task qmfoo of guest 7')
  })

  it('says who started the failed task', () => {
    const t = { type: 'qmstart', node: 'pve-c', user: 'root@pam' }
    const g = { vmid: 114, kind: 'qemu' as const, name: 'old-erp' }
    expect(taskFailedMessage(t, 114, g, false)).toBe('Start of VM 114 (old-erp) on pve-c, started by root@pam, failed')
    expect(taskFailedMessage(t, 114, g, true)).toBe('Start of VM 114 (old-erp) on pve-c, started from this app, failed')
  })
})
