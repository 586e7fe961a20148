// The guest tracker's input per guest is kept while the guest's record, its node being offline and its alert choice
// are the same, and is always what judging the record afresh gives.
import { describe, expect, it } from 'vitest'

import { JudgedGuests } from '../../../../src/main/core/monitor/judged-guests'
import { parseResources } from '../../../../src/main/core/monitor/parse-resources'
import { NODES3, resources } from './fixtures'

describe('judged guests', () => {
  it('are the same object for an unchanged guest, and judged again when anything they say changed', () => {
    const cache = new JudgedGuests()
    const [web, ct] = parseResources(
      resources(NODES3, [
        { vmid: 100, node: 'pve-a', status: 'running', name: 'web' },
        { vmid: 101, node: 'pve-b', type: 'lxc', status: 'stopped' }
      ])
    ).guests
    if (web === undefined || ct === undefined) throw new Error('fixture')
    const first = cache.of(web, false, false)
    expect(first).toEqual({ vmid: 100, kind: 'qemu', node: 'pve-a', name: 'web', state: 'running', lock: null, stale: false, alerts: false })
    const ctFirst = cache.of(ct, false, false)
    expect(ctFirst).toMatchObject({ vmid: 101, kind: 'lxc', state: 'stopped' })
    cache.sweep()
    expect(cache.of(web, false, false)).toBe(first)
    expect(cache.of(web, false, true)).toMatchObject({ alerts: true, state: 'running' })
    // Its node went offline: never judged running.
    expect(cache.of(web, true, true)).toMatchObject({ stale: true, state: 'unknown' })
    // A new record (the guest changed): judged from it.
    expect(cache.of({ ...web, status: 'stopped', lock: 'backup' }, false, true)).toMatchObject({ state: 'stopped', lock: 'backup', stale: false })
    cache.sweep()
    // 101 was not listed in the last poll: forgotten, so its record is judged afresh.
    const again = cache.of(ct, false, false)
    expect(again).not.toBe(ctFirst)
    expect(again).toEqual(ctFirst)
    cache.sweep()
    expect(cache.of(ct, false, false)).toBe(again)
  })
})
