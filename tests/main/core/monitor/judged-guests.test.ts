// The guest tracker's input is the previous list itself when the guests' records, the offline nodes and the alert
// choices are the same, and otherwise what judging the records afresh gives.
import { describe, expect, it } from 'vitest'

import { JudgedGuests } from '../../../../src/main/core/monitor/judged-guests'
import { type ParsedGuest, parseResources } from '../../../../src/main/core/monitor/parse-resources'
import { NODES3, resources } from './fixtures'

describe('judged guests', () => {
  it('are the same list for the same records, and judged again when anything they say changed', () => {
    const judged = new JudgedGuests()
    const guests = parseResources(
      resources(NODES3, [
        { vmid: 100, node: 'pve-a', status: 'running', name: 'web', hastate: 'started' },
        { vmid: 101, node: 'pve-b', type: 'lxc', status: 'stopped' }
      ])
    ).guests
    let overrides = new Map<number, boolean>()
    const alertsFor = (g: ParsedGuest) => overrides.get(g.vmid) ?? g.hastate !== null
    const list = (gs: readonly ParsedGuest[], offline: string[] = []) =>
      judged.list({ guests: gs, offline: new Set(offline), alertsEpoch: overrides, alertsFor })
    const first = list(guests)
    expect(first).toEqual([
      { vmid: 100, kind: 'qemu', node: 'pve-a', name: 'web', state: 'running', lock: null, stale: false, alerts: true },
      { vmid: 101, kind: 'lxc', node: 'pve-b', name: 'g101', state: 'stopped', lock: null, stale: false, alerts: false }
    ])
    // The same records in a new array (an unchanged poll): the same list.
    expect(list([...guests])).toBe(first)
    // A node offline: never judged running.
    expect(list(guests, ['pve-a'])[0]).toMatchObject({ stale: true, state: 'unknown' })
    expect(list(guests)).toEqual(first)
    // An alert choice changed.
    overrides = new Map([[101, true]])
    expect(list(guests)[1]).toMatchObject({ alerts: true })
    // A guest's record changed.
    const changed = guests.map((g) => (g.vmid === 100 ? { ...g, status: 'stopped', lock: 'backup' } : g))
    expect(list(changed)[0]).toMatchObject({ state: 'stopped', lock: 'backup' })
  })
})
